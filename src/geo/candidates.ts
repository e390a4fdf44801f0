import { AREA_EDGE_WORDS } from './feature-words.js'
import { fuzzyCandidates } from './fuzzy.js'
import { haversineKm } from './geo-math.js'
import { normalizePlaceName } from './normalize.js'
import type { Admin1Info, CountryInfo, Gazetteer, MatchKind, Place } from './types.js'

export type RawCandidate = {
  place: Place
  match: MatchKind
  rejected?: string
  /** score adjustment for how loosely the name matched, with its reason */
  penalty?: number
  note?: string
}

/** Where the context says the place must lie. */
export type Frame = { country?: CountryInfo; admin1?: Admin1Info }

const MATCH_RANK: Readonly<Record<MatchKind, number>> = { name: 0, alt: 1, 'area-part': 2, skeleton: 3, fuzzy: 4 }

/** Exact-key matches of any of the names, each place once with its best match kind. */
export function exactCandidates(gaz: Gazetteer, names: string[], frame: Frame): RawCandidate[] {
  const found = new Map<string, RawCandidate>()
  for (const name of names) {
    const key = normalizePlaceName(name)
    const opts = frame.country ? { country: frame.country.iso2 } : {}
    for (const place of gaz.lookup(name, opts)) {
      const match: MatchKind = normalizePlaceName(place.name) === key ? 'name' : 'alt'
      keepBest(found, { place, match })
    }
  }
  return [...found.values()]
}

/**
 * Set aside candidates outside the frame, saying why: a same-name place in another province than
 * the one the text names is a different place (the Husayniyat village in Ninawa is not the
 * Husayniyat area of Anbar).
 */
export function applyFrame(cands: RawCandidate[], frame: Frame): RawCandidate[] {
  return cands.map((c) => {
    if (frame.country && c.place.country !== frame.country.iso2) {
      return { ...c, rejected: `in ${c.place.countryName}, not ${frame.country.name}` }
    }
    if (frame.admin1 && c.place.admin1 !== frame.admin1.name) {
      return { ...c, rejected: `in ${c.place.admin1 ?? 'an unknown province'}, not ${frame.admin1.name}` }
    }
    return c
  })
}

const BORDER_KM = 20 // a place this close to the named province is likely filed just across its border
// BORDER_KM in degrees of latitude, rounded up
const LAT_MARGIN = 0.2

type ProvinceBox = { places: readonly Place[]; minLat: number; maxLat: number; minLon: number; maxLon: number }
// a province's places and their bounding box, read once per gazetteer (the border test asks for the same ones often)
const boxes = new WeakMap<Gazetteer, Map<string, ProvinceBox>>()
function provinceBox(gaz: Gazetteer, country: string, admin1: string): ProvinceBox {
  let byProvince = boxes.get(gaz)
  if (!byProvince) boxes.set(gaz, (byProvince = new Map()))
  const key = `${country}|${admin1}`
  let box = byProvince.get(key)
  if (!box) {
    const places = gaz.places(country, admin1)
    box = { places, minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity }
    for (const q of places) {
      box.minLat = Math.min(box.minLat, q.lat); box.maxLat = Math.max(box.maxLat, q.lat)
      box.minLon = Math.min(box.minLon, q.lon); box.maxLon = Math.max(box.maxLon, q.lon)
    }
    if (byProvince.size >= 200) byProvince.clear()
    byProvince.set(key, box)
  }
  return box
}

/**
 * Tried only when no exact match fits the frame, loosest last: spelling variants inside the
 * frame; exact or spelling matches just across the named province's border; then a distinctive
 * part of the name ("Wadi Hauran" → Hauran, "Tall Hammam Gharbi" → Hammam) as a named area.
 */
export function fallbackCandidates(gaz: Gazetteer, names: string[], areaPart: string | null, frame: Frame): RawCandidate[] {
  const found = new Map<string, RawCandidate>()
  const country = frame.country?.iso2
  if (!country) return []
  for (const name of names) addFuzzy(found, fuzzyCandidates(gaz, name, country, frame.admin1?.name))
  if (found.size === 0 && frame.admin1) acrossBorder(gaz, names, frame, found)
  if (found.size === 0 && frame.admin1) for (const c of containing(gaz, names, country, frame.admin1.name)) keepBest(found, c)
  if (found.size === 0 && frame.admin1) for (const c of soundingAlike(gaz, names, country, frame.admin1.name)) keepBest(found, c)
  if (found.size === 0) {
    const parts = [...(areaPart ? [areaPart] : []), ...names.flatMap(distinctiveParts)]
    for (const part of parts) {
      const hits = applyFrame(gaz.lookup(part, { country }).map((place) => ({ place, match: 'area-part' as const })), frame)
      for (const h of hits) if (!h.rejected) keepBest(found, { ...h, note: `part of the name: "${part}"` })
      if (found.size > 0) break
    }
  }
  return [...found.values()]
}

function addFuzzy(found: Map<string, RawCandidate>, r: ReturnType<typeof fuzzyCandidates>, extra = 0, why = ''): void {
  for (const h of r.hits) {
    const penalty = extra - 0.1 * h.distance - (h.viaAlt ? 0.2 : 0)
    keepBest(found, { place: h.place, match: r.how, penalty, note: `${h.distance} letter(s) from ${h.viaAlt ? 'an alternate name' : 'its name'}${why}` })
  }
}

/** Matches in a neighbouring province within BORDER_KM of the named one, kept with a penalty. */
function acrossBorder(gaz: Gazetteer, names: string[], frame: Frame, found: Map<string, RawCandidate>): void {
  const country = frame.country?.iso2 as string
  // the province's places are read only when a namesake outside it needs the test
  let inside: ProvinceBox | undefined
  const nearBorder = (p: Place): boolean => {
    const box = (inside ??= provinceBox(gaz, country, frame.admin1!.name))
    // farther than BORDER_KM from the province's bounding box is farther from every place in it
    if (p.lat < box.minLat - LAT_MARGIN || p.lat > box.maxLat + LAT_MARGIN) return false
    const lonMargin = LAT_MARGIN / Math.max(0.1, Math.cos((Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)) * Math.PI) / 180))
    if (p.lon < box.minLon - lonMargin || p.lon > box.maxLon + lonMargin) return false
    return box.places.some((q) => haversineKm(p.lat, p.lon, q.lat, q.lon) <= BORDER_KM)
  }
  const loose = new Map<string, RawCandidate>()
  for (const c of exactCandidates(gaz, names, { country: frame.country as CountryInfo })) keepBest(loose, c)
  if (loose.size === 0) for (const name of names) addFuzzy(loose, fuzzyCandidates(gaz, name, country, undefined))
  for (const c of loose.values()) {
    if (!nearBorder(c.place)) continue
    const note = `in ${c.place.admin1 ?? '?'}, within ${BORDER_KM} km of ${frame.admin1?.name}`
    found.set(c.place.id, { ...c, penalty: (c.penalty ?? 0) - 0.3, note })
  }
}

/**
 * Places of the province whose longer name holds all the words of this one, in order: "Wadi Barada"
 * → Suq Wadi Barada, "Al Wafidin" → Mukhayyam al Wafidin. Names of one word are left out: "Hawar"
 * is not Hawar Killis.
 */
function containing(gaz: Gazetteer, names: string[], country: string, admin1: string): RawCandidate[] {
  const out: RawCandidate[] = []
  for (const name of names) {
    const q = wordKeys(name)
    if (q.length < 2) continue
    for (const place of gaz.places(country, admin1)) {
      const hit = namesAsWords(place).some((words) => holds(words, q))
      if (hit) out.push({ place, match: 'area-part', penalty: -0.2, note: `its name holds "${name}"` })
    }
  }
  return out
}

// each place's names as word keys, computed once: the fallback scans a whole province
const WORDS = new WeakMap<Place, string[][]>()
function namesAsWords(p: Place): string[][] {
  let w = WORDS.get(p)
  if (!w) { w = [p.name, ...p.altNames].map(wordKeys); WORDS.set(p, w) }
  return w
}

const wordKeys = (name: string): string[] => name.split(/[\s\-–]+/).map(normalizePlaceName).filter((k) => k.length > 0)

function holds(words: string[], q: string[]): boolean {
  if (words.length <= q.length) return false
  for (let i = 0; i + q.length <= words.length; i++) if (q.every((x, j) => words[i + j] === x)) return true
  return false
}

/** The name without area words at its ends: "Jaroud Falita" → "Falita", "Tall Hammam Gharbi" → "Tall Hammam". */
function distinctiveParts(name: string): string[] {
  const words = name.split(/[\s\-–]+/).filter((w) => w.length > 0)
  const isEdge = (w: string | undefined): boolean => w !== undefined && AREA_EDGE_WORDS.has(w.toLowerCase())
  let start = 0
  let end = words.length
  while (start < end && isEdge(words[start])) start++
  while (end > start && isEdge(words[end - 1])) end--
  const ARTICLE = /^(al|el|ad|ar|as|an|at|az|ash)$/i
  while (start < end - 1 && ARTICLE.test(words[start] as string)) start++
  const rest = words.slice(start, end).join(' ')
  return rest.length >= 4 && end - start < words.length ? [rest] : []
}

const SAME_SPOT_KM = 10

/**
 * Places of the province whose name, in Latin or Arabic script, has the same consonants: the
 * transliterations the other fallbacks miss ("Ein Laroz" is `Ayn al `Arus, written عين لاروز).
 * Consonants alone are weak evidence: they must point at one spot of the province.
 */
function soundingAlike(gaz: Gazetteer, names: string[], country: string, admin1: string): RawCandidate[] {
  for (const name of names) {
    const hits = gaz.lookupConsonants(name, { country, admin1 })
    const spots = hits.filter((p, i) => hits.findIndex((q) => haversineKm(p.lat, p.lon, q.lat, q.lon) <= SAME_SPOT_KM) === i)
    if (spots.length !== 1) continue
    return hits.map((place) => ({ place, match: 'fuzzy' as const, penalty: -0.3, note: `the same consonants as "${name}"` }))
  }
  return []
}

function keepBest(found: Map<string, RawCandidate>, c: RawCandidate): void {
  const prev = found.get(c.place.id)
  if (!prev || MATCH_RANK[c.match] < MATCH_RANK[prev.match]) found.set(c.place.id, c)
}
