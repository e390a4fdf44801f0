// @ts-check
// The offline basemap: Natural Earth country outlines (and provinces of the conflict countries) as
// GeoJSON drawn on their own canvas, sea as the map's background colour (styles.css). With a tile
// URL from /api/config, tiles go underneath and the land fill becomes transparent.

/** @typedef {import('leaflet').Map} LMap */

// Leaflet passes GeoJSON options on to each polygon, renderer included (its types omit it).
const LAND = { color: '#8c8c8c', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 }
const LAND_OVER_TILES = { color: '#6b6b6b', weight: 0.8, fill: false }
const PROVINCES = { color: '#a9a39a', weight: 0.6, dashArray: '2 3', fill: false }
const PROVINCE_MIN_ZOOM = 5

/** @param {string} url */
async function loadJson(url) {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${url}: ${res.status} ${res.statusText}`)
  return res.json()
}

/**
 * Adds the basemap to `map`; resolves once the country outlines are drawn. The outlines load
 * while the config is still on its way; provinces show from zoom 5 on, and load then.
 * @param {LMap} map
 * @param {{ tiles: Promise<string | null>, onError: (e: Error) => void }} opts
 */
export async function addBasemap(map, { tiles: tilesP, onError }) {
  map.createPane('basemap').style.zIndex = '250'
  map.createPane('provinces').style.zIndex = '260'
  const renderer = L.canvas({ pane: 'basemap' })
  const countriesP = loadJson('/basemap/countries.json')
  const tiles = await tilesP
  if (tiles) {
    // Leaflet writes attributions as HTML: only the host's plain characters go in
    const host = (/^https?:\/\/([^/]+)/i.exec(tiles)?.[1] ?? '').replace(/[^A-Za-z0-9.:{}-]/g, '')
    L.tileLayer(tiles, { maxZoom: 18, attribution: `Tiles: ${host}` }).addTo(map)
  }
  const countries = await countriesP
  L.geoJSON(countries, /** @type {any} */ ({ style: tiles ? LAND_OVER_TILES : LAND, renderer, interactive: false, pane: 'basemap' })).addTo(map)
  map.attributionControl.addAttribution('Outlines: Natural Earth (public domain)')
  // provinces are fetched the first time the map is zoomed in far enough to show them
  /** @type {import('leaflet').GeoJSON | null} */
  let provinces = null
  let asked = false
  const sync = () => {
    const want = map.getZoom() >= PROVINCE_MIN_ZOOM
    if (want && !asked) {
      asked = true
      loadJson('/basemap/admin1.json').then((data) => {
        provinces = L.geoJSON(data, /** @type {any} */ ({ style: PROVINCES, renderer: L.canvas({ pane: 'provinces' }), interactive: false, pane: 'provinces' }))
        sync()
      }, (e) => onError(e))
    }
    if (!provinces) return
    if (want && !map.hasLayer(provinces)) provinces.addTo(map)
    else if (!want && map.hasLayer(provinces)) provinces.remove()
  }
  map.on('zoomend', sync)
  sync()
}
