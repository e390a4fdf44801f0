import { isDistrictSeat } from './score.js'
import { matchOf, trustLooseMatch } from './trust.js'
import type { Gazetteer, LatLon, Place, Resolution, ToponymQuery } from './types.js'

export type Resolved = Extract<Resolution, { status: 'resolved' }>
export type Resolve = (q: ToponymQuery) => Resolution

/** Where a mention is looked up: the report's countries, main one first, and what the text says of its province. */
export type MentionContext = {
  countries: (string | null)[]
  focus: string | null
  /** the province named in the mention's own clause: a hard frame (codebook "Place") */
  province: string | null
  /** the same for another of the report's countries ("El Adde in Somalia's Gedo region" in a Kenya report) */
  provinceIn?: (country: string) => string | null
  /** the province named last before it: preferred when the name is there, never a filter */
  nearbyProvince: string | null
  near: LatLon[]
  areaWord: boolean
}

const KIND: Readonly<Record<string, number>> = { locality: 3, region: 3, county: 2, neighbourhood: 1, localadmin: 1 }
const MATCH: Readonly<Record<string, number>> = { name: 2, alt: 1, 'area-part': 0, skeleton: -3, fuzzy: -4 }

/**
 * How prominent a place is: towns over districts over neighbourhoods, then population (a city of a
 * million outweighs a village), then national and provincial capitals, then district seats (a place
 * whose district bears its name: Ras al-Ain in Ras al-Ain district). Prominent places win over
 * villages of the same name (Najaf the city, not a village in Iran).
 */
export function prominence(gaz: Gazetteer, p: Place): number {
  const c = gaz.country(p.country)
  const capital = c?.capital?.id === p.id || (p.admin1 !== null && gaz.admin1(p.country, p.admin1)?.capital?.id === p.id)
  return (KIND[p.kind] ?? 0) + Math.log10(1 + p.population) + (capital ? 3 : 0) + (isSeat(p) ? 1 : 0)
}

/**
 * Resolves a name in the report's main country and in the others it names. The main country's place
 * stands unless another country's is a major city and it is only a village (Kabul, not Cabool,
 * Missouri; but Qamishli in a Syria report, not Kamyshlov). A loose spelling match counts only in
 * the main country and only when trusted (see trustLooseMatch); when nothing resolves, the main
 * country's unresolved answer, which may still know the province, is returned.
 */
export function resolveMention(gaz: Gazetteer, resolve: Resolve, name: string, ctx: MentionContext): Resolution | undefined {
  let home: Resolution | undefined
  let away: Resolved | undefined
  for (const country of ctx.countries) {
    const isFocus = country === ctx.focus
    const x = resolveIn(resolve, name, country, isFocus ? ctx : { ...ctx, province: country && ctx.provinceIn ? ctx.provinceIn(country) : null, nearbyProvince: null })
    if (isFocus) { home = trusted(x, name, ctx.province); continue }
    // another country's place must match by name, not by a loose spelling ("Hodan" is not Pakistan's "Hudan")
    if (x.status !== 'resolved' || !EXACT.has(matchOf(x))) continue
    if (!away || rank(gaz, x) > rank(gaz, away)) away = x
  }
  // the main country lacks the name: another country's place only if it is a town of some size ("Hodan" is
  // a district of Mogadishu the gazetteer lacks, not the hamlet Hudan in Pakistan)
  if (home?.status !== 'resolved') return away && (away.place.population >= MIN_AWAY_POPULATION || isMajor(gaz, away.place)) ? away : home
  if (!away || !isMajor(gaz, away.place) || isMajor(gaz, home.place) || isSeat(home.place)) return home
  return prominence(gaz, away.place) - prominence(gaz, home.place) >= 2 ? away : home
}

const EXACT = new Set(['name', 'alt'])
const MIN_AWAY_POPULATION = 5000
const rank = (gaz: Gazetteer, r: Resolved) => prominence(gaz, r.place) + (MATCH[matchOf(r)] ?? 0)

function trusted(x: Resolution, name: string, province: string | null): Resolution {
  if (x.status !== 'resolved' || trustLooseMatch(x, name, province)) return x
  return { status: 'unresolved', name, country: x.place.country, admin1: province, candidates: x.candidates, reasons: [...x.reasons, `${x.place.name} is only a loose spelling match outside the named province: not trusted`] }
}

/** A national capital, a provincial capital of 100,000 or a city of a million. */
function isMajor(gaz: Gazetteer, p: Place): boolean {
  const capital = gaz.country(p.country)?.capital?.id === p.id
  const provincial = p.admin1 !== null && gaz.admin1(p.country, p.admin1)?.capital?.id === p.id
  return capital || (provincial && p.population >= 100_000) || p.population >= 1_000_000
}

const isSeat = isDistrictSeat

/** In one country: inside the named province; else inside the province named just before, when the name is there; else anywhere. */
function resolveIn(resolve: Resolve, name: string, country: string | null, ctx: MentionContext): Resolution {
  const base = { name, ...(country ? { country } : {}), areaWord: ctx.areaWord, ...(ctx.near.length ? { near: ctx.near } : {}) }
  if (ctx.province) return resolve({ ...base, admin1: ctx.province })
  if (ctx.nearbyProvince) {
    const there = resolve({ ...base, admin1: ctx.nearbyProvince })
    if (there.status === 'resolved' && (matchOf(there) === 'name' || matchOf(there) === 'alt')) return there
  }
  return resolve(base)
}
