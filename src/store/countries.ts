import { rules } from '../data/load.js'

let index: Map<string, string> | null = null
/** ISO3 of a country given by name, alias, ISO2 or ISO3 (case-insensitive); null when unknown. */
export function countryIso3(s: string): string | null {
  if (!index) {
    index = new Map()
    for (const c of rules().countries) {
      for (const k of [c.iso2, c.iso3, c.name, ...c.aliases]) index.set(k.toLowerCase(), c.iso3)
    }
  }
  return index.get(s.trim().toLowerCase()) ?? null
}
