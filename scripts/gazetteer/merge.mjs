// Merging one country's Who's On First rows with its GeoNames cities500 rows: one row per place.
import { haversineKm } from '../../dist/geo/geo-math.js'
import { normalizePlaceName } from '../../dist/geo/normalize.js'
import { Grid } from './grid.mjs'
import { chooseAltNames, chooseName, rowKeys } from './names.mjs'

const SAME_PLACE_KM = 5 // same name within 5 km: one place (task rule; WOF often doubles GeoNames)
const SAME_ID_MAX_KM = 30 // a shared GeoNames id further apart than this is a WOF data error

// WOF placetypes as Sitrep kinds; placetype "country" is not a place to pin.
const WOF_KIND = {
  locality: 'locality', localadmin: 'localadmin', neighbourhood: 'neighbourhood', microhood: 'neighbourhood',
  campus: 'campus', county: 'county', region: 'region', borough: 'neighbourhood', macrohood: 'neighbourhood',
}
const SETTLEMENT = new Set(['locality', 'localadmin', 'neighbourhood'])
const CURRENT_FIRST = { 1: 0, '-1': 1, 0: 2 }

function gnKind(gn) {
  return gn.featureCode === 'PPLX' ? 'neighbourhood' : 'locality'
}

function kindGroup(kind) {
  return kind === 'localadmin' ? 'locality' : kind
}

/** Merge rows into places: { id, name, altNames, lat, lon, kind, population, wof, gn } */
export function mergeCountry(wofRows, gnRows) {
  const gnById = new Map(gnRows.map((g) => [g.geonameId, g]))
  const gnGrid = new Grid()
  gnRows.forEach((g) => gnGrid.add(g))
  const gnKeys = new Map(gnRows.map((g) => [g, rowKeys(null, g)]))
  const claimed = new Set()
  const places = []
  const byKey = new Map()

  const sorted = wofRows
    .filter((r) => WOF_KIND[r.placetype] && Number.isFinite(+r.latitude) && Number.isFinite(+r.longitude) && r.latitude !== '')
    .sort((a, b) => (CURRENT_FIRST[a.is_current] ?? 1) - (CURRENT_FIRST[b.is_current] ?? 1))

  for (const wof of sorted) {
    const lat = +wof.latitude
    const lon = +wof.longitude
    const kind = WOF_KIND[wof.placetype]
    const keys = rowKeys(wof, null)
    let gn = null
    if (SETTLEMENT.has(kind)) {
      const byId = gnById.get(wof.geonames_id)
      if (byId && !claimed.has(byId) && haversineKm(lat, lon, byId.lat, byId.lon) <= SAME_ID_MAX_KM) gn = byId
      gn ??= gnGrid.nearest(lat, lon, SAME_PLACE_KM, (g) => !claimed.has(g) && sharesKey(keys, gnKeys.get(g)))
    }
    if (gn) claimed.add(gn)
    const place = makePlace(wof, gn, kind, lat, lon)
    if (!absorbDuplicate(byKey, place)) addPlace(places, byKey, place)
  }
  for (const gn of gnRows) {
    if (claimed.has(gn)) continue
    const place = makePlace(null, gn, gnKind(gn), gn.lat, gn.lon)
    if (!absorbDuplicate(byKey, place)) addPlace(places, byKey, place)
  }
  return places
}

function sharesKey(a, b) {
  for (const k of a) if (b.has(k)) return true
  return false
}

function makePlace(wof, gn, kind, lat, lon) {
  const name = chooseName(wof, gn)
  return {
    id: wof ? `w${wof.wof_id}` : `g${gn.geonameId}`,
    name,
    altNames: chooseAltNames(name, wof, gn),
    lat: gn ? gn.lat : lat,
    lon: gn ? gn.lon : lon,
    kind,
    population: Math.max(Number(wof?.population) || 0, gn?.population ?? 0),
    wof,
    gn,
    key: normalizePlaceName(name),
  }
}

function addPlace(places, byKey, place) {
  places.push(place)
  let list = byKey.get(place.key)
  if (!list) byKey.set(place.key, (list = []))
  list.push(place)
}

/** Fold a same-named, same-kind place within 5 km into the one already kept. */
function absorbDuplicate(byKey, place) {
  for (const kept of byKey.get(place.key) ?? []) {
    if (kindGroup(kept.kind) !== kindGroup(place.kind)) continue
    if (haversineKm(kept.lat, kept.lon, place.lat, place.lon) > SAME_PLACE_KM) continue
    const seen = new Set(kept.altNames.map(normalizePlaceName))
    for (const alt of place.altNames) {
      const k = normalizePlaceName(alt)
      if (!seen.has(k) && k !== kept.key) { kept.altNames.push(alt); seen.add(k) }
    }
    kept.population = Math.max(kept.population, place.population)
    kept.wof ??= place.wof
    kept.gn ??= place.gn
    return true
  }
  return false
}
