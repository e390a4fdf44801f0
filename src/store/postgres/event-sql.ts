import type { EventQuery } from '../types.js'
import { afterCursor, orderBy } from '../order.js'
import { isoList, searchWords } from '../sqlite/event-sql.js'

/** WHERE clause of an event query in PostgreSQL's dialect; placeholders numbered from `first`. */
export function pgEventWhere(q: EventQuery, first = 1): { where: string; params: unknown[] } {
  const w: string[] = [], p: unknown[] = []
  const $ = (v: unknown) => { p.push(v); return `$${first + p.length - 1}` }
  if (!q.includeBackground) w.push('NOT background')
  // as in SQLite: a list of review statuses says exactly which to show
  // one status (the review queue's) as an equality, so the (review, confidence) index gives the order
  if (q.review?.length) w.push(q.review.length === 1 ? `review = ${$(q.review[0])}` : `review = ANY(${$(q.review)})`)
  else if (!q.includeRejected) w.push(`review <> 'rejected'`)
  if (q.country?.length) w.push(`iso = ANY(${$(isoList(q.country))})`)
  if (q.admin1?.length) w.push(`admin1 = ANY(${$(q.admin1)})`)
  if (q.type?.length) w.push(`event_type = ANY(${$(q.type)})`)
  if (q.subType?.length) w.push(`sub_event_type = ANY(${$(q.subType)})`)
  if (q.actor) w.push(`actors ILIKE ${$(`%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`)
  if (q.since) w.push(`event_date >= ${$(q.since)}`)
  if (q.until) w.push(`event_date <= ${$(q.until)}`)
  if (q.minFatalities != null) w.push(`fatalities >= ${$(q.minFatalities)}`)
  if (q.minConfidence != null) w.push(`confidence >= ${$(q.minConfidence)}`)
  if (q.bbox) {
    const [west, south, east, north] = q.bbox
    // as in SQLite: the GiST index for a town-sized box, plain bounds (tested inside the covering
    // date indexes) for a larger one, where the GiST index returns most of a country and a sort
    if ((east - west) * (north - south) <= 0.25) w.push(`latitude IS NOT NULL AND point(longitude, latitude) <@ box(point(${$(west)}, ${$(south)}), point(${$(east)}, ${$(north)}))`)
    else w.push(`latitude BETWEEN ${$(south)} AND ${$(north)} AND longitude BETWEEN ${$(west)} AND ${$(east)}`)
  }
  if (q.q) {
    const words = searchWords(q.q)
    if (words.length) {
      const tq = $(words.join(' '))
      // a UNION of two index lookups: an OR across the two tables would scan every event
      w.push(`id IN (SELECT id FROM events WHERE tsv @@ plainto_tsquery('simple', ${tq})
        UNION SELECT e2.id FROM reports r JOIN mentions m ON m.report_id = r.id JOIN events e2 ON e2.event_id = m.event_id
        WHERE r.tsv @@ plainto_tsquery('simple', ${tq}))`)
    }
  }
  const after = afterCursor(q, $)
  if (after) w.push(after)
  return { where: w.length ? `WHERE ${w.join(' AND ')}` : '', params: p }
}

/** One page of q in its order, `limit` + 1 rows (the extra one says whether there is a next page); as SQLite's eventPage. */
export function pgEventPage(q: EventQuery, limit: number): { sql: string; params: unknown[] } {
  const { where, params } = pgEventWhere(q)
  return { sql: `SELECT event_id, event_date, confidence, merged, review FROM events ${where} ORDER BY ${orderBy(q.order)} LIMIT $${params.length + 1}`, params: [...params, limit + 1] }
}
