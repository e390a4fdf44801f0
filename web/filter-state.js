// @ts-check
// The dashboard's filters, named exactly as the API's parameters, so the page's query string is
// also the API's: a shared link and an export ask for the same events.

/**
 * Lists are arrays (comma-separated in a URL); the rest are strings, '' when not set.
 * @typedef {{ since: string, until: string, country: string[], admin1: string[], type: string[], 'sub-type': string[], actor: string, q: string, 'min-fatalities': string, 'min-confidence': string }} Filters
 * @typedef {'events' | 'review'} ListView  the list: every event newest first, or the review queue
 * @typedef {{ filters: Filters, event: string, view: ListView }} ViewState  `event` is the open event's id, '' when none
 */

/** @type {readonly (keyof Filters)[]} */
export const FILTER_NAMES = ['since', 'until', 'country', 'admin1', 'type', 'sub-type', 'actor', 'q', 'min-fatalities', 'min-confidence']
const LISTS = new Set(['country', 'admin1', 'type', 'sub-type'])
// a probability as the API takes it: 0 to 1, in decimals ('0.6', '.75', '1')
const PROBABILITY = /^(0(\.\d*)?|1(\.0*)?|\.\d+)$/

/** Whether `s` is a minimum confidence the API takes: `isConfidence('0.6') === true`. @param {string} s */
export const isConfidence = (s) => PROBABILITY.test(s)

/**
 * The API parameters of the review queue, added to the filters when the list shows it: the events
 * no analyst has confirmed, rejected or corrected, least certain first.
 */
export const REVIEW_QUEUE = /** @type {const} */ ({ order: 'confidence', review: 'unreviewed' })

/** @returns {Filters} */
export function emptyFilters() {
  return { since: '', until: '', country: [], admin1: [], type: [], 'sub-type': [], actor: '', q: '', 'min-fatalities': '', 'min-confidence': '' }
}

/** A comma-separated list to its trimmed, non-empty items: `splitList(' Iraq, ,Syria') → ['Iraq', 'Syria']`. @param {string} s */
export function splitList(s) {
  return s.split(',').map((x) => x.trim()).filter((x) => x !== '')
}

/**
 * The view a query string describes: `readState('?type=Battles,Riots&event=IRQ1')`.
 * Unknown parameters are ignored; a date that is not YYYY-MM-DD is dropped rather than sent on.
 * @param {string} search
 * @returns {ViewState}
 */
export function readState(search) {
  const p = new URLSearchParams(search)
  const f = emptyFilters()
  for (const name of FILTER_NAMES) {
    const v = p.get(name)
    if (v === null) continue
    if (LISTS.has(name)) /** @type {any} */ (f)[name] = splitList(v)
    else /** @type {any} */ (f)[name] = v.trim()
  }
  for (const d of /** @type {const} */ (['since', 'until'])) if (f[d] && !/^\d{4}-\d{2}-\d{2}$/.test(f[d])) f[d] = ''
  if (f['min-fatalities'] && !/^\d+$/.test(f['min-fatalities'])) f['min-fatalities'] = ''
  if (f['min-confidence'] && !isConfidence(f['min-confidence'])) f['min-confidence'] = ''
  return { filters: f, event: p.get('event')?.trim() ?? '', view: p.get('view') === 'review' ? 'review' : 'events' }
}

/**
 * The API parameters of these filters, set ones only: `filterParams(f, ['since', 'until'])` leaves the dates out.
 * @param {Filters} f
 * @param {readonly (keyof Filters)[]} [omit]
 * @returns {URLSearchParams}
 */
export function filterParams(f, omit = []) {
  const p = new URLSearchParams()
  for (const name of FILTER_NAMES) {
    if (omit.includes(name)) continue
    const v = f[name]
    if (Array.isArray(v)) { if (v.length) p.set(name, v.join(',')) } else if (v) p.set(name, v)
  }
  return p
}

/**
 * The query string of a view, for history.replaceState: '' when nothing is set, else '?…'.
 * Commas stay readable (`type=Battles,Riots`): they need no escaping in a query.
 * @param {ViewState} s
 */
export function writeSearch(s) {
  const p = filterParams(s.filters)
  if (s.view === 'review') p.set('view', 'review')
  if (s.event) p.set('event', s.event)
  const q = p.toString().replace(/%2C/g, ',')
  return q ? `?${q}` : ''
}

/** Whether two filter sets ask for the same events. @param {Filters} a @param {Filters} b */
export function sameFilters(a, b) {
  return filterParams(a).toString() === filterParams(b).toString()
}
