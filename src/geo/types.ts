/** One gazetteer entry: a town, village, neighbourhood, facility, district or province. */
export type Place = {
  id: string
  name: string
  altNames: string[]
  lat: number
  lon: number
  /** ISO 3166-1 alpha-2 */
  country: string
  /** ACLED spelling, e.g. "Democratic Republic of Congo" */
  countryName: string
  admin1: string | null
  admin2: string | null
  /** locality, neighbourhood, campus, county, localadmin, region, ... */
  kind: string
  population: number
}

export type LatLon = { lat: number; lon: number }

/** The admin1 capital as stored in the index. */
export type CapitalRef = { id: string; name: string; lat: number; lon: number }

export type Admin1Info = {
  country: string
  /** canonical name: WOF spelling for IQ, SY, TR, IR, SA; GeoNames ASCII name elsewhere */
  name: string
  /** the name as ACLED writes it, for output: "Deir-ez-Zor" for the unit named "Days Az Zawr" */
  acled: string
  /** GeoNames admin1 code within the country ("01"), when known */
  code: string | null
  aliases: string[]
  capital: CapitalRef | null
  /** number of places filed under this admin1 */
  count: number
}

export type CountryInfo = {
  iso2: string
  iso3: string
  /** ACLED spelling */
  name: string
  aliases: string[]
  capital: CapitalRef | null
  admin1: Admin1Info[]
  /** places in the country file */
  count: number
  /** true when Who's On First village-level data is merged in */
  wof: boolean
}

export type LookupOptions = { country?: string; admin1?: string }

export type GazetteerStats = {
  dir: string
  countries: number
  loadedCountries: string[]
  loadedPlaces: number
  namesIndexLoaded: boolean
  /** 'database': data/gazetteer/gazetteer.db, built by npm install; 'files': the TSV files, parsed per country */
  backend: 'database' | 'files'
}

export interface Gazetteer {
  /** country("Iraq"), country("IQ"), country("IRQ"), country("DRC") */
  country(nameOrIso: string): CountryInfo | undefined
  /** Countries holding a place of this name, the one with the most populous such place first. */
  findCountryIn(name: string): CountryInfo[]
  /** Alias-tolerant: admin1("IQ", "Anbar Province")?.name === "Al-Anbar" */
  admin1(country: string, name: string): Admin1Info | undefined
  /** Every admin1 in the world that goes by this name ("Kerman": Iran). */
  findAdmin1Anywhere(name: string): Admin1Info[]
  /** False when no place anywhere has a name of this key (normalizePlaceName): a quick check before the words of running text are looked up. */
  mayNameKey(key: string): boolean
  /** False when no province anywhere has this Arabic key (a quick check before findAdmin1Anywhere). */
  mayBeArabicAdmin1Key(key: string): boolean
  /** Places whose name or alternate name has the same key; all countries when none is given. */
  lookup(name: string, opts?: LookupOptions): Place[]
  /** Places whose consonant skeleton matches, for spelling fallbacks inside a country. */
  lookupSkeleton(name: string, opts: LookupOptions & { country: string }): Place[]
  /** Places one of whose names has the same consonant classes ("Ein Laroz" / عين لاروز), inside a country. */
  lookupConsonants(name: string, opts: LookupOptions & { country: string }): Place[]
  /** Every place of a country (optionally one admin1), for fuzzy fallbacks. */
  places(country: string, admin1?: string): readonly Place[]
  /** The country capital, or the admin1 capital when admin1 is given. */
  capital(country: string, admin1?: string): Place | undefined
  stats(): GazetteerStats
}

/** How a candidate's name matched the query. */
export type MatchKind = 'name' | 'alt' | 'skeleton' | 'fuzzy' | 'area-part'

export type Candidate = {
  id: string
  name: string
  country: string
  admin1: string | null
  admin2: string | null
  kind: string
  population: number
  lat: number
  lon: number
  match: MatchKind
  score: number
  /** why this candidate was set aside, when it was */
  rejected?: string
}

export type ProvinceFallback = {
  precision: 3
  location: string
  country: string
  admin1: string
  lat: number
  lon: number
}

export type Resolution =
  | {
      status: 'resolved'
      place: Place
      precision: 1 | 2 | 3
      /** the name was not found: its district's seat stands for it */
      byDistrict?: true
      location: string
      admin1: string | null
      admin2: string | null
      lat: number
      lon: number
      candidates: Candidate[]
      reasons: string[]
    }
  | {
      status: 'unresolved'
      name: string
      /** what the context still tells: the country and province the place lies in */
      country: string | null
      admin1: string | null
      /** the province capital, for a caller willing to code precision 3 */
      fallback?: ProvinceFallback
      candidates: Candidate[]
      reasons: string[]
    }

export type ToponymQuery = {
  name: string
  country?: string
  admin1?: string
  /** the district the text names ("Ar Rastan district"): where an unknown place falls back to */
  admin2?: string
  near?: LatLon[]
  /** "the X desert / area / valley": a settlement of that name is pinned with precision 2 */
  areaWord?: boolean
}
