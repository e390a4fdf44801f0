import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CountryPlaces, type CountryStore } from './country-places.js'
import { GazetteerDb } from './db-places.js'
import { CountryDirectory, readIndexFile } from './gazetteer-index.js'
import { NamesIndex } from './names-index.js'
import { consonantCount, consonantKey, MIN_CONSONANTS } from './consonant-key.js'
import { NORMALIZER_VERSION, normalizePlaceName, skeletonKey } from './normalize.js'
import type { Admin1Info, CountryInfo, Gazetteer, GazetteerStats, LookupOptions, Place } from './types.js'

/** data/gazetteer of this package: src/geo and dist/geo both sit two levels below the root. */
export function defaultGazetteerDir(): string {
  return fileURLToPath(new URL('../../data/gazetteer/', import.meta.url))
}

/**
 * Opens the offline gazetteer. The index (countries, admin1 units, capitals) loads now; a
 * country's places load when first asked for; the world names index on the first lookup
 * without a country.
 * loadGazetteer().lookup("Ramadi", { country: "IQ" })[0]?.admin1 === "Al-Anbar"
 */
export function loadGazetteer(opts: { dir?: string; useDb?: boolean } = {}): Gazetteer {
  const dir = opts.dir ?? defaultGazetteerDir()
  return new OfflineGazetteer(dir, opts)
}

class OfflineGazetteer implements Gazetteer {
  private readonly dir: string
  private readonly directory: CountryDirectory
  private readonly keysTrusted: boolean
  private readonly loaded = new Map<string, CountryStore>()
  private names: NamesIndex | null | undefined
  /** the built database when it is there and current; else the TSV files, parsed per country on first use */
  private readonly db: GazetteerDb | null

  constructor(dir: string, opts: { useDb?: boolean } = {}) {
    this.dir = dir
    this.db = opts.useDb === false ? null : GazetteerDb.open(dir, (iso) => this.directory.countries.get(iso)?.name ?? iso)
    const file = readIndexFile(dir, { checked: this.db !== null })
    this.directory = new CountryDirectory(file)
    // Stored keys made by another normalizer cannot be bisected with today's keys.
    this.keysTrusted = file.normalizerVersion === NORMALIZER_VERSION
  }

  country(nameOrIso: string): CountryInfo | undefined {
    return this.directory.country(nameOrIso)
  }

  findCountryIn(name: string): CountryInfo[] {
    const out: CountryInfo[] = []
    for (const iso of this.countriesHolding(normalizePlaceName(name))) {
      const c = this.directory.countries.get(iso)
      if (c && this.placesOf(iso).byNameKey(normalizePlaceName(name)).length > 0) out.push(c)
    }
    return out
  }

  admin1(country: string, name: string): Admin1Info | undefined {
    const c = this.country(country)
    return c ? this.directory.admin1(c.iso2, name) : undefined
  }

  findAdmin1Anywhere(name: string): Admin1Info[] {
    return this.directory.admin1Anywhere(name)
  }

  mayNameKey(key: string): boolean {
    if (key.length === 0) return false
    if (this.db) return this.db.mayName(key)
    return this.countriesHolding(key).length > 0
  }

  mayBeArabicAdmin1Key(key: string): boolean {
    return this.directory.mayBeArabicAdmin1(key)
  }

  lookup(name: string, opts: LookupOptions = {}): Place[] {
    const key = normalizePlaceName(name)
    if (key.length === 0) return []
    const isos = opts.country ? this.isoList(opts.country) : this.countriesHolding(key)
    const out: Place[] = []
    for (const iso of isos) out.push(...this.placesOf(iso).byNameKey(key))
    return this.inAdmin1(out, opts)
  }

  lookupSkeleton(name: string, opts: LookupOptions & { country: string }): Place[] {
    const skeleton = skeletonKey(normalizePlaceName(name))
    if (skeleton.length < 2) return []
    const out: Place[] = []
    for (const iso of this.isoList(opts.country)) out.push(...this.placesOf(iso).bySkeletonKey(skeleton))
    return this.inAdmin1(out, opts)
  }

  lookupConsonants(name: string, opts: LookupOptions & { country: string }): Place[] {
    const key = consonantKey(name)
    if (consonantCount(key) < MIN_CONSONANTS) return []
    const out: Place[] = []
    for (const iso of this.isoList(opts.country)) out.push(...this.placesOf(iso).byConsonantKey(key))
    return this.inAdmin1(out, opts)
  }

  places(country: string, admin1?: string): readonly Place[] {
    const c = this.country(country)
    if (!c) return []
    const store = this.placesOf(c.iso2)
    if (admin1 === undefined) return store.places()
    const a = this.directory.admin1(c.iso2, admin1)
    return a ? store.inAdmin1(a.name) : []
  }

  capital(country: string, admin1?: string): Place | undefined {
    const c = this.country(country)
    if (!c) return undefined
    const ref = admin1 === undefined ? c.capital : this.directory.admin1(c.iso2, admin1)?.capital
    if (!ref) return undefined
    return this.placesOf(c.iso2).placeById(ref.id)
  }

  stats(): GazetteerStats {
    let loadedPlaces = 0
    for (const s of this.loaded.values()) loadedPlaces += s.size
    return {
      dir: this.dir,
      countries: this.directory.countries.size,
      loadedCountries: [...this.loaded.keys()],
      loadedPlaces,
      namesIndexLoaded: this.names != null,
      backend: this.db ? 'database' : 'files',
    }
  }

  private isoList(country: string): string[] {
    const c = this.country(country)
    return c ? [c.iso2] : []
  }

  private inAdmin1(places: Place[], opts: LookupOptions): Place[] {
    if (opts.admin1 === undefined || places.length === 0) return places
    const wanted = new Set<string>()
    for (const iso of new Set(places.map((p) => p.country))) {
      const a = this.directory.admin1(iso, opts.admin1)
      if (a) wanted.add(`${iso}\t${a.name}`)
    }
    return places.filter((p) => p.admin1 !== null && wanted.has(`${p.country}\t${p.admin1}`))
  }

  private placesOf(iso: string): CountryStore {
    let store = this.loaded.get(iso)
    if (!store) {
      const name = this.directory.countries.get(iso)?.name ?? iso
      store = this.db ? this.db.country(iso) : CountryPlaces.load(join(this.dir, 'places', `${iso}.tsv.gz`), iso, name)
      this.loaded.set(iso, store)
    }
    return store
  }

  /** Countries whose files hold the key: from the names index, else every WOF and loaded country. */
  private countriesHolding(key: string): string[] {
    if (this.db) return this.db.countriesOf(key)
    if (this.names === undefined) {
      this.names = this.keysTrusted ? (NamesIndex.load(join(this.dir, 'names.tsv.gz')) ?? null) : null
    }
    if (this.names) return this.names.countriesOf(key)
    const fallback = new Set(this.loaded.keys())
    for (const c of this.directory.countries.values()) if (c.wof) fallback.add(c.iso2)
    return [...fallback]
  }
}
