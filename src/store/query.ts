import { join } from 'node:path'
import { z } from 'zod/v3'
import { DEFAULT_DATA_DIR, readJson } from '../data/load.js'
import { EVENT_ORDERS, REVIEW_STATUSES, type EventOrder, type EventQuery } from './types.js'

/** The parameters of `sitrep events` (as --flags) and of the HTTP API (as query parameters). */
export const QUERY_PARAMS = ['country', 'admin1', 'type', 'sub-type', 'actor', 'since', 'until', 'bbox', 'q', 'min-fatalities', 'min-confidence', 'review', 'limit', 'cursor', 'order', 'background'] as const
type Param = (typeof QUERY_PARAMS)[number]

const LISTS: ReadonlySet<Param> = new Set(['country', 'admin1', 'type', 'sub-type', 'review'])
// commander hands options over camelCased; accepting that spelling lets the CLI pass opts() as is.
const CAMEL: Record<string, Param> = { subType: 'sub-type', minFatalities: 'min-fatalities', minConfidence: 'min-confidence' }
const MAX_STRING = 200
const MAX_Q = 500
const MAX_LIST = 100
const MAX_LIMIT = 10_000
// A cursor wraps an event id and a date in base64url, so it is longer than any id it carries.
const MAX_CURSOR = 1000

/**
 * Where a page ended, in the order it was read: the date orders (desc, asc) page over
 * (event_date, event_id), the review queue (order confidence) over (confidence, event_id).
 */
export type Cursor =
  | { kind: 'date'; event_date: string | null; event_id: string }
  | { kind: 'confidence'; confidence: number; event_id: string }
export type ParsedQuery = { ok: true; query: EventQuery } | { ok: false; error: string }

const isRealDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(0)
  t.setUTCFullYear(y, mo - 1, d)
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}
const show = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 59) + '…' : s)

// PostgreSQL text cannot hold U+0000 (a query with it fails), and no stored value has one: refused
// here, for both backends alike, instead of failing deep in a query.
const NUL = '\u0000'
const cursorId = z.string().min(1).refine((s) => !s.includes(NUL))
// A date cursor is the pair it always was, so cursors handed out before the review queue existed
// still work; a confidence cursor names its order, so it cannot be mistaken for one.
const DateCursorSchema = z.tuple([z.string().refine(isRealDate).nullable(), cursorId])
const ConfidenceCursorSchema = z.strictObject({ order: z.literal('confidence'), confidence: z.number(), event_id: cursorId })

/** The kind of cursor an order pages with. */
const cursorKind = (order: EventOrder): Cursor['kind'] => (order === 'confidence' ? 'confidence' : 'date')

/** Why a cursor cannot continue a query of this order, or null when it can. */
export function cursorMismatch(c: Cursor, order: EventOrder): string | null {
  if (c.kind === cursorKind(order)) return null
  return c.kind === 'confidence'
    ? `a cursor of order confidence, but the order is ${order} (give order confidence with it, or leave the cursor out to start from the first page)`
    : `a cursor of the date order (desc or asc), but the order is confidence (leave the cursor out to start the review queue from its first page)`
}

function readCursor(s: string): { ok: true; cursor: Cursor } | { ok: false; reason: string } {
  // Buffer's base64url decoder skips characters outside the alphabet, so check the alphabet first.
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return { ok: false, reason: 'not base64url text (pass the cursor exactly as the previous page returned it)' }
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'does not decode to JSON (pass the cursor exactly as the previous page returned it)' }
  }
  const byDate = DateCursorSchema.safeParse(raw)
  if (byDate.success) return { ok: true, cursor: { kind: 'date', event_date: byDate.data[0], event_id: byDate.data[1] } }
  const byConfidence = ConfidenceCursorSchema.safeParse(raw)
  if (byConfidence.success) return { ok: true, cursor: { kind: 'confidence', confidence: byConfidence.data.confidence, event_id: byConfidence.data.event_id } }
  return { ok: false, reason: 'not a cursor of this API (expected [event_date, event_id], or a cursor of order confidence)' }
}

/**
 * The opaque cursor after `last`, for keyset pagination in its order:
 * `encodeCursor({ kind: 'date', event_date: '2019-04-11', event_id: 'IRQ1' })`.
 */
export function encodeCursor(last: Cursor): string {
  const wire = last.kind === 'date' ? [last.event_date, last.event_id] : { order: 'confidence', confidence: last.confidence, event_id: last.event_id }
  return Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url')
}

/**
 * The position a cursor stands for; throws `invalid cursor: <reason>` on anything encodeCursor did
 * not make, and, given the order of the query, on a cursor of another order.
 */
export function decodeCursor(cursor: string, order?: EventOrder): Cursor {
  const r = readCursor(cursor)
  if (!r.ok) throw new Error(`invalid cursor: ${r.reason}`)
  const mismatch = order === undefined ? null : cursorMismatch(r.cursor, order)
  if (mismatch) throw new Error(`invalid cursor: ${mismatch}`)
  return r.cursor
}

type Codebook = { types: Map<string, string>; subTypes: Map<string, string> }
const ORDERS = new Map<string, string>(EVENT_ORDERS.map((o) => [o, o]))
const STATUSES = new Map<string, string>(REVIEW_STATUSES.map((r) => [r, r]))
const codebooks = new Map<string, Codebook>()

/** The six event types and 25 sub-event types, from the decision table's own list (data/rules/sub-event-rules.json). */
function codebook(dir: string): Codebook {
  let c = codebooks.get(dir)
  if (c) return c
  const table = readJson(join(dir, 'rules', 'sub-event-rules.json'), z.object({ types: z.record(z.string(), z.array(z.string())) }))
  const types = Object.keys(table.types)
  const subs = Object.values(table.types).flat()
  c = { types: new Map(types.map((t) => [t.toLowerCase(), t])), subTypes: new Map(subs.map((t) => [t.toLowerCase(), t])) }
  codebooks.set(dir, c)
  return c
}

const text = (max: number) =>
  z.string().transform((s, ctx) => {
    if (s.length > max) ctx.addIssue({ code: 'custom', message: `at most ${max} characters, got ${s.length}` })
    if (s.includes(NUL)) ctx.addIssue({ code: 'custom', message: 'contains a NUL character (U+0000)' })
    return s
  })
const oneOf = (allowed: Map<string, string>, what: string) =>
  text(MAX_STRING).transform((s, ctx) => {
    const c = allowed.get(s.toLowerCase())
    if (c === undefined) ctx.addIssue({ code: 'custom', message: `unknown ${what} ${show(s)} (allowed: ${[...allowed.values()].join(', ')})` })
    return c ?? s
  })
// the length is checked first: a thousand bad values must not make a thousand messages
const list = <T extends z.ZodType<string>>(item: T) =>
  z.array(z.string()).max(MAX_LIST, `at most ${MAX_LIST} values`).pipe(z.array(item))
const date = text(MAX_STRING).refine(isRealDate, (s) => ({ message: `expected a real date YYYY-MM-DD, got ${show(s)}` }))
const integer = (min: number, max?: number) =>
  text(MAX_STRING).transform((s, ctx) => {
    const n = /^\d+$/.test(s) ? Number(s) : NaN
    const range = max === undefined ? `a non-negative integer` : `an integer from ${min} to ${max}`
    if (!(n >= min && n <= (max ?? Number.MAX_SAFE_INTEGER))) ctx.addIssue({ code: 'custom', message: `expected ${range}, got ${show(s)}` })
    return n
  })
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/
const probability = text(MAX_STRING).transform((s, ctx) => {
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : NaN
  if (!(n >= 0 && n <= 1)) ctx.addIssue({ code: 'custom', message: `expected a number from 0 to 1 such as 0.6, got ${show(s)}` })
  return n
})
const bbox = text(MAX_STRING).transform((s, ctx): [number, number, number, number] => {
  const parts = s.split(',').map((p) => p.trim())
  const fail = (message: string) => { ctx.addIssue({ code: 'custom', message }); return [0, 0, 0, 0] as [number, number, number, number] }
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) return fail(`expected four numbers west,south,east,north, got ${show(s)}`)
  const [w, so, e, n] = parts.map(Number) as [number, number, number, number]
  if (Math.abs(w) > 180 || Math.abs(e) > 180) return fail(`west and east must be within -180..180, got ${show(s)}`)
  if (Math.abs(so) > 90 || Math.abs(n) > 90) return fail(`south and north must be within -90..90, got ${show(s)}`)
  if (so > n) return fail(`south ${so} is north of north ${n}`)
  // Stores compare longitude with west <= lon <= east; a box across the antimeridian would match nothing.
  if (w > e) return fail(`west ${w} is east of east ${e} (split a box across the antimeridian into two queries)`)
  return [w, so, e, n]
})
// A bare `--background` or `?background` arrives as '' and means yes.
const FLAG_WORDS = new Map([['', true], ['true', true], ['1', true], ['yes', true], ['false', false], ['0', false], ['no', false]])
const flag = text(MAX_STRING).transform((s, ctx) => {
  const v = FLAG_WORDS.get(s.toLowerCase())
  if (v === undefined) ctx.addIssue({ code: 'custom', message: `expected true or false, got ${show(s)}` })
  return v ?? false
})
const cursor = text(MAX_CURSOR).transform((s, ctx) => {
  const r = readCursor(s)
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason })
  return s
})

function buildSchema(cb: Codebook) {
  return z.object({
    country: list(text(MAX_STRING)), admin1: list(text(MAX_STRING)),
    type: list(oneOf(cb.types, 'event type')), 'sub-type': list(oneOf(cb.subTypes, 'sub-event type')),
    actor: text(MAX_STRING), since: date, until: date, bbox, q: text(MAX_Q),
    'min-fatalities': integer(0), 'min-confidence': probability, review: list(oneOf(STATUSES, 'review status')),
    limit: integer(1, MAX_LIMIT), cursor, order: oneOf(ORDERS, 'order'), background: flag,
  }).partial()
}
const schemas = new Map<string, ReturnType<typeof buildSchema>>()
function querySchema(dir: string) {
  let s = schemas.get(dir)
  if (!s) { s = buildSchema(codebook(dir)); schemas.set(dir, s) }
  return s
}

/** Raw parameters to one value per name (lists split on commas), or the errors of the spelling. */
function gather(raw: Record<string, string | string[] | undefined>, ignore: readonly string[]) {
  const values: Record<string, string | string[]> = {}
  const errors: string[] = []
  for (const [key, v] of Object.entries(raw)) {
    if (v === undefined || ignore.includes(key)) continue
    const p = CAMEL[key] ?? key
    if (!(QUERY_PARAMS as readonly string[]).includes(p)) { errors.push(`${key}: unknown parameter (allowed: ${QUERY_PARAMS.join(', ')})`); continue }
    if (p in values) { errors.push(`${p}: given twice (as ${p} and ${key})`); continue }
    const all = Array.isArray(v) ? v : [v]
    if (LISTS.has(p as Param)) {
      const items = all.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '')
      if (items.length === 0) errors.push(`${p}: empty (give one or more values, comma-separated)`)
      else values[p] = items
    } else if (all.length !== 1) errors.push(`${p}: given ${all.length} times (give it once)`)
    else if (all[0]!.trim() === '' && p !== 'background') errors.push(`${p}: empty`)
    else values[p] = p === 'q' ? all[0]! : all[0]!.trim()
  }
  return { values, errors }
}

/**
 * Validates the filters of `sitrep events` and of the HTTP API into an EventQuery. Every problem is
 * reported at once as `param: reason`, the problems joined by '; ' (no reason contains one):
 * `parseEventQuery({ type: 'battles', since: '2019-01-01', bbox: '38,29,49,38' })`.
 */
export function parseEventQuery(
  raw: Record<string, string | string[] | undefined>,
  options: { dataDir?: string; ignore?: readonly string[] } = {},
): ParsedQuery {
  const { values, errors } = gather(raw, options.ignore ?? [])
  // Checked on the raw values so it is reported even when another parameter fails too.
  const { since, until } = values
  if (typeof since === 'string' && typeof until === 'string' && isRealDate(since) && isRealDate(until) && since > until) errors.push(`since: ${since} is after until ${until}`)
  const parsed = querySchema(options.dataDir ?? DEFAULT_DATA_DIR).safeParse(values)
  if (!parsed.success) for (const i of parsed.error.issues) errors.push(`${String(i.path[0] ?? '?')}: ${i.message}`)
  if (parsed.success && parsed.data.cursor !== undefined) {
    // a cursor says where a page of one order ended: in another order it would skip or repeat events
    const c = readCursor(parsed.data.cursor)
    const mismatch = c.ok ? cursorMismatch(c.cursor, (parsed.data.order ?? 'desc') as EventOrder) : null
    if (mismatch) errors.push(`cursor: ${mismatch}`)
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, error: errors.join('; ') }
  const v = parsed.data
  const query: EventQuery = {
    country: v.country, admin1: v.admin1, type: v.type, subType: v['sub-type'], actor: v.actor, since: v.since, until: v.until,
    bbox: v.bbox, q: v.q, minFatalities: v['min-fatalities'], minConfidence: v['min-confidence'], review: v.review as EventQuery['review'],
    limit: v.limit, cursor: v.cursor, order: v.order as EventOrder | undefined, includeBackground: v.background,
  }
  for (const k of Object.keys(query) as (keyof EventQuery)[]) if (query[k] === undefined) delete query[k]
  return { ok: true, query }
}
