import type { Gazetteer, Place } from '../geo/types.js'
import type { CountryMention, ActorMention } from './actors.js'
import type { PlaceMention } from './places.js'
import type { Span } from '../types.js'
import { normalizePlaceName } from '../geo/normalize.js'

/** Countries a report may be about: the ones it names, and where the groups it names operate. */
export function candidateCountries(countries: CountryMention[], actors: ActorMention[], dateline: string | null = null): string[] {
  const out = new Set<string>()
  if (dateline) out.add(dateline)
  for (const c of countries) out.add(c.iso2)
  for (const a of actors) if (a.ref.kind === 'group') for (const g of a.ref.groups.slice(0, 1)) for (const c of g.countries.slice(0, 3)) out.add(c)
  return [...out]
}

const plain = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()

/** Places of that name in the candidate countries (or, with none named, anywhere, most populous first). */
export function placesNamed(gaz: Gazetteer, name: string, countries: string[]): Place[] {
  const clean = name.replace(/['’]s$/, '')
  if (countries.length) return countries.flatMap((c) => gaz.lookup(clean, { country: c }))
  // with no country to look in, a place anywhere in the world must carry the name as its own, or be a city:
  // "Kashmir" is an alternate name of a village in Washington state, which says nothing of a report's country
  // (nor "Sinai" as a loose spelling of Chennai: the name as written, letter for letter but for accents)
  const key = plain(clean)
  // a name in another script (Arabic) is compared with the place's names in that script, key for key
  const own = key ? (p: Place) => plain(p.name) === key : (p: Place) => [p.name, ...p.altNames].some((n) => normalizePlaceName(n) === normalizePlaceName(clean))
  return gaz.lookup(clean).filter(own)
    .sort((a, b) => b.population - a.population).slice(0, 5)
}

/**
 * The country the report is about, and the others it names, ranked. Places weigh most (a province name most of
 * all), then country names; an adjective inside an actor's name ("Turkish jets", "US forces") says who acted, not
 * where, and weighs least.
 */
export function focusFromPlaces(gaz: Gazetteer | null, countries: CountryMention[], places: PlaceMention[], cands: string[], actorSpans: Span[]) {
  const score = new Map<string, number>()
  const add = (iso: string, w: number) => score.set(iso, (score.get(iso) ?? 0) + w)
  const insideActor = (c: CountryMention) => actorSpans.some((a) => c.start >= a.start && c.end <= a.end)
  // a nationality word ("a Frenchman", "Russian officials") says who someone is, not where the report is:
  // it only breaks ties between places and country names
  // ("Iraqi troops" in the lead still says whose forces act, as much as "Syria's army")
  for (const c of countries) add(c.iso2, insideActor(c) ? 0.5 + (c.sentence === 0 ? 1 : 0) : c.demonym ? 0.3 : 2 + (c.sentence === 0 ? 1 : 0))
  if (gaz) {
    for (const p of places) {
      const anywhere = gaz.findAdmin1Anywhere(p.name)
      const provinces = anywhere.filter((a) => !cands.length || cands.includes(a.country))
      if (provinces.length === 1) { add(provinces[0]!.country, 3); continue }
      // "Dhi Qar province" names its country even when the text never does ("the Iranian consulate in Najaf")
      if (provinces.length === 0 && anywhere.length === 1 && p.feature === 'admin1') { add(anywhere[0]!.country, 3); continue }
      // a national capital says the country outright (Kabul is in Afghanistan, whatever Missouri has)
      const capitalOf = cands.find((c) => { const cap = gaz.country(c)?.capital; return cap && normalizePlaceName(cap.name) === normalizePlaceName(p.name) })
      if (capitalOf) { add(capitalOf, 3); continue }
      // a name shared by several countries counts for the one where it is the most important place
      const best = placesNamed(gaz, p.name, cands).sort((a, b) => placeRank(b) - placeRank(a))[0]
        // a place in none of the countries the report names ("a hotel in Bamako" in a report naming only a
        // Frenchman and a Russian) is looked for in the world: its own name, or a city
        ?? (p.cue && /^(in|at|near|outside)$/.test(p.cue) ? placesNamed(gaz, p.name, []).filter((x) => x.population >= 100_000)[0] : undefined)
      if (best) add(best.country, p.cue === 'dateline' ? 3 : 1.5)
    }
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]).map(([iso]) => iso)
  const best = ranked[0]
  return best ? { iso2: best, rule: gaz ? 'most-mentioned-country-and-places' : 'most-mentioned-country', ranked } : { iso2: null, rule: 'no-country-mentioned', ranked }
}

const KIND_RANK: Record<string, number> = { locality: 3, region: 3, county: 2, neighbourhood: 1, localadmin: 1 }
/** How prominent a place is: towns over districts over neighbourhoods, then population. */
export const placeRank = (p: Place) => (KIND_RANK[p.kind] ?? 0) + Math.log10(1 + p.population)

/**
 * "KABUL —": the country of the dateline city. A country the dateline names ("BENI, Democratic Republic
 * of Congo —") is taken as written; otherwise the most populous place called so, by its own name before
 * an alternate one (Vienna is "Beni" in some language; Beni, North Kivu is Beni).
 */
export function datelineCountry(gaz: Gazetteer, text: string, dateline: Span | undefined, countries: CountryMention[] = []): string | null {
  if (!dateline) return null
  const named = countries.find((c) => !c.demonym && c.start >= dateline.start && c.end <= dateline.end)
  if (named) return named.iso2
  // the city is the capitalised run before any comma: "KIRKUK, Iraq (Reuters) —"
  const city = text.slice(dateline.start, dateline.end).split(/[,(—–]|\s-/)[0]!.trim()
  if (!city) return null
  const name = city.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase())
  const key = normalizePlaceName(name)
  const own = (p: Place) => (normalizePlaceName(p.name) === key ? 1 : 0)
  const best = gaz.lookup(name).filter((p) => p.population > 50000).sort((a, b) => own(b) - own(a) || b.population - a.population)[0]
  return best?.country ?? null
}

/**
 * How well the gazetteer knows a name in the report's candidate countries: 'well' (a city, a province),
 * 'known' (some village), or null. Shared by the place finders of every language.
 */
export function knownPlaces(gaz: Gazetteer | null, cands: string[]) {
  // a report asks about the same names again (Arabic tries every word and its clitic forms): answers are kept for it
  const memo = new Map<string, 'well' | 'known' | null>()
  return (name: string): 'well' | 'known' | null => {
    if (!gaz) return null
    let hit = memo.get(name)
    if (hit === undefined) memo.set(name, (hit = how(gaz, placesNamed(gaz, name, cands), name, cands)))
    return hit
  }
}

function how(gaz: Gazetteer, found: Place[], name: string, cands: string[]): 'well' | 'known' | null {
  if (found.length === 0) return null
  const well = found.some((p) => p.population >= WELL_KNOWN_POPULATION || !LOCAL_KINDS.has(p.kind)) || gaz.findAdmin1Anywhere(name).length > 0
  // with no country named anywhere, only a city the world knows says where the report is ("marched through Mombasa")
  if (cands.length === 0) return found.some((p) => p.population >= WORLD_CITY_POPULATION) ? 'well' : null
  return well ? 'well' : 'known'
}

// a name with no place word around it is a place only if it is a city (or a district or province), not any village
const WELL_KNOWN_POPULATION = 20_000
const WORLD_CITY_POPULATION = 250_000
const LOCAL_KINDS = new Set(['locality', 'neighbourhood', 'localadmin', 'hamlet', 'campus', 'microhood', 'borough', 'venue'])
