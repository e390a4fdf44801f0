import type { PlaceMention } from '../entities/places.js'
import { CITY_DISTRICTS, TOWN_FACILITIES } from './feature-words.js'
import { haversineKm } from './geo-math.js'
import { isDistrictSeat } from './score.js'
import type { Gazetteer, Place } from './types.js'

const CITY_POPULATION = 100_000
const INSIDE_KM = 15 // a district or facility this close to the city centre is part of the city

/** The last word of a feature phrase: "air base" → "base". */
const noun = (m: PlaceMention) => m.featureWord?.split(' ').at(-1) ?? ''

/** "Karrada district", "Tayaran Square", "Aden airport", "the Green Zone": a part of a city, by its feature word. */
export function isCityPart(m: PlaceMention): boolean {
  return TOWN_FACILITIES.has(noun(m)) || (CITY_DISTRICTS.has(noun(m)) && noun(m) !== 'area')
}

/** "the Rawda mosque", "Garissa University": a facility that stands inside its town (an airport may not). */
export function isTownFacility(m: PlaceMention): boolean {
  return TOWN_FACILITIES.has(noun(m)) && noun(m) !== 'airport'
}

/** A city big enough to have districts: a large locality, a capital or a district seat. */
export function cityNamed(gaz: Gazetteer, name: string, country: string | null): Place | undefined {
  const clean = name.replace(/['’]s$/, '')
  const found = gaz.lookup(clean, country ? { country } : {}).filter((p) => p.kind === 'locality')
  const capitalIds = new Set<string>()
  for (const p of found) {
    const c = gaz.country(p.country)
    if (c?.capital) capitalIds.add(c.capital.id)
    const a = p.admin1 ? gaz.admin1(p.country, p.admin1) : undefined
    if (a?.capital) capitalIds.add(a.capital.id)
  }
  return found.filter((p) => p.population >= CITY_POPULATION || capitalIds.has(p.id) || isDistrictSeat(p)).sort((a, b) => b.population - a.population)[0]
}

export type CityTie = { city: Place; mention: PlaceMention; how: 'possessive' | 'of-city' | 'named-with' | 'same-sentence' | 'report' }

/**
 * The city a district or facility mention belongs to, by what the text says: "Baghdad's Karrada",
 * "the Karrada district of central Baghdad", "Aden airport", else a city named in the same sentence,
 * else (for a district the gazetteer lacks) the report's main city.
 */
export function cityOfPart(gaz: Gazetteer, text: string, m: PlaceMention, places: readonly PlaceMention[], reportCities: readonly PlaceMention[], country: string | null): CityTie | undefined {
  const test = (p: PlaceMention, how: CityTie['how']): CityTie | undefined => {
    if (p === m) return undefined
    const city = cityNamed(gaz, p.name, country)
    return city ? { city, mention: p, how } : undefined
  }
  const possessive = places.find((p) => p.sentence === m.sentence && p.end <= m.start && /^['’]s\s+(?:[a-z-]+\s+){0,3}$/.test(text.slice(p.end, m.start)))
  if (possessive) return test(possessive, 'possessive')
  const ofCity = townAfter(text, m, places)
  const viaOf = ofCity && test(ofCity, 'of-city')
  if (viaOf) return viaOf
  // "Aden airport", "Kabul airport": the facility is named after its city
  if (TOWN_FACILITIES.has(noun(m))) {
    const city = cityNamed(gaz, m.name, country)
    if (city) return { city, mention: m, how: 'named-with' }
  }
  for (const p of places) {
    if (p.sentence !== m.sentence || p.cue === 'from') continue
    const t = test(p, 'same-sentence')
    if (t) return t
  }
  for (const p of reportCities) {
    const t = test(p, 'report')
    if (t) return t
  }
  return undefined
}

/** The place named right after a district or facility: "Karrada district of central Baghdad", "the school in Mpondwe". */
export function townAfter(text: string, m: PlaceMention, places: readonly PlaceMention[]): PlaceMention | undefined {
  return places.find((p) => p.sentence === m.sentence && p.start >= m.end && AFTER.test(text.slice(m.end, p.start)))
}
const AFTER = /^\s+(?:in|of)\s+(?:the\s+)?(?:(?:central|downtown|northern|southern|eastern|western|north|south|east|west)\s+)?$/i

/** Whether a resolved place lies inside the city: close to its centre and in its province. */
export function liesInside(city: Place, p: { lat: number; lon: number; admin1: string | null; id?: string }): boolean {
  if (p.id === city.id) return false
  return p.admin1 === city.admin1 && haversineKm(city.lat, city.lon, p.lat, p.lon) <= INSIDE_KM
}

/** What follows "City - ": "Airport" for "Aden airport", else the name as written ("Karrada", "Tayaran Square"). */
export function partLabel(m: PlaceMention, how: CityTie['how']): string {
  return how === 'named-with' ? noun(m).replace(/^\w/, (c) => c.toUpperCase()) : m.name
}
