import type { Frame } from './candidates.js'
import { haversineKm } from './geo-math.js'
import type { PlacePhrase } from './place-phrase.js'
import { provinceFallback } from './province-fallback.js'
import type { Candidate, Gazetteer, Place, Resolution, ToponymQuery } from './types.js'

const SAME_SPOT_KM = 15 // two candidates this close are one answer, whichever is picked
const CITY_RADIUS_KM = 30 // a neighbourhood this close to its province capital is "City - District"

// How far the best must lead the next distinct candidate, by how much context framed the search.
const MARGIN = { framed: 0, country: 0.25, world: 0.6 } as const

export type DecideInput = {
  query: ToponymQuery
  phrase: PlacePhrase
  frame: Frame
  candidates: Candidate[]
  accepted: Candidate[]
  reasons: string[]
  areaWord: boolean
}

/** Picks the best accepted candidate when it stands out enough; otherwise unresolved. */
export function decide(gaz: Gazetteer, d: DecideInput): Resolution {
  const { accepted, reasons } = d
  const top = accepted[0]
  if (!top) return unresolved(gaz, d, [...reasons, `no place named "${d.phrase.core}" fits the context`])
  const rival = accepted.find((c) => haversineKm(c.lat, c.lon, top.lat, top.lon) > SAME_SPOT_KM)
  const framed = d.frame.admin1 !== undefined || (d.query.near?.length ?? 0) > 0
  const needed = framed ? MARGIN.framed : d.frame.country ? MARGIN.country : MARGIN.world
  if (rival && top.score - rival.score < needed) {
    return unresolved(gaz, d, [
      ...reasons,
      `ambiguous: ${top.name} (${top.admin1 ?? top.country}) and ${rival.name} (${rival.admin1 ?? rival.country}) fit about equally`,
    ])
  }
  const place = placeOf(gaz, top)
  if (!place) return unresolved(gaz, d, [...reasons, `candidate ${top.id} vanished from the gazetteer`])
  const why = [...reasons, `chose ${place.name} (${place.kind}, ${place.admin1 ?? place.countryName}), score ${top.score}`]
  if (rival) why.push(`next: ${rival.name} (${rival.admin1 ?? rival.country}), score ${rival.score}`)
  const precision = precisionOf(top, d, why)
  return {
    status: 'resolved',
    place,
    precision,
    location: locationName(gaz, place),
    admin1: place.admin1,
    admin2: place.admin2,
    lat: place.lat,
    lon: place.lon,
    candidates: d.candidates,
    reasons: why,
  }
}

function precisionOf(top: Candidate, d: DecideInput, why: string[]): 1 | 2 | 3 {
  if (top.kind === 'region') {
    why.push('a province: precision 3')
    return 3
  }
  if (d.areaWord || top.match === 'area-part') {
    why.push('a named area around the settlement: precision 2')
    return 2
  }
  if (top.kind === 'county' || d.phrase.role === 'district') {
    why.push('a district: precision 2')
    return 2
  }
  if (d.phrase.role === 'facility' && top.kind !== 'campus') {
    why.push('a facility named after the town, maybe outside it: precision 2')
    return 2
  }
  return 1
}

function placeOf(gaz: Gazetteer, c: Candidate): Place | undefined {
  return gaz.lookup(c.name, { country: c.country }).find((p) => p.id === c.id)
}

/** "Baghdad - Karrada" for a neighbourhood of its province capital (DEV_CODING 5), else the name. */
function locationName(gaz: Gazetteer, place: Place): string {
  if (place.kind !== 'neighbourhood' || !place.admin1) return place.name
  const city = gaz.capital(place.country, place.admin1)
  if (!city || city.id === place.id) return place.name
  if (haversineKm(city.lat, city.lon, place.lat, place.lon) > CITY_RADIUS_KM) return place.name
  return `${city.name} - ${place.name}`
}

function unresolved(gaz: Gazetteer, d: DecideInput, reasons: string[]): Resolution {
  const country = d.frame.country?.iso2 ?? null
  const admin1 = d.frame.admin1?.name ?? sharedAdmin1(d.accepted)
  const fb = country && admin1 ? provinceFallback(gaz, country, admin1) : undefined
  if (fb) reasons.push(`province known: ${admin1}; its capital is the precision-3 fallback`)
  return {
    status: 'unresolved',
    name: d.phrase.core,
    country: country ?? sharedCountry(d.accepted),
    admin1,
    ...(fb ? { fallback: fb } : {}),
    candidates: d.candidates,
    reasons,
  }
}

function sharedAdmin1(cands: Candidate[]): string | null {
  const first = cands[0]?.admin1 ?? null
  return first !== null && cands.every((c) => c.admin1 === first) ? first : null
}

function sharedCountry(cands: Candidate[]): string | null {
  const first = cands[0]?.country ?? null
  return first !== null && cands.every((c) => c.country === first) ? first : null
}
