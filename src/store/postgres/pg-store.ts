import pg from 'pg'
import { isDeepStrictEqual } from 'node:util'
import type { ReportInput, SitrepEvent } from '../../types.js'
import type { AddReportResult, EventMention, PointColumns, HistoryEntry, Review, ReviewEntry, StatsBucket, StatsBy, StatsRow, Store, StoredReport } from '../store.js'
import type { Correction, EventQuery, ReviewStatus, StoredEvent } from '../types.js'
import { PG_MIGRATIONS } from './schema.js'
import { pgEventPage, pgEventWhere } from './event-sql.js'
import { pointColumns } from '../point-columns.js'
import { cursorAfter } from '../order.js'
import { allPages } from '../pages.js'
import { applyCorrections, CORRECTABLE } from '../corrections.js'
import { mentionKey, reportKey, type Mention } from '../../merge/mention.js'
import { mergeRules } from '../../merge/rules.js'
import { dayNumber, placeKeys } from '../../merge/similar.js'
import { candidateWindow } from '../../merge/candidate-window.js'
import { planMerge, type MergePlan } from '../../merge/plan.js'
import { actorsText, coreOf, countActors, formerMembers, REVIEW_OF, toMention, toReport, type MentionRow, type ReportRow } from '../rows.js'
import { faultOf } from '../store-fault.js'

type Db = pg.PoolClient | pg.Pool
const MENTION_COLS = 'm.key, m.idx, m.core AS data, m.event_id, r.key AS rkey, r.ext_id, r.url, r.source, r.published, r.title'
// merges touch mentions within a month of their date; locking 64-day blocks of a country serialises
// the workers that could touch the same events, and only those
const BLOCK_DAYS = 64
const MIGRATION_LOCK = 0x5172e9

/** The shared store for many processes: PostgreSQL, one schema, merges serialised by advisory locks. */
export class PgStore implements Store {
  readonly backend = 'postgres' as const
  readonly pool: pg.Pool
  private readonly rules = mergeRules()

  constructor(url: string, readonly schema = 'sitrep') {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`)
    this.pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` })
    this.pool.on('error', () => undefined) // an idle client dropped by the server is replaced on next use
  }

  static async open(url: string, schema = process.env.SITREP_PG_SCHEMA ?? 'sitrep'): Promise<PgStore> {
    const s = new PgStore(url, schema)
    await s.migrate()
    return s
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect()
    try {
      await c.query('BEGIN')
      const out = await fn(c)
      await c.query('COMMIT')
      return out
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined)
      throw faultOf(e) ?? e
    } finally {
      c.release()
    }
  }

  async migrate(): Promise<{ applied: number[] }> {
    const c = await this.pool.connect()
    const applied: number[] = []
    try {
      await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`)
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, about text NOT NULL, applied_at text NOT NULL)')
      for (const m of PG_MIGRATIONS) {
        const done = await c.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])
        if (done.rowCount) continue
        await c.query('BEGIN')
        try {
          await c.query(m.sql)
          await c.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [m.version, m.about, new Date().toISOString()])
          await c.query('COMMIT')
          applied.push(m.version)
        } catch (e) {
          await c.query('ROLLBACK')
          throw new Error(`migration ${m.version} failed: ${(e as Error).message}`)
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
      c.release()
    }
    return { applied }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }

  private async reportByRef(db: Db, url: string | null | undefined, key: string | null): Promise<ReportRow | undefined> {
    if (url) {
      const r = await db.query<ReportRow>('SELECT * FROM reports WHERE url = $1', [url])
      if (r.rows[0]) return r.rows[0]
    }
    return key ? (await db.query<ReportRow>('SELECT * FROM reports WHERE key = $1', [key])).rows[0] : undefined
  }

  async seen(ref: { url?: string | null; text?: string }): Promise<boolean> {
    return !!(await this.reportByRef(this.pool, ref.url, ref.text !== undefined ? reportKey(ref.text) : null))
  }

  async addReport(report: ReportInput, events: SitrepEvent[], coderVersion: string): Promise<AddReportResult> {
    const [res] = await this.addReports([{ report, events }], coderVersion)
    if ('error' in res!) throw new Error(res.error)
    return res!
  }

  /** The advisory-lock keys of every block the events' merges can touch, sorted so workers never deadlock. */
  private lockKeys(events: SitrepEvent[]): string[] {
    const keys = new Set<string>()
    for (const e of events) {
      const win = e.background ? null : candidateWindow(e, this.rules)
      if (!win) continue
      // twice the reach: a candidate's own neighbourhood (one hop) lies within it
      const span = win.reach * 2
      for (let b = Math.floor((win.day - span) / BLOCK_DAYS); b <= Math.floor((win.day + span) / BLOCK_DAYS); b++) keys.add(`${e.iso ?? ''}:${b}`)
    }
    return [...keys].sort()
  }

  async addReports(batch: { report: ReportInput; events: SitrepEvent[] }[], coderVersion: string): Promise<(AddReportResult | { error: string })[]> {
    return this.tx(async (c) => {
      for (const k of this.lockKeys(batch.flatMap((b) => b.events))) await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}:${k}`])
      const out: (AddReportResult | { error: string })[] = []
      for (const { report, events } of batch) {
        await c.query('SAVEPOINT report')
        try {
          out.push(await this.addOne(c, report, events, coderVersion))
          await c.query('RELEASE SAVEPOINT report')
        } catch (e) {
          // a full disk or a read-only server fails every report after this one: give up the batch
          const fault = faultOf(e)
          if (fault) throw fault
          await c.query('ROLLBACK TO SAVEPOINT report')
          out.push({ error: (e as Error).message })
        }
      }
      return out
    })
  }

  private async addOne(c: pg.PoolClient, report: ReportInput, events: SitrepEvent[], coderVersion: string): Promise<AddReportResult> {
    const key = reportKey(report.text)
    const existing = await this.reportByRef(c, report.url, key)
    if (existing) return { status: 'seen', eventIds: await this.eventIdsOf(c, existing.id), eventsNew: 0, eventsMerged: 0 }
    const ins = await c.query<{ id: string }>(`INSERT INTO reports (ext_id, key, url, title, text, published, source, byline, ingested_at, coder_version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`, [report.id, key, report.url ?? null, report.title ?? null,
      report.text, report.published ?? null, report.source ?? null, report.byline ?? null, new Date().toISOString(), coderVersion])
    if (!ins.rows[0]) { // another worker stored it between our check and our insert
      const again = await this.reportByRef(c, report.url, key)
      return { status: 'seen', eventIds: again ? await this.eventIdsOf(c, again.id) : [], eventsNew: 0, eventsMerged: 0 }
    }
    const mentions = await this.insertMentions(c, Number(ins.rows[0].id), key, report, events)
    const plan = await this.remerge(c, mentions, new Map())
    return { status: 'new', eventIds: mentions.map((m) => plan.eventOf.get(m.key)!), eventsNew: plan.eventsNew, eventsMerged: plan.mentionsJoined }
  }

  private async insertMentions(c: pg.PoolClient, rowid: number, key: string, report: Pick<ReportInput, 'id' | 'url' | 'source' | 'published' | 'title'>, events: SitrepEvent[]): Promise<Mention[]> {
    const out: Mention[] = []
    for (const [idx, event] of events.entries()) {
      const m: Mention = { key: mentionKey(key, idx), reportKey: key, reportId: report.id, idx, url: report.url ?? null, outlet: report.source ?? null, published: report.published ?? null, title: report.title ?? null, event }
      const place = placeKeys(event.location)
      await c.query(`INSERT INTO mentions (report_id, idx, key, event_id, iso, day, tp, background, place_key, place_skel, lat, lon, data, core)
        VALUES ($1, $2, $3, '', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [rowid, idx, m.key, event.iso, dayNumber(event.event_date), event.time_precision ?? 3,
        event.background, place.key, place.skeleton, event.latitude, event.longitude, JSON.stringify(event), JSON.stringify(coreOf(event))])
      out.push(m)
    }
    return out
  }

  private async eventIdsOf(db: Db, reportRowid: number): Promise<string[]> {
    return (await db.query<{ event_id: string }>('SELECT event_id FROM mentions WHERE report_id = $1 ORDER BY idx', [reportRowid])).rows.map((r) => r.event_id)
  }

  private async neighbours(c: pg.PoolClient, m: Mention): Promise<Mention[]> {
    const win = candidateWindow(m.event, this.rules)
    if (!win) return []
    const rows = await c.query<MentionRow>(`SELECT ${MENTION_COLS} FROM mentions m JOIN reports r ON r.id = m.report_id
      WHERE m.iso IS NOT DISTINCT FROM $1 AND m.day BETWEEN $2 AND $3 AND NOT m.background
        AND abs(m.day - $4::int) <= $5::float8 + CASE m.tp WHEN 1 THEN $6::float8 WHEN 2 THEN $7::float8 ELSE $8::float8 END
        AND (m.place_key = $9::text OR m.place_skel = $10::text OR (m.lat BETWEEN $11::float8 AND $12::float8 AND m.lon BETWEEN $13::float8 AND $14::float8))`, [...win.params])
    return rows.rows.map(toMention)
  }

  private async remerge(c: pg.PoolClient, seeds: Mention[], former: Map<string, string[]>): Promise<MergePlan> {
    const ids = new Map<string, string>()
    const currentKeys = async (keys: string[]) => {
      const r = await c.query<{ key: string; event_id: string }>('SELECT key, event_id FROM mentions WHERE key = ANY($1)', [keys])
      for (const row of r.rows) ids.set(row.key, row.event_id)
    }
    const coMembers = async (eventIds: string[]) => (await c.query<MentionRow>(`SELECT ${MENTION_COLS} FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.event_id = ANY($1)`, [eventIds])).rows.map(toMention)
    // planMerge asks for current ids one key at a time; fetch them per batch of neighbours instead
    const neighbours = async (m: Mention) => { const ns = await this.neighbours(c, m); await currentKeys([m.key, ...ns.map((n) => n.key)]); return ns }
    const plan = await planMerge(seeds, neighbours, (k) => ids.get(k) ?? '', former, this.rules, async (eventIds) => {
      const ms = await coMembers(eventIds)
      await currentKeys(ms.map((x) => x.key))
      return ms
    })
    const now = new Date().toISOString()
    for (const [key, id] of plan.eventOf) await c.query('UPDATE mentions SET event_id = $1 WHERE key = $2 AND event_id <> $1', [id, key])
    for (const [oldId, newId] of plan.successor) {
      await c.query('INSERT INTO history (old_id, new_id, reason, at) VALUES ($1, $2, $3, $4)', [oldId, newId ?? '', newId ? 'merged' : 'dropped: no report codes it any more', now])
      if (newId) {
        await c.query('UPDATE corrections SET event_id = $1 WHERE event_id = $2', [newId, oldId])
        await c.query('UPDATE reviews SET event_id = $1 WHERE event_id = $2', [newId, oldId])
      }
      await c.query('DELETE FROM events WHERE event_id = $1', [oldId])
    }
    for (const ev of plan.events) await this.writeEvent(c, ev)
    return plan
  }

  private async correctionsOf(db: Db, eventId: string): Promise<Correction[]> {
    const r = await db.query<{ field: string; value: unknown; comment: string | null; author: string | null; at: string }>('SELECT field, value, comment, author, at FROM corrections WHERE event_id = $1 ORDER BY id', [eventId])
    return r.rows.map((x) => ({ field: x.field, value: x.value, comment: x.comment, author: x.author, at: x.at }))
  }

  private async reviewStatus(db: Db, eventId: string): Promise<ReviewStatus> {
    const r = await db.query<{ action: Review['action'] }>('SELECT action FROM reviews WHERE event_id = $1 ORDER BY id DESC LIMIT 1', [eventId])
    return r.rows[0] ? REVIEW_OF[r.rows[0].action] : 'unreviewed'
  }

  private async writeEvent(db: Db, merged: StoredEvent, known?: { corrections: Correction[]; review: ReviewStatus }) {
    const view = applyCorrections(merged, known?.corrections ?? await this.correctionsOf(db, merged.event_id), known?.review ?? await this.reviewStatus(db, merged.event_id))
    const actors = actorsText(view)
    await db.query(`INSERT INTO events (event_id, event_date, iso, country, admin1, event_type, sub_event_type, actors, fatalities, background, review, latitude, longitude, updated, merged, tsv, confidence)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, to_tsvector('simple', $16), $17)
      ON CONFLICT (event_id) DO UPDATE SET event_date = excluded.event_date, iso = excluded.iso, country = excluded.country, admin1 = excluded.admin1,
        event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, actors = excluded.actors, fatalities = excluded.fatalities,
        background = excluded.background, review = excluded.review, latitude = excluded.latitude, longitude = excluded.longitude,
        updated = excluded.updated, merged = excluded.merged, tsv = excluded.tsv, confidence = excluded.confidence`,
    [view.event_id, view.event_date ?? '', view.iso, view.country, view.admin1, view.event_type, view.sub_event_type, actors, view.fatalities,
      view.background, view.review, view.latitude, view.longitude, merged.timestamp, JSON.stringify(merged),
      [view.notes, actors, view.location, view.admin1, view.country].filter(Boolean).join(' '), view.confidence ?? 0])
  }

  async recodeReport(id: string, events: SitrepEvent[], coderVersion: string): Promise<{ changed: boolean }> {
    return this.tx(async (c) => {
      const rep = (await c.query<ReportRow>('SELECT * FROM reports WHERE ext_id = $1 ORDER BY id LIMIT 1', [id])).rows[0]
      if (!rep) throw new RangeError(`no stored report with id "${id}"`)
      const old = (await c.query<{ key: string; data: SitrepEvent; event_id: string }>('SELECT key, data, event_id FROM mentions WHERE report_id = $1 ORDER BY idx', [rep.id])).rows
      for (const k of this.lockKeys([...old.map((o) => o.data), ...events])) await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}:${k}`])
      // jsonb keeps its own key order, so compare values, not strings
      const changed = !isDeepStrictEqual(old.map((o) => o.data), JSON.parse(JSON.stringify(events)))
      await c.query('UPDATE reports SET coder_version = $1 WHERE id = $2', [coderVersion, rep.id])
      if (!changed) return { changed }
      const former = formerMembers(old)
      const formerIds = [...former.keys()]
      await c.query('DELETE FROM mentions WHERE report_id = $1', [rep.id])
      const fresh = await this.insertMentions(c, Number(rep.id), rep.key, { id: rep.ext_id, url: rep.url, source: rep.source, published: rep.published, title: rep.title } as ReportInput, events)
      const partners = (await c.query<MentionRow>(`SELECT ${MENTION_COLS} FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.event_id = ANY($1)`, [formerIds])).rows.map(toMention)
      await this.remerge(c, [...fresh, ...partners], former)
      return { changed }
    })
  }

  async *reports(): AsyncIterable<StoredReport> {
    let after = 0
    for (;;) {
      const rows = (await this.pool.query<ReportRow>('SELECT * FROM reports WHERE id > $1 ORDER BY id LIMIT 500', [after])).rows
      for (const r of rows) yield toReport(r)
      if (rows.length < 500) return
      after = Number(rows[rows.length - 1]!.id)
    }
  }

  async getReport(id: string): Promise<StoredReport | null> {
    const r = (await this.pool.query<ReportRow>('SELECT * FROM reports WHERE ext_id = $1 ORDER BY id LIMIT 1', [id])).rows[0]
    return r ? toReport(r) : null
  }

  private async view(db: Db, row: { event_id: string; merged: StoredEvent; review: string }): Promise<StoredEvent> {
    return row.review === 'unreviewed' ? row.merged : applyCorrections(row.merged, await this.correctionsOf(db, row.event_id), row.review as ReviewStatus)
  }

  async queryEvents(q: EventQuery): Promise<{ events: StoredEvent[]; next: string | null }> {
    const limit = q.limit ?? 100
    const keys = pgEventPage(q, limit)
    const rows = (await this.pool.query<{ event_id: string; event_date: string; confidence: number; merged: StoredEvent; review: string }>(keys.sql, keys.params)).rows
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    const events: StoredEvent[] = []
    for (const r of page) events.push(await this.view(this.pool, r))
    return { events, next: rows.length > limit && last ? cursorAfter(q.order, last) : null }
  }

  streamEvents(q: EventQuery): AsyncIterable<StoredEvent> {
    return allPages((x) => this.queryEvents(x), q)
  }

  private async resolveId(db: Db, id: string): Promise<string | null> {
    // PostgreSQL refuses U+0000 in a text parameter; no stored id holds one, so no such event exists
    if (id.includes('\u0000')) return null
    let cur = id
    for (let hop = 0; hop < 50; hop++) {
      if ((await db.query('SELECT 1 FROM events WHERE event_id = $1', [cur])).rowCount) return cur
      const h = (await db.query<{ new_id: string }>(`SELECT new_id FROM history WHERE old_id = $1 AND new_id <> '' ORDER BY id DESC LIMIT 1`, [cur])).rows[0]
      if (!h) return null
      cur = h.new_id
    }
    return null
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const real = await this.resolveId(this.pool, id)
    if (!real) return null
    const row = (await this.pool.query<{ event_id: string; merged: StoredEvent; review: string }>('SELECT event_id, merged, review FROM events WHERE event_id = $1', [real])).rows[0]
    return row ? this.view(this.pool, row) : null
  }

  async eventMentions(id: string): Promise<EventMention[]> {
    const real = await this.resolveId(this.pool, id)
    if (!real) return []
    const rows = (await this.pool.query<ReportRow & { idx: number; data: SitrepEvent }>(`SELECT m.idx, m.data, r.* FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.event_id = $1 ORDER BY r.published, r.id`, [real])).rows
    return rows.map((r) => ({ report: toReport(r), idx: r.idx, event: r.data }))
  }

  async *eventsByReport(): AsyncIterable<{ id: string; events: (SitrepEvent & { event_id: string })[] }> {
    let after = 0
    for (;;) {
      const reps = (await this.pool.query<{ id: string; ext_id: string }>('SELECT id, ext_id FROM reports WHERE id > $1 ORDER BY id LIMIT 500', [after])).rows
      if (!reps.length) return
      const ms = (await this.pool.query<{ report_id: string; data: SitrepEvent; event_id: string }>('SELECT report_id, data, event_id FROM mentions WHERE report_id = ANY($1) ORDER BY report_id, idx', [reps.map((r) => r.id)])).rows
      const by = new Map<string, (SitrepEvent & { event_id: string })[]>()
      for (const m of ms) (by.get(m.report_id) ?? by.set(m.report_id, []).get(m.report_id)!).push({ ...m.data, event_id: m.event_id })
      for (const r of reps) yield { id: r.ext_id, events: by.get(r.id) ?? [] }
      after = Number(reps[reps.length - 1]!.id)
    }
  }

  async history(id: string): Promise<HistoryEntry[]> {
    if (id.includes('\u0000')) return [] // as in resolveId
    return (await this.pool.query<HistoryEntry>('SELECT old_id, new_id, reason, at FROM history WHERE old_id = $1 OR new_id = $1 ORDER BY id', [id])).rows
  }

  async review(id: string, review: Review): Promise<StoredEvent> {
    return this.tx(async (c) => {
      const real = await this.resolveId(c, id)
      if (!real) throw new RangeError(`no event with id "${id}"`)
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}:event:${real}`])
      const at = new Date().toISOString()
      if (review.action === 'correct') {
        const bad = Object.keys(review.fields).filter((f) => !CORRECTABLE.has(f))
        if (bad.length || !Object.keys(review.fields).length) throw new RangeError(bad.length ? `fields that cannot be corrected: ${bad.join(', ')}` : 'a correction needs at least one field')
        for (const [field, value] of Object.entries(review.fields)) {
          await c.query('INSERT INTO corrections (event_id, field, value, comment, author, at) VALUES ($1, $2, $3, $4, $5, $6)', [real, field, JSON.stringify(value), review.comment ?? null, review.author ?? null, at])
        }
      }
      await c.query('INSERT INTO reviews (event_id, action, fields, comment, author, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [real, review.action, review.action === 'correct' ? JSON.stringify(review.fields) : null, review.comment ?? null, review.author ?? null, at])
      const row = (await c.query<{ merged: StoredEvent }>('SELECT merged FROM events WHERE event_id = $1', [real])).rows[0]!
      await this.writeEvent(c, row.merged)
      const fresh = (await c.query<{ event_id: string; merged: StoredEvent; review: string }>('SELECT event_id, merged, review FROM events WHERE event_id = $1', [real])).rows[0]!
      return this.view(c, fresh)
    })
  }

  async reviews(id: string): Promise<ReviewEntry[]> {
    if (id.includes('\u0000')) return [] // as in resolveId
    const real = (await this.resolveId(this.pool, id)) ?? id
    return (await this.pool.query<ReviewEntry>('SELECT event_id, action, fields, comment, author, at FROM reviews WHERE event_id = $1 ORDER BY id', [real])).rows
  }

  async stats(q: EventQuery, bucket: StatsBucket, by: StatsBy): Promise<StatsRow[]> {
    const { where, params } = pgEventWhere({ ...q, cursor: undefined })
    const period = bucket === 'day' ? 'event_date' : bucket === 'month' ? `substr(event_date, 1, 7) || '-01'` : `to_char(date_trunc('week', event_date::date), 'YYYY-MM-DD')`
    const key = by === 'event_type' ? 'event_type' : by === 'country' ? `coalesce(country, '')` : `coalesce(admin1, '')`
    const rows = (await this.pool.query<{ period: string; key: string; events: string; fatalities: string }>(`SELECT ${period} AS period, ${key} AS key, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities
      FROM events ${where}${where ? ' AND' : ' WHERE'} event_date <> '' GROUP BY 1, 2 ORDER BY 1, 2`, params)).rows
    return rows.map((r) => ({ period: r.period, key: r.key, events: Number(r.events), fatalities: Number(r.fatalities) }))
  }

  async actors(q: string | null, limit: number): Promise<{ name: string; events: number }[]> {
    const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
    const rows = (await this.pool.query<{ actors: string }>(`SELECT actors FROM events WHERE NOT background AND review <> 'rejected'${like ? ' AND actors ILIKE $1' : ''}`, like ? [like] : [])).rows
    return countActors(rows, q, limit)
  }

  async points(q: EventQuery, limit: number): Promise<PointColumns> {
    const { where, params } = pgEventWhere({ ...q, cursor: undefined })
    const r = await this.pool.query({ text: `SELECT event_id, latitude, longitude, event_type, fatalities, event_date FROM events ${where}${where ? ' AND' : ' WHERE'} latitude IS NOT NULL
      ORDER BY event_date DESC, event_id DESC LIMIT $${params.length + 1}`, values: [...params, limit], rowMode: 'array' })
    return pointColumns(r.rows as unknown[][])
  }

  async counts() {
    const r = (await this.pool.query<{ reports: string; events: string; mentions: string }>('SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM mentions) AS mentions')).rows[0]!
    return { reports: Number(r.reports), events: Number(r.events), mentions: Number(r.mentions) }
  }

  async importEvents(events: StoredEvent[]): Promise<void> {
    await this.tx(async (c) => { for (const e of events) await this.writeEvent(c, e, { corrections: e.corrections, review: e.review }) })
  }
}
