import type { Gazetteer, Place } from '../geo/types.js'
import type { CountryMention, ActorMention } from './actors.js'
import type { PlaceMention } from './places.js'

/** Countries a report may be about: the ones it names, and where the groups it names operate. */
export function candidateCountries(countries: CountryMention[], actors: ActorMention[]): string[] {
  const out = new Set<string>()
  for (const c of countries) out.add(c.iso2)
  for (const a of actors) if (a.ref.kind === 'group') for (const g of a.ref.groups.slice(0, 1)) for (const c of g.countries.slice(0, 3)) out.add(c)
  return [...out]
}

/** Places of that name in the candidate countries (or, with none named, anywhere, most populous first). */
export function placesNamed(gaz: Gazetteer, name: string, countries: string[]): Place[] {
  const clean = name.replace(/['’]s$/, '')
  if (countries.length) return countries.flatMap((c) => gaz.lookup(clean, { country: c }))
  return gaz.lookup(clean).sort((a, b) => b.population - a.population).slice(0, 5)
}

/**
 * The country the report is about: country names count twice, adjectives once, the dateline and named
 * places of that country once more each (so a consulate of Iran in Najaf does not make an Iraqi report Iranian).
 */
export function focusFromPlaces(gaz: Gazetteer | null, countries: CountryMention[], places: PlaceMention[], cands: string[]) {
  const score = new Map<string, number>()
  const add = (iso: string, w: number) => score.set(iso, (score.get(iso) ?? 0) + w)
  for (const c of countries) add(c.iso2, (c.demonym ? 1 : 2) + (c.sentence === 0 ? 1 : 0))
  if (gaz) {
    for (const p of places) {
      const found = new Set(placesNamed(gaz, p.name, cands).map((x) => x.country))
      if (found.size === 0 && cands.length === 0) continue
      const w = (p.cue === 'dateline' ? 3 : 1.5) / Math.max(1, found.size)
      for (const iso of found) add(iso, w)
    }
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]).map(([iso]) => iso)
  const best = ranked[0]
  return best ? { iso2: best, rule: gaz ? 'most-mentioned-country-and-places' : 'most-mentioned-country', ranked } : { iso2: null, rule: 'no-country-mentioned', ranked }
}
