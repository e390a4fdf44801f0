// @ts-check
// The HTTP API as functions. Every failure becomes an ApiError carrying the server's
// `{ error, detail? }`, so the page can say what went wrong instead of failing silently.
import { filterParams, REVIEW_QUEUE } from './filter-state.js'

/** @typedef {import('./filter-state.js').Filters} Filters */
/** @typedef {{ event_id: string, latitude: number, longitude: number, event_type: string, fatalities: number, event_date: string }} EventPoint */
/** @typedef {{ period: string, key: string, events: number, fatalities: number }} StatsRow */
/** @typedef {{ report_id: string, mention: number, outlet: string | null, published: string | null, title: string | null, url: string | null, fatalities: number, event_type: string, sub_event_type: string, event_date: string | null, location: string | null }} SourceClaim */
/** @typedef {{ field: string, value: unknown, comment: string | null, at: string, author: string | null }} Correction */
/**
 * A stored event (src/store/types.ts StoredEvent); only the fields the page reads are spelled out.
 * @typedef {{ event_id: string, event_date: string | null, event_type: string, sub_event_type: string, actor1: string | null, actor2: string | null,
 *   assoc_actor_1: string | null, assoc_actor_2: string | null, country: string | null, admin1: string | null, admin2: string | null, location: string | null,
 *   latitude: number | null, longitude: number | null, fatalities: number, n_sources: number, sources: SourceClaim[], corrections: Correction[],
 *   merge_rules: Record<string, string>, review: string, notes: string, confidence: number, [field: string]: unknown }} StoredEvent
 */
/** @typedef {{ start: number, end: number }} Span */
/** @typedef {{ kind: 'spans', spans: Span[] } | { kind: 'rule', rule: string, spans?: Span[] }} Evidence */
/** @typedef {{ id: string, title: string | null, url: string | null, source: string | null, published: string | null, text: string }} Report */
/** @typedef {{ report: Report, idx: number, event: { evidence: Record<string, Evidence>, [field: string]: unknown } }} Source */
/** @typedef {{ old_id: string, new_id: string, reason: string, at: string }} HistoryEntry */
/** @typedef {{ event_id: string, action: string, fields: Record<string, unknown> | null, comment: string | null, author: string | null, at: string }} ReviewEntry */
/** @typedef {{ event: StoredEvent, sources: Source[], history: HistoryEntry[], reviews: ReviewEntry[] }} EventDetail */
/** @typedef {{ action: 'confirm' | 'reject' } | { action: 'correct', fields: Record<string, unknown> }} ReviewAction */

export class ApiError extends Error {
  /** @param {number} status @param {string} message @param {unknown} [detail] */
  constructor(status, message, detail) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.detail = detail
  }
}

/**
 * @param {string} path
 * @param {{ params?: URLSearchParams, method?: string, body?: unknown, token?: string, signal?: AbortSignal, onBody?: () => void }} [opts]
 *   `onBody` is called once the answer's body is in, before it is parsed
 * @returns {Promise<any>}
 */
async function request(path, opts = {}) {
  const qs = opts.params?.toString()
  const url = qs ? `${path}?${qs}` : path
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  const early = /** @type {any} */ (window).__sitrepEarly
  let res
  if (early && early.url === url && !opts.method) {
    // boot.js asked for this already; it is used once
    /** @type {any} */ (window).__sitrepEarly = null
    res = /** @type {Response} */ (await early.response)
  } else {
    res = await fetch(url, {
      method: opts.method ?? 'GET', headers, signal: opts.signal,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
  }
  const text = await res.text()
  opts.onBody?.()
  if (res.ok) {
    try {
      return JSON.parse(text)
    } catch {
      throw new ApiError(res.status, `${path}: the server's answer is not JSON`)
    }
  }
  /** @type {any} */
  let json = null
  try { json = JSON.parse(text) } catch { /* not the API's error shape */ }
  const message = json && typeof json.error === 'string' ? json.error : `${res.status} ${res.statusText}`
  throw new ApiError(res.status, message, json?.detail)
}

/** @returns {Promise<{ tiles: string | null, writable: boolean }>} */
export const getConfig = () => request('/api/config')

/**
 * Every located event matching `f`, for the map; `onBody` as in request().
 * @param {Filters} f @param {AbortSignal} [signal] @param {() => void} [onBody] @returns {Promise<EventPoint[]>}
 */
export async function getPoints(f, signal, onBody) {
  const params = filterParams(f)
  params.set('format', 'points')
  params.set('limit', '200000')
  return fromColumns(await request('/api/events', { params, signal, onBody }))
}

/**
 * The API sends points as columns (a third of the bytes of one object a point); the map wants objects.
 * @param {{ count: number, types: string[], event_id: string[], latitude: number[], longitude: number[], type: number[], fatalities: number[], event_date: string[] }} c
 * @returns {EventPoint[]}
 */
function fromColumns(c) {
  const out = new Array(c.count)
  for (let i = 0; i < c.count; i++) {
    out[i] = { event_id: c.event_id[i], latitude: c.latitude[i], longitude: c.longitude[i], event_type: c.types[c.type[i]], fatalities: c.fatalities[i], event_date: c.event_date[i] }
  }
  return out
}

/**
 * Weekly counts by event type. The dates are left out on purpose: the timeline shows the whole
 * period, and the chosen range as a brush over it.
 * @param {Filters} f @param {AbortSignal} [signal] @returns {Promise<StatsRow[]>}
 */
export async function getWeeklyStats(f, signal) {
  const params = filterParams(f, ['since', 'until'])
  params.set('bucket', 'week')
  params.set('by', 'event_type')
  return (await request('/api/stats', { params, signal })).series
}

/**
 * How many background events (ones the reports mention only as past context) the filters match:
 * the API leaves them out unless asked with background=true, so this is the difference of two
 * counts over the same filters. Counted by /api/stats, which counts dated events only.
 * @param {Filters} f @param {AbortSignal} [signal] @returns {Promise<number>}
 */
export async function getHiddenBackground(f, signal) {
  const count = async (/** @type {boolean} */ background) => {
    const params = filterParams(f)
    params.set('bucket', 'month')
    params.set('by', 'event_type')
    if (background) params.set('background', 'true')
    /** @type {StatsRow[]} */
    const series = (await request('/api/stats', { params, signal })).series
    return series.reduce((n, r) => n + r.events, 0)
  }
  const [all, shown] = await Promise.all([count(true), count(false)])
  return Math.max(0, all - shown)
}

/**
 * Keys of a grouping over all time (the country and province suggestions).
 * @param {'country' | 'admin1'} by @param {Filters} [f] @returns {Promise<string[]>}
 */
export async function getKeys(by, f) {
  const params = f ? filterParams(f, ['since', 'until', by]) : new URLSearchParams()
  params.set('bucket', 'month')
  params.set('by', by)
  /** @type {StatsRow[]} */
  const series = (await request('/api/stats', { params })).series
  return [...new Set(series.map((r) => r.key).filter((k) => k))].sort()
}

/**
 * A page of the list: newest first, or in the review queue (`view` 'review') the unreviewed events,
 * least certain first. A cursor continues only the list that gave it.
 * @param {Filters} f @param {string | null} cursor @param {AbortSignal} [signal] @param {import('./filter-state.js').ListView} [view]
 * @returns {Promise<{ events: StoredEvent[], next: string | null }>}
 */
export function getEvents(f, cursor, signal, view = 'events') {
  const params = filterParams(f)
  if (view === 'review') for (const [k, v] of Object.entries(REVIEW_QUEUE)) params.set(k, v)
  params.set('limit', '100')
  if (cursor) params.set('cursor', cursor)
  return request('/api/events', { params, signal })
}

/** @param {string} id @returns {Promise<EventDetail>} */
export const getEvent = (id) => request(`/api/events/${encodeURIComponent(id)}`)

/** @param {string} q @param {AbortSignal} [signal] @returns {Promise<{ name: string, events: number }[]>} */
export async function getActors(q, signal) {
  return (await request('/api/actors', { params: new URLSearchParams(q ? { q } : {}), signal })).actors
}

/**
 * @param {string} id @param {ReviewAction & { comment?: string }} review @param {string} token
 * @returns {Promise<{ event: StoredEvent }>}
 */
export const postReview = (id, review, token) => request(`/api/events/${encodeURIComponent(id)}/review`, { method: 'POST', body: review, token })

/** The download link of the filtered events: `exportUrl(f, 'csv')`. @param {Filters} f @param {'csv' | 'geojson'} format */
export function exportUrl(f, format) {
  const params = filterParams(f)
  params.set('format', format)
  return `/api/events?${params.toString().replace(/%2C/g, ',')}`
}

/** An AbortError from a superseded request: not worth showing. @param {unknown} e */
export const isAbort = (e) => e instanceof DOMException && e.name === 'AbortError'

/** An error as one line for the analyst: the API's message and its detail. @param {unknown} e */
export function errorText(e) {
  if (e instanceof ApiError) {
    const detail = e.detail === undefined ? '' : ` (${typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail)})`
    const hint = e.status === 401 ? ' Check the analyst token.' : e.status === 403 ? ' This server does not accept reviews.' : ''
    return `Error ${e.status}: ${e.message}${detail}.${hint}`
  }
  return `Error: ${e instanceof Error ? e.message : String(e)}`
}

