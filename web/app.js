// @ts-check
// Wires the dashboard together: the URL holds the filters (and the open event, and which list is
// shown: every event, or the review queue), every change of filters reloads map, timeline and table
// in parallel, and requests a newer change supersedes are aborted. Sets window.__sitrepRendered
// after each full map render (benchmarks and tests read it).
import { readState, writeSearch, filterParams, sameFilters } from './filter-state.js'
import { getConfig, getPoints, getWeeklyStats, getHiddenBackground, getEvents, getEvent, getKeys, postReview, exportUrl, isAbort, errorText } from './api.js'
import { byId, fmt } from './dom.js'
import { createMap } from './map.js'
import { createLegend } from './legend.js'
import { addBasemap } from './basemap.js'
import { createTimeline } from './timeline.js'
import { createTable } from './table.js'
import { createFilters } from './filters.js'
import { createDetail } from './event-detail.js'
import { createTokenField } from './token.js'
import { createSummary } from './summary.js'
import { createFiltersToggle } from './filters-toggle.js'

/** @typedef {import('./filter-state.js').Filters} Filters */
/** @typedef {import('./filter-state.js').ListView} ListView */

const initial = readState(location.search)
let filters = initial.filters
let openId = initial.event
/** @type {ListView} */
let view = initial.view
/** @type {{ tiles: string | null, writable: boolean }} */
let config = { tiles: null, writable: false }
/** @type {import('./api.js').EventDetail | null} */
let detailData = null
/** @type {AbortController | null} */
let inFlight = null
/** @type {AbortController | null} the list's own requests: switching lists reloads only the list */
let listFlight = null
/** @type {string | null} the filters the timeline shows, dates left out */
let statsKey = null
/** @type {string | null} */
let next = null
let renders = 0

// Requests first: the config, points and stats travel while the map is being set up.
const configP = getConfig()

const banner = byId('error-banner')
const bannerText = byId('error-text')
byId('error-close').addEventListener('click', () => { banner.hidden = true })
/** @param {unknown} e */
function showError(e) {
  if (isAbort(e)) return
  bannerText.textContent = errorText(e)
  banner.hidden = false
}

const mapEl = byId('map')
// a point clicked on the map is in view already: the map stays where the analyst put it
const mapView = createMap(mapEl, { onSelect: (id) => openEvent(id, { focus: false }) })
const legend = createLegend(mapView.map)
const timeline = createTimeline(byId('timeline-chart'), { onBrush: (since, until) => update({ ...filters, since, until }) })
const table = createTable(byId('events-body', HTMLTableSectionElement), { onSelect: (id) => openEvent(id) })
const panel = createFilters(byId('filters', HTMLFormElement), { onChange: (f) => update(f), onError: showError })
createFiltersToggle(byId('filters-toggle', HTMLButtonElement), byId('filters'))
const detailEl = byId('detail')
const detail = createDetail(detailEl, { onClose: closeEvent })
const summary = createSummary(byId('summary'))
const token = createTokenField({ onChange: () => { if (detailData) renderDetail() } })
const listView = byId('list-view')
const loadMore = byId('load-more', HTMLButtonElement)
const clearBrush = byId('clear-brush', HTMLButtonElement)
const viewTabs = { events: byId('view-events', HTMLButtonElement), review: byId('view-review', HTMLButtonElement) }
const LIST_ORDER = { events: 'newest first', review: 'unreviewed, least certain first' }

panel.set(filters)
showView()
load(filters, { fit: true })

addBasemap(mapView.map, { tiles: configP.then((c) => c.tiles, () => null), onError: showError }).catch(showError)
configP.then((c) => {
  config = c
  token.enable(c.writable)
  if (detailData) renderDetail()
}, showError)

if (openId) openEvent(openId)

loadMore.addEventListener('click', () => { if (next) loadEvents(filters, next, listFlight?.signal).catch(showError) })
for (const [name, tab] of Object.entries(viewTabs)) tab.addEventListener('click', () => setView(/** @type {ListView} */ (name)))
clearBrush.addEventListener('click', () => update({ ...filters, since: '', until: '' }))
document.addEventListener('keydown', (e) => {
  const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement
  if (e.key === 'Escape' && openId && !typing) closeEvent()
})

/** New filters from the panel or the brush. @param {Filters} f */
function update(f) {
  if (sameFilters(f, filters)) return
  const placeChanged = f.country.join() !== filters.country.join() || f.admin1.join() !== filters.admin1.join()
  filters = f
  panel.set(f)
  writeUrl()
  load(f, { fit: placeChanged })
  if (placeChanged) suggestProvinces()
}

/** Shows the list of every event or the review queue; the map and the timeline stay as they are. @param {ListView} v */
function setView(v) {
  if (v === view) return
  view = v
  showView()
  writeUrl()
  reloadList(filters).catch(showError)
}

function showView() {
  for (const [name, tab] of Object.entries(viewTabs)) tab.setAttribute('aria-selected', String(name === view))
  byId('list-order').textContent = LIST_ORDER[view]
}

function writeUrl() {
  history.replaceState(null, '', `${location.pathname}${writeSearch({ filters, event: openId, view })}`)
  byId('export-csv', HTMLAnchorElement).href = exportUrl(filters, 'csv')
  byId('export-geojson', HTMLAnchorElement).href = exportUrl(filters, 'geojson')
  clearBrush.hidden = !filters.since && !filters.until
  timeline.setRange(filters)
}

/**
 * Map, timeline and table for `f`. The stats and the table's page are asked for as soon as the
 * points' body is in, and computed by the server while the page parses and clusters the points:
 * asked for at the same time, the server (one thread, synchronous SQLite) computes them while it
 * should be sending the points, and the map, the slowest part, comes last.
 * @param {Filters} f @param {{ fit: boolean }} opts
 */
function load(f, { fit }) {
  writeUrl()
  inFlight?.abort()
  inFlight = new AbortController()
  const { signal } = inFlight
  mapEl.dataset.state = 'loading'
  /** @type {() => void} */
  let bodyIn = () => {}
  const pointsIn = new Promise((resolve) => { bodyIn = () => resolve(undefined) })
  const points = getPoints(f, signal, bodyIn).finally(bodyIn).then(async (pts) => {
    if (signal.aborted) return
    performance.mark('sitrep:points-parsed')
    legend.update(pts)
    let dead = 0
    for (const p of pts) dead += p.fatalities
    summary.setEvents(pts.length, dead)
    const { markers, shown } = await mapView.setPoints(pts, { fit })
    if (signal.aborted) return
    mapEl.dataset.state = 'ready'
    const w = /** @type {any} */ (window)
    // `at`: milliseconds since navigation started; `shown`: events the drawn circles stand for
    w.__sitrepRendered = { at: performance.now(), points: pts.length, markers, shown, seq: ++renders }
    document.dispatchEvent(new CustomEvent('sitrep:rendered', { detail: w.__sitrepRendered }))
    if (renders === 1) suggestCountries()
  })
  // the timeline shows the whole period: it is reloaded only when a filter other than the dates changes
  const key = filterParams(f, ['since', 'until']).toString()
  const stats = key === statsKey ? Promise.resolve() : pointsIn.then(() => getWeeklyStats(f, signal)).then((series) => {
    statsKey = key
    timeline.render(series, f)
  })
  const list = reloadList(f, pointsIn)
  // Asked for last: the header's note must not hold up the map, the timeline or the list on the
  // server's one thread. And written after the count it qualifies, never under an older one.
  const hidden = Promise.allSettled([points, stats, list]).then(async () => {
    if (signal.aborted) return
    const n = await getHiddenBackground(f, signal)
    if (!signal.aborted) summary.setHidden(n)
  })
  Promise.all([points, stats, list, hidden]).catch(showError)
}

/**
 * The list's first page, once `after` is done; a newer list load (new filters, the other list)
 * aborts this one, so a late answer never replaces the list asked for last.
 * @param {Filters} f @param {Promise<unknown>} [after]
 */
function reloadList(f, after = Promise.resolve()) {
  listFlight?.abort()
  listFlight = new AbortController()
  const { signal } = listFlight
  return after.then(() => loadEvents(f, null, signal))
}

/** @param {Filters} f @param {string | null} cursor @param {AbortSignal} [signal] */
async function loadEvents(f, cursor, signal) {
  if (signal?.aborted) return
  loadMore.disabled = true
  try {
    const page = await getEvents(f, cursor, signal, view)
    if (signal?.aborted) return
    if (!cursor) table.reset()
    table.append(page.events)
    if (openId) table.select(openId)
    next = page.next
    loadMore.hidden = !next
    showCount()
  } finally {
    loadMore.disabled = false
  }
}

function showCount() {
  byId('table-count').textContent = `${fmt(table.size)} listed${next ? ', more below' : ''}`
}

function suggestCountries() {
  getKeys('country').then(panel.setCountries, showError)
  suggestProvinces()
}
function suggestProvinces() {
  getKeys('admin1', filters).then(panel.setProvinces, showError)
}

/**
 * Shows one event in the side panel, marks it on the map and, unless `focus` is false, brings the
 * map to it (from the list or a link, the event may be anywhere, or off the map's view).
 * @param {string} id @param {{ focus?: boolean }} [opts]
 */
async function openEvent(id, { focus = true } = {}) {
  openId = id
  writeUrl()
  table.select(id)
  mapView.select(id, { focus })
  listView.hidden = true
  detail.loading(id)
  // Below 1100 px the page scrolls as a whole and the list the row was in is gone: the event's top
  // would be above the window. (The wide layout's panel never is.)
  if (detailEl.getBoundingClientRect().top < 0) detailEl.scrollIntoView({ block: 'start' })
  try {
    const d = await getEvent(id)
    if (openId !== id) return
    detailData = d
    renderDetail()
  } catch (e) {
    if (openId === id) detail.error(errorText(e))
  }
}

/** @param {string} [flash] */
function renderDetail(flash) {
  const d = detailData
  if (!d) return
  const mode = !config.writable ? 'read-only' : token.get() ? 'form' : 'need-token'
  detail.show(d, {
    mode, flash,
    submit: async (review) => {
      const { event } = await postReview(d.event.event_id, review, token.get())
      // a reviewed event is no longer in the review queue; in the list of every event it is marked
      if (view === 'review' && event.review !== 'unreviewed') { table.remove(event.event_id); showCount() } else table.update(event)
      mapView.update(event)
      const fresh = await getEvent(event.event_id)
      if (openId !== d.event.event_id) return
      detailData = fresh
      const what = review.action === 'correct' ? `Saved: ${Object.entries(review.fields).map(([k, v]) => `${k} = ${v}`).join(', ')}` : `Saved: ${review.action}ed`
      renderDetail(what)
    },
  })
}

function closeEvent() {
  openId = ''
  detailData = null
  detail.hide()
  listView.hidden = false
  table.select('')
  mapView.select(null)
  writeUrl()
}
