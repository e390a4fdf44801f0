import { normalizePlaceName } from '../geo/normalize.js'
import type { Gazetteer, Place } from '../geo/types.js'
import { ApiError, json } from './api-error.js'
import { QueryParams } from './query-params.js'
import type { Route } from './route.js'

const MAX_RESULTS = 20
const Q = { min: 2, max: 100 }

export type PlaceHit = { name: string; country: string; admin1: string | null; latitude: number; longitude: number; kind: string; population: number }

/**
 * Places answering to a name: the gazetteer lookup `sitrep geocode` starts from (the name or an
 * alternate name, spelling-normalised, in every country). Places whose own name matches come before
 * those matched by an alternate name ("Springfield" before "Powder Springs"), then the most populous.
 * `searchPlaces(gaz, 'Ramadi')[0]` is the city of Ramadi in Anbar (ACLED's name), Iraq.
 */
export function searchPlaces(gaz: Gazetteer, q: string): PlaceHit[] {
  const key = normalizePlaceName(q)
  const alt = (p: Place) => (normalizePlaceName(p.name) === key ? 0 : 1)
  return [...gaz.lookup(q)]
    .sort((a, b) => alt(a) - alt(b) || b.population - a.population || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .slice(0, MAX_RESULTS)
    .map((p: Place) => ({ name: p.name, country: p.countryName, admin1: p.admin1 ? gaz.admin1(p.country, p.admin1)?.acled ?? p.admin1 : null, latitude: p.lat, longitude: p.lon, kind: p.kind, population: p.population }))
}

/** `GET /api/places?q=NAME`; `gazetteer()` loads on the first search, not at start-up. */
export function placesRoute(gazetteer: () => Gazetteer): Route {
  return {
    method: 'GET', path: '/api/places',
    handler(c) {
      const p = new QueryParams(c.req.queries())
      const q = p.text('q', Q.min, Q.max)
      p.done()
      if (q === undefined) throw new ApiError(400, `q: required (${Q.min} to ${Q.max} characters of a place name)`)
      return json(c, { places: searchPlaces(gazetteer(), q) })
    },
  }
}
