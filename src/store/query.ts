import { join } from 'node:path'
import { z } from 'zod'
import { DEFAULT_DATA_DIR, readJson } from '../data/load.js'
import type { EventQuery } from './types.js'

/** The parameters of `sitrep events` (as --flags) and of the HTTP API (as query parameters). */
export const QUERY_PARAMS = ['country', 'admin1', 'type', 'sub-type', 'actor', 'since', 'until', 'bbox', 'q', 'min-fatalities', 'limit', 'cursor', 'background'] as const
type Param = (typeof QUERY_PARAMS)[number]

const LISTS: ReadonlySet<Param> = new Set(['country', 'admin1', 'type', 'sub-type'])
// commander hands options over camelCased; accepting that spelling lets the CLI pass opts() as is.
const CAMEL: Record<string, Param> = { subType: 'sub-type', minFatalities: 'min-fatalities' }
const MAX_STRING = 200
const MAX_Q = 500
const MAX_LIST = 100
const MAX_LIMIT = 10_000
// A cursor wraps an event id and a date in base64url, so it is longer than any id it carries.
const MAX_CURSOR = 1000

export type Cursor = { event_date: string | null; event_id: string }
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
const CursorSchema = z.tuple([z.string().refine(isRealDate).nullable(), z.string().min(1).refine((s) => !s.includes(NUL))])

function readCursor(s: string): { ok: true; cursor: Cursor } | { ok: false; reason: string } {
  // Buffer's base64url decoder skips characters outside the alphabet, so check the alphabet first.
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return { ok: false, reason: 'not base64url text (pass the cursor exactly as the previous page returned it)' }
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'does not decode to JSON (pass the cursor exactly as the previous page returned it)' }
  }
  const parsed = CursorSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, reason: 'not a cursor of this API (expected [event_date, event_id])' }
  return { ok: true, cursor: { event_date: parsed.data[0], event_id: parsed.data[1] } }
}

/** The opaque cursor after `last`, for keyset pagination over (event_date, event_id): `encodeCursor({ event_date: '2019-04-11', event_id: 'IRQ1' })`. */
export function encodeCursor(last: Cursor): string {
  return Buffer.from(JSON.stringify([last.event_date, last.event_id]), 'utf8').toString('base64url')
}

/** The position a cursor stands for; throws `invalid cursor: <reason>` on anything encodeCursor did not make. */
export function decodeCursor(cursor: string): Cursor {
  const r = readCursor(cursor)
  if (!r.ok) throw new Error(`invalid cursor: ${r.reason}`)
  return r.cursor
}

type Codebook = { types: Map<string, string>; subTypes: Map<string, string> }
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
const list = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).max(MAX_LIST, `at most ${MAX_LIST} values`)
const date = text(MAX_STRING).refine(isRealDate, { error: (i) => `expected a real date YYYY-MM-DD, got ${show(String(i.input))}` })
const integer = (min: number, max?: number) =>
  text(MAX_STRING).transform((s, ctx) => {
    const n = /^\d+$/.test(s) ? Number(s) : NaN
    const range = max === undefined ? `a non-negative integer` : `an integer from ${min} to ${max}`
    if (!(n >= min && n <= (max ?? Number.MAX_SAFE_INTEGER))) ctx.addIssue({ code: 'custom', message: `expected ${range}, got ${show(s)}` })
    return n
  })
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/
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
    'min-fatalities': integer(0), limit: integer(1, MAX_LIMIT), cursor, background: flag,
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
  if (errors.length > 0 || !parsed.success) return { ok: false, error: errors.join('; ') }
  const v = parsed.data
  const query: EventQuery = {
    country: v.country, admin1: v.admin1, type: v.type, subType: v['sub-type'], actor: v.actor, since: v.since, until: v.until,
    bbox: v.bbox, q: v.q, minFatalities: v['min-fatalities'], limit: v.limit, cursor: v.cursor, includeBackground: v.background,
  }
  for (const k of Object.keys(query) as (keyof EventQuery)[]) if (query[k] === undefined) delete query[k]
  return { ok: true, query }
}
