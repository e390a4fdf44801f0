import type { Gazetteer, ProvinceFallback } from './types.js'

/**
 * Only the province is known: its capital's coordinates, precision 3 (codebook "Place").
 * provinceFallback(gaz, "Iraq", "Anbar") → { location: "Al-Anbar", lat: 33.42, lon: 43.31, precision: 3, ... }
 */
export function provinceFallback(gaz: Gazetteer, country: string, admin1: string): ProvinceFallback | undefined {
  const c = gaz.country(country)
  if (!c) return undefined
  const a = gaz.admin1(c.iso2, admin1)
  if (!a?.capital) return undefined
  return { precision: 3, location: a.name, country: c.iso2, admin1: a.name, lat: a.capital.lat, lon: a.capital.lon }
}
