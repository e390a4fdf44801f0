import { editDistance } from './fuzzy.js'
import { normalizePlaceName } from './normalize.js'
import type { Resolution } from './types.js'

type Resolved = Extract<Resolution, { status: 'resolved' }>

const LOOSE = new Set(['skeleton', 'fuzzy', 'area-part'])

/** How the chosen place matched the name: "name", "alt", "skeleton", "fuzzy" or "area-part". */
export function matchOf(r: Resolved): string {
  return r.candidates.find((c) => c.id === r.place.id)?.match ?? 'name'
}

/**
 * A spelling fallback ("Tabit" → Thabit, "Moura" → Mora, "Bunagana" → Bunangana) is a guess: it
 * stands only when one letter apart and inside the province the sentence itself names. Otherwise
 * the name is treated as missing from the gazetteer (codebook "Place": say so rather than pin wrong).
 * A match on part of the name ("Camp Simba" → Simba) stands only inside the named province.
 * trustLooseMatch(r, "Bunagana", null) === false
 */
export function trustLooseMatch(r: Resolved, name: string, namedProvince: string | null): boolean {
  if (!LOOSE.has(matchOf(r))) return true
  if (!namedProvince || r.admin1 !== namedProvince) return false
  // "Camp Simba" → a village Simba: a part of the name is as good as the province that frames it
  if (matchOf(r) === 'area-part') return true
  const key = normalizePlaceName(name)
  const distance = Math.min(...[r.place.name, ...r.place.altNames].map((n) => editDistance(key, normalizePlaceName(n), 2)))
  return distance <= 1
}
