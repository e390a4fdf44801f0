import type { EventQuery } from '../types.js'
import { countryIso3 } from '../countries.js'
import { afterCursor, orderBy } from '../order.js'

const RTREE_MAX_SQ_DEGREES = 0.25

/** The words of a free-text query, at most 32: full-text syntax of either backend is never exposed. */
export function searchWords(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32)
}

/** FTS5 syntax is not for end users: each word becomes a quoted term, all required. */
export function ftsQuery(q: string): string | null {
  const words = searchWords(q)
  return words.length ? words.map((w) => `"${w}"`).join(' ') : null
}

export function isoList(countries: string[]): string[] {
  return countries.map((c) => {
    const iso = countryIso3(c)
    if (!iso) throw new RangeError(`unknown country "${c}" (give a name, ISO2 or ISO3 code)`)
    return iso
  })
}

/** WHERE clause and parameters of an event query; `?` placeholders, SQLite dialect. */
export function eventWhere(q: EventQuery): { where: string; params: unknown[] } {
  const w: string[] = [], p: unknown[] = []
  const inList = (col: string, xs: string[]) => { w.push(`${col} IN (${xs.map(() => '?').join(',')})`); p.push(...xs) }
  if (!q.includeBackground) w.push('background = 0')
  // a list of review statuses says exactly which to show, rejected included if it is named
  if (q.review?.length) inList('review', q.review)
  else if (!q.includeRejected) w.push(`review <> 'rejected'`)
  if (q.country?.length) inList('iso', isoList(q.country))
  if (q.admin1?.length) inList('admin1', q.admin1)
  if (q.type?.length) inList('event_type', q.type)
  if (q.subType?.length) inList('sub_event_type', q.subType)
  if (q.actor) { w.push(`actors LIKE ? ESCAPE '\\'`); p.push(`%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) }
  if (q.since) { w.push('event_date >= ?'); p.push(q.since) }
  if (q.until) { w.push('event_date <= ?'); p.push(q.until) }
  if (q.minFatalities != null) { w.push('fatalities >= ?'); p.push(q.minFatalities) }
  if (q.minConfidence != null) { w.push('confidence >= ?'); p.push(q.minConfidence) }
  if (q.bbox) {
    const [west, south, east, north] = q.bbox
    // The R*Tree wins for a town-sized box; for a larger one it returns so many rows that walking the
    // date index with the box as a plain filter is faster (SQLite cannot estimate R*Tree results).
    if ((east - west) * (north - south) <= RTREE_MAX_SQ_DEGREES) {
      w.push('id IN (SELECT id FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?)')
      p.push(west, east, south, north)
    } else {
      w.push('latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?')
      p.push(south, north, west, east)
    }
  }
  if (q.q) {
    const m = ftsQuery(q.q)
    if (m) {
      w.push(`(id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?) OR event_id IN
        (SELECT m.event_id FROM mentions m WHERE m.report_id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)))`)
      p.push(m, m)
    }
  }
  const after = afterCursor(q, (v) => { p.push(v); return '?' })
  if (after) w.push(after)
  return { where: w.length ? `WHERE ${w.join(' AND ')}` : '', params: p }
}

/**
 * One page of q in its order: the rows' keys, `limit` + 1 of them (the extra one says whether there
 * is a next page). The indexes of migration 1 serve the date orders; those of migration 3 the
 * confidence order, the review queue's without a sort.
 */
export function eventPage(q: EventQuery, limit: number): { sql: string; params: unknown[] } {
  const { where, params } = eventWhere(q)
  return { sql: `SELECT id, event_id, event_date, confidence, review FROM events ${where} ORDER BY ${orderBy(q.order)} LIMIT ?`, params: [...params, limit + 1] }
}
