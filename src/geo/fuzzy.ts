import { normalizePlaceName } from './normalize.js'
import type { Gazetteer, Place } from './types.js'

/** Edits allowed between two keys: none for short names, where one letter makes another town. */
export function allowedEdits(key: string): number {
  return key.length < 5 ? 0 : key.length < 8 ? 1 : 2
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost)
      cur.push(v)
      rowMin = Math.min(rowMin, v)
    }
    if (rowMin > max) return max + 1
    prev = cur
  }
  return prev[b.length] as number
}

const LONG_KEY = 10

export type FuzzyHit = { place: Place; distance: number; viaAlt: boolean }

/**
 * Within a few edits, but not one name extending the other: "Husayniyah" is not "Husayniyat"
 * (singular and plural are two places), nor "Kafr" "Kafrun". The closest of the place's names counts.
 */
function closestName(key: string, p: Place, max: number): FuzzyHit | undefined {
  let best: FuzzyHit | undefined
  const names = [p.name, ...p.altNames]
  names.forEach((n, i) => {
    const other = normalizePlaceName(n)
    if (other.length !== key.length && (other.startsWith(key) || key.startsWith(other))) return
    const distance = editDistance(key, other, max)
    if (distance <= max && (!best || distance < best.distance)) best = { place: p, distance, viaAlt: i > 0 }
  })
  return best
}

/**
 * Spelling fallbacks inside a known country (and admin1, when known): the same consonant
 * skeleton and few edits, else few edits among the admin1's places. Never worldwide: a loose
 * match with no geographic frame is a wrong pin waiting to happen.
 */
export function fuzzyCandidates(
  gaz: Gazetteer,
  name: string,
  country: string,
  admin1: string | undefined,
): { hits: FuzzyHit[]; how: 'skeleton' | 'fuzzy' } {
  const key = normalizePlaceName(name)
  const max = allowedEdits(key)
  if (max === 0) return { hits: [], how: 'fuzzy' }
  const opts = admin1 === undefined ? { country } : { country, admin1 }
  const near = (places: readonly Place[]): FuzzyHit[] => places.flatMap((p) => closestName(key, p, max) ?? [])
  const bySkeleton = near(gaz.lookupSkeleton(name, opts))
  if (bySkeleton.length > 0 || admin1 === undefined || key.length < LONG_KEY) return { hits: bySkeleton, how: 'skeleton' }
  // A consonant may differ only in long names: "Hazrah" and "Hamra" are two places.
  return { hits: near(gaz.places(country, admin1)), how: 'fuzzy' }
}
