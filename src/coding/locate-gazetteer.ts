import type { Doc } from '../doc.js'
import type { Evidence, GeoPrecision } from '../types.js'
import type { Gazetteer, LatLon, Place, Resolution } from '../geo/types.js'
import { resolveToponym } from '../geo/resolve.js'
import { resolveRelative } from '../geo/relative.js'
import type { PlaceMention } from '../entities/places.js'
import type { Draft } from './cluster.js'
import type { Located } from './locate.js'
import { bySentence } from '../text/by-sentence.js'
import { normalizePlaceName } from '../geo/normalize.js'

const sp = (m: { start: number; end: number }) => ({ start: m.start, end: m.end })
const CITY_PART = /^(neighbourhood|campus|localadmin|borough|macrohood|microhood)$/

/** Places the incident on the map: its own place, the province named near it, or the report's place. */
export function makeGazetteerLocator(gaz: Gazetteer) {
  const cache = new Map<string, Resolution>()
  function resolve(name: string, country: string | null, admin1: string | null, areaWord: boolean, near: LatLon[] = []): Resolution {
    const key = `${name}|${country}|${admin1}|${areaWord}|${near.map((p) => `${p.lat},${p.lon}`).join(';')}`
    let r = cache.get(key)
    if (!r) {
      r = resolveToponym(gaz, { name, ...(country ? { country } : {}), ...(admin1 ? { admin1 } : {}), areaWord, ...(near.length ? { near } : {}) })
      if (cache.size > 5000) cache.clear()
      cache.set(key, r)
    }
    return r
  }

  /** The province a mention names ("Anbar province", "in Anbar"), in the report's country. */
  /**
   * The province a mention names. "Kabul" and "Lagos" name a province and its big city: without the word
   * "province" or "state" the city is meant.
   */
  function admin1Of(m: PlaceMention | undefined, country: string | null): string | null {
    if (!m || !country) return null
    const a = gaz.admin1(country, m.name)?.name ?? null
    if (!a || m.feature === 'admin1') return a
    const city = gaz.lookup(m.name, { country }).some((p) => p.kind === 'locality' && p.population >= 100000)
    return city ? null : a
  }

  let indexed: { doc: Doc; placesOf: (i: number) => PlaceMention[]; admin1Place: PlaceMention | undefined; lastCountry: string | null; anchors: LatLon[] } | null = null
  const isCapital = (p: Place) => gaz.country(p.country)?.capital?.id === p.id
  return function locate(draft: Draft, doc: Doc): Located {
    if (indexed?.doc !== doc) indexed = { doc, placesOf: bySentence(doc.places), admin1Place: undefined, lastCountry: null, anchors: anchorsOf(doc) }
    const focus = doc.focus?.iso2 ?? null
    const own = draft.parts.flatMap((p) => p.places)
    const sentences = new Set(draft.parts.map((p) => p.clause.sentence))
    const nearby = [...sentences].flatMap(indexed.placesOf).filter((p) => p.cue !== 'from')
    // the province named in the incident's own sentences (or, failing that, anywhere in the report)
    indexed.admin1Place ??= (doc.places ?? []).find((p) => p.feature === 'admin1' && p.cue !== 'from' && admin1Of(p, focus))
    const admin1Mention = [...own, ...nearby].find((p) => admin1Of(p, focus)) ?? indexed.admin1Place
    const admin1 = admin1Of(admin1Mention, focus)
    const evidence: Record<string, Evidence> = {}
    const candidates = own.filter((p) => p !== admin1Mention && !(admin1Of(p, focus) && p.feature !== 'area'))
    // the report's main country first, then the other countries it names ("Turkish jets struck Qamishli")
    const countries = [focus, ...(doc.focus?.ranked ?? []).filter((c) => c !== focus).slice(0, 3)]
    for (const m of candidates) {
      const text = m.featureWord && m.feature !== 'admin1' ? `${m.name} ${m.featureWord}` : m.name
      // a name found in several of the report's countries goes to the most prominent place (Kabul, not Cabool,
      // Missouri), with a lead for the report's main country and for a place's own name over an alternate one
      let r: Resolution | undefined
      let best = -Infinity
      for (const country of countries) {
        const a1 = country === focus ? admin1 : null
        const x = m.relative
          ? resolveRelative(gaz, doc.text.slice(relativeStart(doc, m), m.end), { ...(country ? { country } : {}), ...(a1 ? { admin1: a1 } : {}) }) ?? resolve(text, country, a1, m.feature === 'area')
          : resolve(text, country, a1, m.feature === 'area', indexed.anchors)
        const score = x.status === 'resolved' ? (KIND[x.place.kind] ?? 0) + 0.5 * Math.log10(1 + x.place.population) + (country === focus ? 3 : 0) + (isCapital(x.place) ? 3 : 0) + (sameName(x.place.name, m.name) ? 1 : 0) + (a1 ? 2 : 0) + matchBonus(x)
          : x.fallback ? -10 : -Infinity
        // another country's place must match by name, not by a loose spelling ("Hodan" is not Pakistan's "Hudan")
        if (x.status === 'resolved' && country !== focus && matchBonus(x) < 0) continue
        if (score > best) { best = score; r = x }
      }
      if (!r) continue
      if (r.status !== 'resolved') {
        // "Mogadishu's Hodan district": a district the gazetteer lacks is pinned at its city, precision 1
        const city = cityBefore(doc, m)
        const c = city ? resolve(city.name, focus, admin1, false) : null
        if (c && c.status === 'resolved') {
          evidence.location = { kind: 'rule', rule: 'district-of-city', spans: [sp(city!), sp(m)] }
          indexed.lastCountry = c.place.country
          return located(gaz, c.place.country, c.admin1, c.admin2, `${c.location} - ${m.name}`, c.lat, c.lon, 1, 'resolved', evidence, c)
        }
      }
      if (r.status === 'resolved') {
        indexed.lastCountry = r.place.country
        return fromResolution(r, m, doc, evidence)
      }
      if (r.fallback) {
        evidence.location = { kind: 'rule', rule: 'province-capital:place-unresolved', spans: [sp(m)] }
        return located(gaz, r.fallback.country, r.fallback.admin1, null, m.name, r.fallback.lat, r.fallback.lon, 3, 'resolved', evidence, r)
      }
    }
    if (admin1 && focus) {
      const cap = gaz.capital(focus, admin1)
      evidence.location = { kind: 'rule', rule: 'province-capital', spans: admin1Mention ? [sp(admin1Mention)] : [] }
      if (cap) return located(gaz, focus, admin1, cap.admin2, cap.name, cap.lat, cap.lon, 3, 'resolved', evidence)
    }
    const named = candidates[0]
    evidence.location = named ? { kind: 'rule', rule: 'place-unresolved', spans: [sp(named)] } : { kind: 'rule', rule: 'no-place-named' }
    // an unplaced incident is in the country of the incident told before it, else the report's main country
    const country = indexed.lastCountry ?? focus
    if (country !== focus) evidence.country = { kind: 'rule', rule: 'country-of-previous-incident' }
    return located(gaz, country, admin1, null, named?.name ?? null, null, null, null, 'unresolved', evidence)
  }

  /** The report's places that resolve on their own: they pull a name with homonyms toward them. */
  function anchorsOf(doc: Doc): LatLon[] {
    const focus = doc.focus?.iso2
    if (!focus) return []
    const out: LatLon[] = []
    for (const p of (doc.places ?? []).slice(0, 30)) {
      if (p.feature === 'admin1') continue
      const r = resolve(p.name, focus, null, false)
      if (r.status === 'resolved' && r.precision === 1) out.push({ lat: r.lat, lon: r.lon })
    }
    return out.slice(0, 8)
  }

  function fromResolution(r: Extract<Resolution, { status: 'resolved' }>, m: PlaceMention, doc: Doc, evidence: Record<string, Evidence>): Located {
    // codebook: "near a town" is precision 2
    if (m.cue && NEAR.test(m.cue) && r.precision === 1) {
      r = { ...r, precision: 2 }
      evidence.geo_precision = { kind: 'rule', rule: 'near-a-town', spans: [sp(m)] }
    }
    evidence.location = { kind: 'spans', spans: [sp(m)] }
    evidence.latitude = { kind: 'rule', rule: `gazetteer:${r.place.id}`, spans: [sp(m)] }
    let location = r.location
    // a district or airport of a city is written "City - District", as ACLED does
    if (CITY_PART.test(r.place.kind)) {
      const city = (doc.places ?? []).slice(0, 50).map((p) => gaz.lookup(p.name, { country: r.place.country })).flat()
        .find((c) => c.kind === 'locality' && c.population > 100000 && Math.abs(c.lat - r.lat) < 0.3 && Math.abs(c.lon - r.lon) < 0.3)
      if (city) location = `${city.name} - ${r.location}`
    }
    return located(gaz, r.place.country, r.admin1, r.admin2, location, r.lat, r.lon, r.precision, 'resolved', evidence, r)
  }
}

function relativeStart(doc: Doc, m: PlaceMention): number {
  const before = doc.text.slice(Math.max(0, m.start - 40), m.start)
  const i = before.search(/(\d+(?:[.,]\d+)?\s*(km|kilomet\w*|miles)\s+)?(north|south|east|west)[\w-]*\s+of\s+$/i)
  return i >= 0 ? m.start - before.length + i : m.start
}

function located(gaz: Gazetteer, iso: string | null, admin1: string | null, admin2: string | null, location: string | null,
  lat: number | null, lon: number | null, precision: number | null, status: 'resolved' | 'unresolved', evidence: Record<string, Evidence>, r?: Resolution): Located {
  const c = iso ? gaz.country(iso) : undefined
  evidence.country ??= { kind: 'rule', rule: iso ? 'country-of-place' : 'unknown' }
  return {
    country: c?.name ?? null, iso: c?.iso2 ?? iso, iso3: c?.iso3 ?? null, admin1, admin2, location,
    latitude: lat, longitude: lon, geo_precision: precision as GeoPrecision | null, status, evidence,
    ...(r ? { candidates: r.candidates.slice(0, 5).map((x) => ({ name: x.name, admin1: x.admin1, latitude: x.lat, longitude: x.lon })) } : {}),
  }
}

const sameName = (a: string, b: string) => normalizePlaceName(a) === normalizePlaceName(b)

// a spelling fallback ("Racine" for "Ras al-Ain") must not outrank a true name in another of the report's countries
const MATCH_BONUS: Record<string, number> = { name: 2, alt: 1, 'area-part': 0, skeleton: -3, fuzzy: -4 }
function matchBonus(r: Extract<Resolution, { status: 'resolved' }>): number {
  const c = r.candidates.find((x) => x.id === r.place.id)
  return c ? MATCH_BONUS[c.match] ?? 0 : 0
}
const KIND: Record<string, number> = { locality: 3, region: 3, county: 2, neighbourhood: 1, localadmin: 1 }

/** The city named with a possessive right before a place mention: "Mogadishu's" in "Mogadishu's Hodan district". */
function cityBefore(doc: Doc, m: PlaceMention): PlaceMention | undefined {
  return (doc.places ?? []).find((p) => p.sentence === m.sentence && p.end < m.start && /^['’]s\s+$/.test(doc.text.slice(p.end, m.start)))
}
const NEAR = /^(near|outside|around)$/
