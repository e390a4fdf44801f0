import type { Doc } from '../doc.js'
import type { Evidence, GeoPrecision } from '../types.js'
import type { Draft } from './cluster.js'
import type { PlaceMention } from '../entities/places.js'

export type Located = {
  country: string | null; iso: string | null; iso3: string | null
  admin1: string | null; admin2: string | null; location: string | null
  latitude: number | null; longitude: number | null; geo_precision: GeoPrecision | null
  status: 'resolved' | 'unresolved'
  candidates?: { name: string; admin1: string | null; latitude: number; longitude: number }[]
  evidence: Record<string, Evidence>
}

export type CountryLookup = (iso2: string) => { name: string; iso3: string } | undefined

/** The place an incident's clauses name: the first town or area, the province named with it. */
export function pickPlace(draft: Draft): { place: PlaceMention | null; admin1: PlaceMention | null } {
  const all = draft.parts.flatMap((p) => p.places)
  const place = all.find((p) => p.feature !== 'admin1' && p.cue !== 'dateline') ?? all.find((p) => p.feature !== 'admin1') ?? null
  const admin1 = all.find((p) => p.feature === 'admin1') ?? null
  return { place, admin1 }
}

/** Without a gazetteer: the place as named, the report's country, no coordinates (unresolved, never guessed). */
export function makeNameOnlyLocator(country: CountryLookup) {
  return function locate(draft: Draft, doc: Doc): Located {
    const { place, admin1 } = pickPlace(draft)
    const iso = doc.focus?.iso2 ?? null
    const c = iso ? country(iso) : undefined
    const evidence: Record<string, Evidence> = {
      country: doc.focus ? { kind: 'rule', rule: doc.focus.rule } : { kind: 'rule', rule: 'unknown' },
      location: place ? { kind: 'spans', spans: [{ start: place.start, end: place.end }] } : { kind: 'rule', rule: 'no-place-named' },
    }
    if (admin1) evidence.admin1 = { kind: 'spans', spans: [{ start: admin1.start, end: admin1.end }] }
    return {
      country: c?.name ?? null, iso: iso, iso3: c?.iso3 ?? null, admin1: admin1?.name ?? null, admin2: null,
      location: place?.name ?? admin1?.name ?? null, latitude: null, longitude: null, geo_precision: null,
      status: 'unresolved', evidence,
    }
  }
}
