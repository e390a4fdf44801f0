import Database from 'better-sqlite3'
import type { ReportInput, SitrepEvent } from '../../types.js'
import type { AddReportResult, EventMention, PointColumns, HistoryEntry, Review, ReviewEntry, StatsBucket, StatsBy, StatsRow, Store, StoredReport } from '../store.js'
import type { Correction, EventQuery, ReviewStatus, StoredEvent } from '../types.js'
import { MIGRATIONS } from './schema.js'
import { eventPage, eventWhere } from './event-sql.js'
import { pointColumns } from '../point-columns.js'
import { cursorAfter, orderBy } from '../order.js'
import { allPages } from '../pages.js'
import { applyCorrections, CORRECTABLE } from '../corrections.js'
import { mentionKey, reportKey, type Mention } from '../../merge/mention.js'
import { mergeRules } from '../../merge/rules.js'
import { dayNumber, placeKeys } from '../../merge/similar.js'
import { candidateWindow } from '../../merge/candidate-window.js'
import { planMerge, type MergePlan } from '../../merge/plan.js'
import { actorNames, actorsText, coreOf, formerMembers, topActors, REVIEW_OF, toMention, toReport, type MentionRow, type ReportRow } from '../rows.js'
import { faultOf, storeFault } from '../store-fault.js'

type DayDims = { event_date: string; iso: string | null; country: string | null; admin1: string | null; event_type: string; sub_event_type: string; background: number; review: string; fatalities: number; actors: string }
const MENTION_COLS = 'm.key, m.idx, m.core AS data, m.event_id, r.key AS rkey, r.ext_id, r.url, r.source, r.published, r.title'

/** The embedded store: one SQLite file in WAL mode, better-sqlite3 (synchronous, one connection). */
export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const
  readonly db: Database.Database
  private queue: Promise<unknown> = Promise.resolve()
  private readonly rules = mergeRules()

  constructor(file: string, opts: { readonly?: boolean } = {}) {
    try {
      this.db = new Database(file, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly })
      if (!opts.readonly) this.db.pragma('journal_mode = WAL')
      this.db.pragma('synchronous = NORMAL')
      this.db.pragma('busy_timeout = 10000')
      // the filtered columns of a few million events fit in this cache; the JSON is read per page only
      this.db.pragma('cache_size = -131072')
    } catch (e) {
      throw openError(file, e)
    }
  }

  /** Opens (creating if needed) and migrates. */
  static async open(file: string): Promise<SqliteStore> {
    const s = new SqliteStore(file)
    try {
      await s.migrate()
    } catch (e) {
      s.db.close()
      throw openError(file, e)
    }
    return s
  }

  /** Writes run one at a time even when callers overlap: a merge reads, then writes, its block. */
  private exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    try {
      this.db.exec('BEGIN IMMEDIATE')
      const out = await fn()
      this.db.exec('COMMIT')
      return out
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw faultOf(e) ?? e
    }
  }

  async migrate(): Promise<{ applied: number[] }> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, about TEXT NOT NULL, applied_at TEXT NOT NULL)')
    const applied: number[] = []
    for (const m of MIGRATIONS) {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const done = this.sql('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)
        if (!done) {
          this.db.exec(m.sql)
          this.sql('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.about, new Date().toISOString())
          applied.push(m.version)
        }
        this.db.exec('COMMIT')
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw new Error(`migration ${m.version} failed: ${(e as Error).message}`)
      }
    }
    return { applied }
  }

  async close(): Promise<void> {
    await this.queue
    if (this.db.open) this.db.close()
  }

  private reportByRef(url: string | null | undefined, key: string | null): ReportRow | undefined {
    if (url) {
      const byUrl = this.sql('SELECT * FROM reports WHERE url = ?').get(url) as ReportRow | undefined
      if (byUrl) return byUrl
    }
    return key ? this.sql('SELECT * FROM reports WHERE key = ?').get(key) as ReportRow | undefined : undefined
  }

  async seen(ref: { url?: string | null; text?: string }): Promise<boolean> {
    return !!this.reportByRef(ref.url, ref.text !== undefined ? reportKey(ref.text) : null)
  }

  async addReport(report: ReportInput, events: SitrepEvent[], coderVersion: string): Promise<AddReportResult> {
    const [res] = await this.addReports([{ report, events }], coderVersion)
    if ('error' in res!) throw new Error(res.error)
    return res!
  }

  /**
   * Several reports in one transaction, each inside its own savepoint: a report that fails is
   * rolled back alone and named in its result, the others are kept. One commit per batch is what
   * makes bulk ingest fast.
   */
  addReports(batch: { report: ReportInput; events: SitrepEvent[] }[], coderVersion: string): Promise<(AddReportResult | { error: string })[]> {
    return this.exclusive(() => this.inTransaction(async () => {
      const out: (AddReportResult | { error: string })[] = []
      for (const { report, events } of batch) {
        this.db.exec('SAVEPOINT report')
        try {
          out.push(await this.addOne(report, events, coderVersion))
          this.db.exec('RELEASE report')
        } catch (e) {
          // a full disk or a read-only file fails every report after this one: give up the batch
          // (SQLite may have rolled the transaction back already, taking the savepoint with it)
          const fault = faultOf(e)
          if (fault) throw fault
          this.db.exec('ROLLBACK TO report')
          this.db.exec('RELEASE report')
          out.push({ error: (e as Error).message })
        }
      }
      return out
    }))
  }

  private async addOne(report: ReportInput, events: SitrepEvent[], coderVersion: string): Promise<AddReportResult> {
    const key = reportKey(report.text)
    const existing = this.reportByRef(report.url, key)
    if (existing) return { status: 'seen', eventIds: this.eventIdsOf(existing.id), eventsNew: 0, eventsMerged: 0 }
    const info = this.sql(`INSERT INTO reports (ext_id, key, url, title, text, published, source, byline, ingested_at, coder_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(report.id, key, report.url ?? null, report.title ?? null, report.text,
      report.published ?? null, report.source ?? null, report.byline ?? null, new Date().toISOString(), coderVersion)
    const rowid = Number(info.lastInsertRowid)
    this.sql('INSERT INTO reports_fts (rowid, title, text) VALUES (?, ?, ?)').run(rowid, report.title ?? '', report.text)
    const mentions = this.insertMentions(rowid, key, report, events)
    const plan = await this.remerge(mentions, new Map())
    return { status: 'new', eventIds: mentions.map((m) => plan.eventOf.get(m.key)!), eventsNew: plan.eventsNew, eventsMerged: plan.mentionsJoined }
  }

  private insertMentions(rowid: number, key: string, report: Pick<ReportInput, 'id' | 'url' | 'source' | 'published' | 'title'>, events: SitrepEvent[]): Mention[] {
    const ins = this.sql(`INSERT INTO mentions (report_id, idx, key, event_id, iso, day, tp, background, place_key, place_skel, lat, lon, data, core) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    return events.map((event, idx) => {
      const m: Mention = { key: mentionKey(key, idx), reportKey: key, reportId: report.id, idx, url: report.url ?? null, outlet: report.source ?? null, published: report.published ?? null, title: report.title ?? null, event }
      const place = placeKeys(event.location)
      ins.run(rowid, idx, m.key, event.iso, dayNumber(event.event_date), event.time_precision ?? 3, event.background ? 1 : 0, place.key, place.skeleton, event.latitude, event.longitude, JSON.stringify(event), JSON.stringify(coreOf(event)))
      return m
    })
  }

  private readonly statements = new Map<string, Database.Statement>()
  /** Prepared once per SQL text: preparing costs more than running most of these statements. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text)
    if (!st) {
      if (this.statements.size > 500) this.statements.clear() // query shapes vary with filter lists
      st = this.db.prepare(text)
      this.statements.set(text, st)
    }
    return st
  }

  private get neighbourStmt() {
    return (this.stmtCache ??= this.sql(`SELECT ${MENTION_COLS} FROM mentions m JOIN reports r ON r.id = m.report_id
      WHERE m.iso IS ? AND m.day BETWEEN ? AND ? AND m.background = 0
        AND abs(m.day - ?) <= ? + CASE m.tp WHEN 1 THEN ? WHEN 2 THEN ? ELSE ? END
        AND (m.place_key = ? OR m.place_skel = ? OR (m.lat BETWEEN ? AND ? AND m.lon BETWEEN ? AND ?))`))
  }
  private stmtCache: Database.Statement | null = null

  private eventIdsOf(reportRowid: number): string[] {
    return (this.sql('SELECT event_id FROM mentions WHERE report_id = ? ORDER BY idx').all(reportRowid) as { event_id: string }[]).map((r) => r.event_id)
  }

  private neighbours(m: Mention): Mention[] {
    const win = candidateWindow(m.event, this.rules)
    return win ? (this.neighbourStmt.all(...win.params) as MentionRow[]).map(toMention) : []
  }

  /** Re-clusters the block around `seeds` and rewrites its events; `formerIds` are events that may vanish. */
  private async remerge(seeds: Mention[], former: Map<string, string[]>): Promise<MergePlan> {
    const getId = this.sql('SELECT event_id FROM mentions WHERE key = ?')
    const currentId = (key: string) => (getId.get(key) as { event_id: string } | undefined)?.event_id ?? ''
    const coMembers = (ids: string[]) => ids.flatMap((id) => (this.sql(`SELECT ${MENTION_COLS} FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.event_id = ?`).all(id) as MentionRow[]).map(toMention))
    const plan = await planMerge(seeds, (m) => this.neighbours(m), currentId, former, this.rules, coMembers)
    const now = new Date().toISOString()
    const setEvent = this.sql('UPDATE mentions SET event_id = ? WHERE key = ? AND event_id <> ?')
    for (const [key, id] of plan.eventOf) setEvent.run(id, key, id)
    for (const [oldId, newId] of plan.successor) {
      this.sql('INSERT INTO history (old_id, new_id, reason, at) VALUES (?, ?, ?, ?)').run(oldId, newId ?? '', newId ? 'merged' : 'dropped: no report codes it any more', now)
      if (newId) {
        this.sql('UPDATE corrections SET event_id = ? WHERE event_id = ?').run(newId, oldId)
        this.sql('UPDATE reviews SET event_id = ? WHERE event_id = ?').run(newId, oldId)
      }
      this.deleteEvent(oldId)
    }
    for (const ev of plan.events) this.writeEvent(ev)
    return plan
  }

  /** Adds (+1) or removes (-1) an event from the per-day counts. */
  private countDay(d: DayDims, sign: 1 | -1) {
    if (!d.event_date) return
    this.sql(`INSERT INTO event_days (day, iso, country, admin1, event_type, sub_event_type, background, review, events, fatalities)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities`)
      .run(d.event_date, d.iso ?? '', d.country ?? '', d.admin1 ?? '', d.event_type, d.sub_event_type, d.background ? 1 : 0, d.review, sign, sign * d.fatalities)
  }

  private dayDims(eventId: string): DayDims | undefined {
    return this.sql('SELECT event_date, iso, country, admin1, event_type, sub_event_type, background, review, fatalities, actors FROM events WHERE event_id = ?').get(eventId) as DayDims | undefined
  }

  /** Adds (+1) or removes (-1) an event from the per-actor counts; background and rejected events are not counted. */
  private countActorsOf(d: Pick<DayDims, 'actors' | 'background' | 'review'>, sign: 1 | -1) {
    if (d.background || d.review === 'rejected') return
    const up = this.sql('INSERT INTO actor_counts (name, events) VALUES (?, ?) ON CONFLICT DO UPDATE SET events = events + excluded.events')
    for (const name of actorNames(d.actors)) up.run(name, sign)
  }

  private deleteEvent(eventId: string) {
    const row = this.sql('SELECT id FROM events WHERE event_id = ?').get(eventId) as { id: number } | undefined
    if (!row) return
    const old = this.dayDims(eventId)
    if (old) { this.countDay(old, -1); this.countActorsOf(old, -1) }
    this.sql('DELETE FROM events_rtree WHERE id = ?').run(row.id)
    this.sql('DELETE FROM events_fts WHERE rowid = ?').run(row.id)
    this.sql('DELETE FROM events WHERE id = ?').run(row.id)
    this.sql('DELETE FROM event_json WHERE id = ?').run(row.id)
  }

  private correctionsOf(eventId: string): Correction[] {
    return (this.sql('SELECT field, value, comment, author, at FROM corrections WHERE event_id = ? ORDER BY id').all(eventId) as
      { field: string; value: string; comment: string | null; author: string | null; at: string }[])
      .map((c) => ({ field: c.field, value: JSON.parse(c.value) as unknown, comment: c.comment, author: c.author, at: c.at }))
  }

  private reviewStatus(eventId: string): ReviewStatus {
    const last = this.sql('SELECT action FROM reviews WHERE event_id = ? ORDER BY id DESC LIMIT 1').get(eventId) as { action: Review['action'] } | undefined
    return last ? REVIEW_OF[last.action] : 'unreviewed'
  }

  /** Stores the coder's merged value; the indexed columns show it with corrections applied. */
  private writeEvent(merged: StoredEvent) {
    const view = applyCorrections(merged, this.correctionsOf(merged.event_id), this.reviewStatus(merged.event_id))
    const old = this.dayDims(merged.event_id)
    const now: DayDims = { ...view, event_date: view.event_date ?? '', background: view.background ? 1 : 0, actors: actorsText(view) }
    if (old) this.countDay(old, -1)
    this.countDay(now, 1)
    if (!old || old.actors !== now.actors || old.background !== now.background || old.review !== now.review) {
      if (old) this.countActorsOf(old, -1)
      this.countActorsOf(now, 1)
    }
    const row = this.sql(`INSERT INTO events (event_id, event_date, iso, country, admin1, event_type, sub_event_type, actors, fatalities, background, review, latitude, longitude, updated, confidence)
      VALUES (@event_id, @event_date, @iso, @country, @admin1, @event_type, @sub_event_type, @actors, @fatalities, @background, @review, @latitude, @longitude, @updated, @confidence)
      ON CONFLICT(event_id) DO UPDATE SET event_date = excluded.event_date, iso = excluded.iso, country = excluded.country, admin1 = excluded.admin1,
        event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, actors = excluded.actors, fatalities = excluded.fatalities,
        background = excluded.background, review = excluded.review, latitude = excluded.latitude, longitude = excluded.longitude,
        updated = excluded.updated, confidence = excluded.confidence
      RETURNING id`).get({
      event_id: view.event_id, event_date: view.event_date ?? '', iso: view.iso, country: view.country, admin1: view.admin1,
      event_type: view.event_type, sub_event_type: view.sub_event_type, actors: now.actors, fatalities: view.fatalities,
      background: view.background ? 1 : 0, review: view.review, latitude: view.latitude, longitude: view.longitude,
      updated: merged.timestamp, confidence: view.confidence ?? 0,
    }) as { id: number }
    this.sql('INSERT OR REPLACE INTO event_json (id, merged) VALUES (?, ?)').run(row.id, JSON.stringify(merged))
    this.sql('DELETE FROM events_rtree WHERE id = ?').run(row.id)
    if (view.latitude != null && view.longitude != null) {
      this.sql('INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)').run(row.id, view.longitude, view.longitude, view.latitude, view.latitude)
    }
    this.sql('DELETE FROM events_fts WHERE rowid = ?').run(row.id)
    this.sql('INSERT INTO events_fts (rowid, notes, actors, location) VALUES (?, ?, ?, ?)').run(row.id, view.notes, now.actors, [view.location, view.admin1, view.country].filter(Boolean).join(', '))
  }

  async recodeReport(id: string, events: SitrepEvent[], coderVersion: string): Promise<{ changed: boolean }> {
    return this.exclusive(() => this.inTransaction(async () => {
      const rep = this.sql('SELECT * FROM reports WHERE ext_id = ? ORDER BY id LIMIT 1').get(id) as ReportRow | undefined
      if (!rep) throw new RangeError(`no stored report with id "${id}"`)
      const old = this.sql('SELECT key, data, event_id FROM mentions WHERE report_id = ? ORDER BY idx').all(rep.id) as { key: string; data: string; event_id: string }[]
      const changed = JSON.stringify(old.map((o) => JSON.parse(o.data) as unknown)) !== JSON.stringify(events)
      this.sql('UPDATE reports SET coder_version = ? WHERE id = ?').run(coderVersion, rep.id)
      if (!changed) return { changed }
      const former = formerMembers(old)
      const formerIds = [...former.keys()]
      this.sql('DELETE FROM mentions WHERE report_id = ?').run(rep.id)
      const fresh = this.insertMentions(rep.id, rep.key, { id: rep.ext_id, url: rep.url, source: rep.source, published: rep.published, title: rep.title } as ReportInput, events)
      // the other sources of its former events must be re-clustered too: they may now stand alone
      const partners = formerIds.length
        ? (this.sql(`SELECT ${MENTION_COLS} FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.event_id IN (${formerIds.map(() => '?').join(',')})`).all(...formerIds) as MentionRow[]).map(toMention)
        : []
      await this.remerge([...fresh, ...partners], former)
      return { changed }
    }))
  }

  async *reports(): AsyncIterable<StoredReport> {
    for (const r of this.sql('SELECT * FROM reports ORDER BY id').iterate() as Iterable<ReportRow>) yield toReport(r)
  }

  async getReport(id: string): Promise<StoredReport | null> {
    const r = this.sql('SELECT * FROM reports WHERE ext_id = ? ORDER BY id LIMIT 1').get(id) as ReportRow | undefined
    return r ? toReport(r) : null
  }

  private view(row: { event_id: string; merged: string; review: string }): StoredEvent {
    const merged = JSON.parse(row.merged) as StoredEvent
    return row.review === 'unreviewed' ? merged : applyCorrections(merged, this.correctionsOf(row.event_id), row.review as ReviewStatus)
  }

  async queryEvents(q: EventQuery): Promise<{ events: StoredEvent[]; next: string | null }> {
    const limit = q.limit ?? 100
    const keys = eventPage(q, limit)
    const rows = this.sql(`SELECT p.event_id, p.event_date, p.confidence, p.review, j.merged FROM (${keys.sql}) p
      JOIN event_json j ON j.id = p.id ORDER BY ${orderBy(q.order, 'p')}`)
      .all(...keys.params) as { event_id: string; event_date: string; confidence: number; merged: string; review: string }[]
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return { events: page.map((r) => this.view(r)), next: rows.length > limit && last ? cursorAfter(q.order, last) : null }
  }

  streamEvents(q: EventQuery): AsyncIterable<StoredEvent> {
    return allPages((x) => this.queryEvents(x), q)
  }

  private resolveId(id: string): string | null {
    let cur = id
    for (let hop = 0; hop < 50; hop++) {
      if (this.sql('SELECT 1 FROM events WHERE event_id = ?').get(cur)) return cur
      const h = this.sql(`SELECT new_id FROM history WHERE old_id = ? AND new_id <> '' ORDER BY id DESC LIMIT 1`).get(cur) as { new_id: string } | undefined
      if (!h) return null
      cur = h.new_id
    }
    return null
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const real = this.resolveId(id)
    if (!real) return null
    const row = this.sql('SELECT e.event_id, j.merged, e.review FROM events e JOIN event_json j ON j.id = e.id WHERE e.event_id = ?').get(real) as { event_id: string; merged: string; review: string }
    return this.view(row)
  }

  async eventMentions(id: string): Promise<EventMention[]> {
    const real = this.resolveId(id)
    if (!real) return []
    const rows = this.sql(`SELECT m.idx, m.data, r.* FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.event_id = ? ORDER BY r.published, r.id`).all(real) as (ReportRow & { idx: number; data: string })[]
    return rows.map((r) => ({ report: toReport(r), idx: r.idx, event: JSON.parse(r.data) as SitrepEvent }))
  }

  async *eventsByReport(): AsyncIterable<{ id: string; events: (SitrepEvent & { event_id: string })[] }> {
    let cur: { rowid: number; id: string; events: (SitrepEvent & { event_id: string })[] } | null = null
    const rows = this.sql('SELECT r.id AS rowid, r.ext_id, m.data, m.event_id FROM reports r LEFT JOIN mentions m ON m.report_id = r.id ORDER BY r.id, m.idx').iterate() as Iterable<{ rowid: number; ext_id: string; data: string | null; event_id: string | null }>
    for (const row of rows) {
      if (!cur || cur.rowid !== row.rowid) {
        if (cur) yield { id: cur.id, events: cur.events }
        cur = { rowid: row.rowid, id: row.ext_id, events: [] }
      }
      if (row.data) cur.events.push({ ...(JSON.parse(row.data) as SitrepEvent), event_id: row.event_id! })
    }
    if (cur) yield { id: cur.id, events: cur.events }
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return this.sql('SELECT old_id, new_id, reason, at FROM history WHERE old_id = ? OR new_id = ? ORDER BY id').all(id, id) as HistoryEntry[]
  }

  review(id: string, review: Review): Promise<StoredEvent> {
    return this.exclusive(() => this.inTransaction(async () => {
      const real = this.resolveId(id)
      if (!real) throw new RangeError(`no event with id "${id}"`)
      const at = new Date().toISOString()
      if (review.action === 'correct') {
        const bad = Object.keys(review.fields).filter((f) => !CORRECTABLE.has(f))
        if (bad.length || !Object.keys(review.fields).length) throw new RangeError(bad.length ? `fields that cannot be corrected: ${bad.join(', ')}` : 'a correction needs at least one field')
        for (const [field, value] of Object.entries(review.fields)) {
          this.sql('INSERT INTO corrections (event_id, field, value, comment, author, at) VALUES (?, ?, ?, ?, ?, ?)').run(real, field, JSON.stringify(value), review.comment ?? null, review.author ?? null, at)
        }
      }
      this.sql('INSERT INTO reviews (event_id, action, fields, comment, author, at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(real, review.action, review.action === 'correct' ? JSON.stringify(review.fields) : null, review.comment ?? null, review.author ?? null, at)
      const row = this.sql('SELECT j.merged FROM events e JOIN event_json j ON j.id = e.id WHERE e.event_id = ?').get(real) as { merged: string }
      this.writeEvent(JSON.parse(row.merged) as StoredEvent)
      return (await this.getEvent(real))!
    }))
  }

  async reviews(id: string): Promise<ReviewEntry[]> {
    const real = this.resolveId(id) ?? id
    return (this.sql('SELECT event_id, action, fields, comment, author, at FROM reviews WHERE event_id = ? ORDER BY id').all(real) as (Omit<ReviewEntry, 'fields'> & { fields: string | null })[])
      .map((r) => ({ ...r, fields: r.fields ? JSON.parse(r.fields) as Record<string, unknown> : null }))
  }

  async stats(q: EventQuery, bucket: StatsBucket, by: StatsBy): Promise<StatsRow[]> {
    const period = (col: string) => bucket === 'day' ? col : bucket === 'month' ? `substr(${col}, 1, 7) || '-01'` : `date(${col}, '-6 days', 'weekday 1')`
    const key = by === 'event_type' ? 'event_type' : by === 'country' ? `coalesce(country, '')` : `coalesce(admin1, '')`
    // filters on the counted dimensions only: read the per-day counts, not every event
    const dimsOnly = !q.actor && !q.bbox && !q.q && q.minFatalities == null && q.minConfidence == null
    const { where, params } = eventWhere({ ...q, cursor: undefined })
    if (dimsOnly) {
      const rows = this.sql(`SELECT ${period('day')} AS period, ${key} AS key, sum(events) AS events, sum(fatalities) AS fatalities
        FROM (SELECT day, iso, country, admin1, event_type, sub_event_type, background, review, events, fatalities, day AS event_date FROM event_days) ${where}
        GROUP BY 1, 2 HAVING sum(events) > 0 ORDER BY 1, 2`).all(...params) as StatsRow[]
      return rows
    }
    return this.sql(`SELECT ${period('event_date')} AS period, ${key} AS key, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities
      FROM events ${where}${where ? ' AND' : ' WHERE'} event_date <> '' GROUP BY 1, 2 ORDER BY 1, 2`).all(...params) as StatsRow[]
  }

  async actors(q: string | null, limit: number): Promise<{ name: string; events: number }[]> {
    // LIKE folds ASCII case only: narrow in SQL for ASCII needles, and let topActors match exactly
    const like = q && /^[\x20-\x7e]*$/.test(q) ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
    const rows = this.sql(`SELECT name, events FROM actor_counts WHERE events > 0${like ? ` AND name LIKE ? ESCAPE '\\'` : ''}`)
      .raw(true).all(...(like ? [like] : [])) as [string, number][]
    return topActors(rows, q, limit)
  }

  async points(q: EventQuery, limit: number): Promise<PointColumns> {
    const { where, params } = eventWhere({ ...q, cursor: undefined })
    return pointColumns(this.sql(`SELECT event_id, latitude, longitude, event_type, fatalities, event_date FROM events ${where}${where ? ' AND' : ' WHERE'} latitude IS NOT NULL
      ORDER BY event_date DESC, event_id DESC LIMIT ?`).raw(true).all(...params, limit) as unknown[][])
  }

  async counts() {
    const n = (t: string) => (this.sql(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
    return { reports: n('reports'), events: n('events'), mentions: n('mentions') }
  }

  importEvents(events: StoredEvent[]): Promise<void> {
    return this.exclusive(() => { this.db.transaction(() => { for (const e of events) this.writeEvent(e) })() })
  }
}

/** "cannot open store F: why", naming a full disk or a read-only file or directory when that is the cause. */
function openError(file: string, e: unknown): Error {
  const fault = storeFault(e)
  return new Error(`cannot open store ${file}: ${fault ? `${fault}: ${(e as Error).message}` : (e as Error).message}`)
}
