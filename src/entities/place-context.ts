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
      // a name shared by several countries counts for the one where it is the most important place
      const best = placesNamed(gaz, p.name, cands).sort((a, b) => rank(b) - rank(a))[0]
      if (best) add(best.country, p.cue === 'dateline' ? 3 : 1.5)
    }
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]).map(([iso]) => iso)
  const best = ranked[0]
  return best ? { iso2: best, rule: gaz ? 'most-mentioned-country-and-places' : 'most-mentioned-country', ranked } : { iso2: null, rule: 'no-country-mentioned', ranked }
}

const KIND_RANK: Record<string, number> = { locality: 3, region: 3, county: 2, neighbourhood: 1, localadmin: 1 }
const rank = (p: Place) => (KIND_RANK[p.kind] ?? 0) + Math.log10(1 + p.population)
