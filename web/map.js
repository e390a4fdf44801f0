// @ts-check
// The event map: every filtered event, clustered with supercluster and drawn as canvas circles for
// the current view only, so 100,000 events pan and zoom smoothly. Re-clustered on every moveend.
import { EVENT_TYPES, typeColor, pointRadius, clusterRadius } from './colors.js'
import { h, fmt } from './dom.js'
import { groupBySite } from './sites.js'
import { CountCircle } from './count-circle.js'

/** @typedef {import('./api.js').EventPoint} EventPoint */
/** @typedef {import('./sites.js').Site} Site */
/** @typedef {{ n: number, f: number, c: number[] }} ClusterProps  events, fatalities and events per type index */

const OUTLINE = '#1f1f1f'
// Clusters up to zoom 9 (a province fills the screen); deeper, each spot is its own circle.
// Fewer levels keep indexing fast.
const MAX_CLUSTER_ZOOM = 9
// An event picked from the list or a link is shown this close at least: its surroundings, a few
// towns around. A closer view the analyst chose is kept.
const FOCUS_ZOOM = 7

/** 1234 → '1.2k' @param {number} n */
const short = (n) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n))

/**
 * @param {HTMLElement} el
 * @param {{ onSelect: (id: string) => void }} opts
 */
export function createMap(el, { onSelect }) {
  const map = L.map(el, { preferCanvas: true, minZoom: 2, maxZoom: 14, worldCopyJump: true }).setView([22, 30], 3)
  map.createPane('events').style.zIndex = '450'
  const renderer = L.canvas({ pane: 'events', padding: 0.3 })
  let layer = L.layerGroup().addTo(map)
  /** @type {import('supercluster').default<Site, ClusterProps> | null} */
  let index = null
  /** @type {EventPoint[]} */
  let points = []
  /** @type {string | null} */
  let selectedId = null
  /** @type {import('leaflet').CircleMarker | null} */
  let ring = null
  /** @type {string | null} an event to bring into view once the points that hold it are in (a link opened before they load) */
  let focusId = null

  /** @param {EventPoint} p */
  function tooltipOf(p) {
    return h('div', { class: 'map-tip' },
      h('strong', {}, p.event_date), ' ', p.event_type, h('br'), `${fmt(p.fatalities)} fatalities`)
  }

  /** @param {EventPoint} p */
  function pointMarker(p) {
    const m = L.circleMarker([p.latitude, p.longitude], {
      renderer, radius: pointRadius(p.fatalities), color: OUTLINE, weight: 1, opacity: 0.9,
      fillColor: typeColor(p.event_type), fillOpacity: 0.85,
    })
    m.bindTooltip(() => tooltipOf(p), { direction: 'top' })
    m.on('click', () => onSelect(p.event_id))
    return m
  }

  /** Several events at one spot: a numbered circle listing them. @param {Site} site */
  function stackMarker(site) {
    const { events: group, c } = site
    const first = /** @type {EventPoint} */ (group[0])
    const m = new CountCircle([first.latitude, first.longitude], {
      renderer, radius: clusterRadius(group.length), color: OUTLINE, weight: 1, fillColor: '#fff', fillOpacity: 0.95, label: short(group.length), parts: c,
    })
    m.bindTooltip(() => h('div', { class: 'map-tip' }, h('strong', {}, `${fmt(group.length)} events at this spot`), `, ${fmt(site.f)} fatalities`,
      h('br'), 'click for the list'), { direction: 'top' })
    m.bindPopup(() => h('div', { class: 'map-stack' },
      h('strong', {}, `${group.length} events here`),
      h('ul', {}, group.slice(0, 50).map((p) => h('li', {},
        h('button', { type: 'button', class: 'linkish', onclick: () => onSelect(p.event_id) }, `${p.event_date} ${p.event_type} (${p.fatalities})`)))),
      group.length > 50 ? h('p', {}, `and ${group.length - 50} more (narrow the filters to list them)`) : null))
    return m
  }

  /** @param {import('supercluster').ClusterFeature<ClusterProps>} f */
  function clusterMarker(f) {
    const [lon, lat] = f.geometry.coordinates
    const { n, cluster_id: id, c, f: dead } = f.properties
    const m = new CountCircle([lat, lon], {
      renderer, radius: clusterRadius(n), color: OUTLINE, weight: 1, fillColor: '#fff', fillOpacity: 0.95, label: short(n), parts: c,
    })
    m.bindTooltip(() => h('div', { class: 'map-tip' }, h('strong', {}, `${fmt(n)} events`), `, ${fmt(dead)} fatalities`,
      ...EVENT_TYPES.map((t, i) => (c[i] ? [h('br'), `${t}: ${fmt(c[i])}`] : null))), { direction: 'top' })
    m.on('click', () => map.setView([lat, lon], Math.min(index?.getClusterExpansionZoom(id) ?? map.getZoom() + 2, map.getMaxZoom())))
    return m
  }

  /**
   * Draws the clusters and points of the current view; returns how many circles. The map element's
   * data-markers and data-shown (events the circles stand for) tell tests and benchmarks what was drawn.
   */
  function draw() {
    const next = L.layerGroup()
    let drawn = 0, shown = 0
    if (index) {
      const b = map.getBounds()
      const zoom = Math.round(map.getZoom())
      const items = index.getClusters([b.getWest(), Math.max(-90, b.getSouth()), b.getEast(), Math.min(90, b.getNorth())], zoom)
      /** @type {import('leaflet').CircleMarker[]} */
      const markers = []
      for (const f of items) {
        const props = /** @type {any} */ (f.properties)
        if (props.cluster) { markers.push(clusterMarker(/** @type {any} */ (f))); shown += props.n; continue }
        const site = /** @type {Site} */ (props)
        shown += site.events.length
        markers.push(site.events.length === 1 ? pointMarker(/** @type {EventPoint} */ (site.events[0])) : stackMarker(site))
      }
      // big circles first, so small ones stay visible and clickable on top of them
      markers.sort((a, b) => b.getRadius() - a.getRadius())
      for (const m of markers) next.addLayer(m)
      drawn = markers.length
    }
    layer.remove()
    layer = next.addTo(map)
    drawRing()
    el.dataset.markers = String(drawn)
    el.dataset.shown = String(shown)
    const c = map.getCenter(), b = map.getBounds()
    el.dataset.zoom = String(map.getZoom())
    el.dataset.center = `${c.lat.toFixed(5)},${c.lng.toFixed(5)}`
    el.dataset.bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(5)).join(',')
    return drawn
  }

  function drawRing() {
    ring?.remove()
    ring = null
    const p = selectedId ? points.find((x) => x.event_id === selectedId) : null
    if (!p) return
    ring = L.circleMarker([p.latitude, p.longitude], { renderer, radius: pointRadius(p.fatalities) + 5, color: '#000', weight: 3, fill: false, interactive: false }).addTo(map)
  }

  /**
   * Zooms to show every event; false when there are none (the view stays). The move redraws.
   * @param {EventPoint[]} pts
   */
  function fitTo(pts) {
    if (!pts.length) return false
    let s = 90, w = 180, n = -90, e = -180
    for (const p of pts) {
      if (p.latitude < s) s = p.latitude
      if (p.latitude > n) n = p.latitude
      if (p.longitude < w) w = p.longitude
      if (p.longitude > e) e = p.longitude
    }
    map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 8, animate: false })
    draw() // fitBounds to the same view fires no moveend
    return true
  }

  /** Centres the map on the event awaiting focus when its point is known; true when it did. */
  function focusPending() {
    const p = focusId ? points.find((x) => x.event_id === focusId) : null
    if (!p) return false
    focusId = null
    map.setView([p.latitude, p.longitude], Math.max(map.getZoom(), FOCUS_ZOOM))
    draw() // the same view again fires no moveend
    return true
  }

  map.on('moveend', draw)
  // Leaflet measures its container once; the layout changes its size without resizing the window
  // (a page scroll bar appearing, a narrow window's column layout)
  new ResizeObserver(() => map.invalidateSize()).observe(el)

  return {
    map,
    /**
     * Replaces the events (and with `fit`, zooms to them); resolves after the canvas has drawn
     * them, with how many circles it drew and how many events those stand for.
     * @param {EventPoint[]} pts
     * @param {{ fit?: boolean }} [opts]
     * @returns {Promise<{ markers: number, shown: number }>}
     */
    setPoints(pts, opts = {}) {
      points = pts
      index = new Supercluster(/** @type {import('supercluster').Options<Site, ClusterProps>} */ ({
        // supercluster measures in 512-pixel tiles, Leaflet in 256: 100 is 50 screen pixels
        radius: 100, maxZoom: MAX_CLUSTER_ZOOM,
        // a new array each time: reduce adds into the accumulated one
        map: (s) => ({ n: s.events.length, f: s.f, c: s.c.slice() }),
        reduce: (acc, p) => { acc.n += p.n; acc.f += p.f; for (let i = 0; i < acc.c.length; i++) acc.c[i] += p.c[i] ?? 0 },
      }))
      index.load(groupBySite(pts).map((s) => {
        const p = /** @type {EventPoint} */ (s.events[0])
        return { type: 'Feature', geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] }, properties: s }
      }))
      el.dataset.points = String(pts.length)
      // a link to an event shows that event, not every event of the filters
      const moved = (focusId !== null && focusPending()) || (opts.fit && fitTo(pts))
      // an event awaiting focus that is not among these points (not located, or filtered out) is not
      // waited for: a later load must not pull the map away from where the analyst has moved it
      focusId = null
      const markers = moved ? Number(el.dataset.markers) : draw()
      const shown = Number(el.dataset.shown)
      // Leaflet draws the canvas on the next animation frame; this one runs right after it
      return new Promise((resolve) => requestAnimationFrame(() => resolve({ markers, shown })))
    },
    /**
     * A changed event (after a review) moves or resizes its circle.
     * @param {import('./api.js').StoredEvent} e
     */
    update(e) {
      const p = points.find((x) => x.event_id === e.event_id)
      if (!p || e.latitude === null || e.longitude === null) return
      Object.assign(p, { latitude: e.latitude, longitude: e.longitude, fatalities: e.fatalities, event_type: e.event_type, event_date: e.event_date ?? p.event_date })
      this.setPoints(points)
    },
    /**
     * Marks one event with a ring (null: none); with `focus`, also centres the map on it, zoomed in
     * to FOCUS_ZOOM at least, now or, when its point is not loaded yet, once it is.
     * @param {string | null} id @param {{ focus?: boolean }} [opts]
     */
    select(id, opts = {}) {
      selectedId = id
      focusId = opts.focus ? id : null
      if (!focusPending()) drawRing()
    },
  }
}
