import type { EventOrder, EventQuery } from './types.js'
import { decodeCursor, encodeCursor } from './query.js'

// The orders of an event page and their keyset pagination, in SQL both backends share (same
// column names; row-value comparisons work in SQLite and PostgreSQL alike). event_id comes last in
// every order, so the order is total and a cursor names one position.

/** The columns a page must read to make its cursor. */
export type OrderRow = { event_id: string; event_date: string; confidence: number }

/** ORDER BY of an order, columns prefixed with `alias.`: `orderBy('confidence', 'p')` → 'p.confidence ASC, p.event_id ASC'. */
export function orderBy(order: EventOrder = 'desc', alias = ''): string {
  const a = alias ? `${alias}.` : ''
  // least certain first: the events most worth an analyst's look
  if (order === 'confidence') return `${a}confidence ASC, ${a}event_id ASC`
  const dir = order === 'asc' ? 'ASC' : 'DESC'
  return `${a}event_date ${dir}, ${a}event_id ${dir}`
}

/**
 * The condition "after the cursor of q" in q's order, with `placeholder` adding each value:
 * `afterCursor(q, (v) => { params.push(v); return '?' })`. Null without a cursor; throws
 * `invalid cursor: ...` on a cursor of another order (it would skip or repeat events).
 */
export function afterCursor(q: EventQuery, placeholder: (v: unknown) => string): string | null {
  if (!q.cursor) return null
  const order = q.order ?? 'desc'
  const c = decodeCursor(q.cursor, order)
  if (c.kind === 'confidence') return `(confidence, event_id) > (${placeholder(c.confidence)}, ${placeholder(c.event_id)})`
  return `(event_date, event_id) ${order === 'asc' ? '>' : '<'} (${placeholder(c.event_date ?? '')}, ${placeholder(c.event_id)})`
}

/** The cursor after `last`, the final row of a page read in `order`. */
export function cursorAfter(order: EventOrder = 'desc', last: OrderRow): string {
  return order === 'confidence'
    ? encodeCursor({ kind: 'confidence', confidence: Number(last.confidence), event_id: last.event_id })
    : encodeCursor({ kind: 'date', event_date: last.event_date || null, event_id: last.event_id })
}
