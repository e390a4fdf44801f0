import Database from 'better-sqlite3'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { parsePlaceRow } from './place-row.js'
import { NORMALIZER_VERSION } from './normalize.js'
import { consonantClassesFile } from './consonant-key.js'
import type { Place } from './types.js'
import type { CountryStore } from './country-places.js'

/** The layout of gazetteer.db; scripts/gazetteer/write-db.mjs writes it and stamps it with sourceStamp(). */
export const DB_VERSION = 2
// the places a process has looked at, reused: a report's towns come back in the next reports
const CACHE_LIMIT = 50_000
const NAMES_LIMIT = 50_000
const NONE: ReadonlySet<string> = new Set()
const ARABIC_KEY = /^[\u0600-\u06FF]/

/** The stamp write-db.mjs stores: what the database was built from (normalizer, source files, index). */
export function sourceStamp(dir: string): string {
  const h = createHash('sha256')
  h.update(`db${DB_VERSION} normalizer${NORMALIZER_VERSION}\n`)
  const places = join(dir, 'places')
  for (const f of readdirSync(places).sort()) h.update(`${f} ${statSync(join(places, f)).size}\n`)
  h.update(readFileSync(join(dir, 'index.json')))
  // the consonant keys stored in the database follow these rules
  h.update(readFileSync(consonantClassesFile()))
  return h.digest('hex')
}

type Row = { n: number; row: string; country: string }

/**
 * The built gazetteer database (data/gazetteer/gazetteer.db, written by `npm install`): name keys and
 * skeletons precomputed, read by index, so a country costs nothing to "load" and the process holds only
 * the places it has looked at. open() gives null when the file is absent or was built from other data.
 */
export class GazetteerDb {
  private readonly cache = new Map<number, Place>()
  private readonly names = new Map<string, Place[]>()
  private readonly holders = new Map<string, string[]>()
  private readonly keyCountries = new Map<string, ReadonlySet<string>>()
  private arabicKeys: Set<string> | undefined
  private readonly q: Record<'names' | 'keyCountries' | 'arabicKeys' | 'skels' | 'sounds' | 'admin1' | 'all' | 'id' | 'holders' | 'count', Database.Statement>

  private constructor(private readonly db: Database.Database, private readonly countryNames: (iso: string) => string) {
    const sel = 'SELECT p.n, p.row, p.country FROM'
    this.q = {
      names: db.prepare(`${sel} names k JOIN places p ON p.n = k.n WHERE k.key = ? AND k.country = ? ORDER BY p.n`),
      skels: db.prepare(`${sel} skeletons s JOIN places p ON p.n = s.n WHERE s.skel = ? AND s.country = ? ORDER BY p.n`),
      sounds: db.prepare(`${sel} sounds s JOIN places p ON p.n = s.n WHERE s.key = ? AND s.country = ? ORDER BY p.n`),
      admin1: db.prepare(`${sel} places p WHERE p.country = ? AND p.admin1 = ? ORDER BY p.n`),
      all: db.prepare(`${sel} places p WHERE p.country = ? ORDER BY p.n`),
      id: db.prepare(`${sel} places p WHERE p.country = ? AND p.id = ?`),
      holders: db.prepare('SELECT k.country FROM names k JOIN places p ON p.n = k.n WHERE k.key = ? GROUP BY k.country ORDER BY max(p.population) DESC, k.country'),
      // the primary key (key, country, n) answers this from its index alone
      keyCountries: db.prepare('SELECT DISTINCT country FROM names WHERE key = ?'),
      arabicKeys: db.prepare("SELECT DISTINCT key FROM names WHERE key >= char(1536) AND key < char(1792)"),
      count: db.prepare('SELECT count(*) FROM places WHERE country = ?'),
    }
  }

  static open(dir: string, countryNames: (iso: string) => string): GazetteerDb | null {
    const file = join(dir, 'gazetteer.db')
    if (!existsSync(file)) return null
    let db: Database.Database | null = null
    try {
      db = new Database(file, { readonly: true, fileMustExist: true })
      const stamp = db.prepare("SELECT value FROM meta WHERE key = 'stamp'").pluck().get()
      if (stamp !== sourceStamp(dir)) { db.close(); return null }
      return new GazetteerDb(db, countryNames)
    } catch {
      db?.close()
      return null
    }
  }

  /** Countries holding a place of this key, the one with the most populous such place first. */
  countriesOf(key: string): string[] {
    let hit = this.holders.get(key)
    if (!hit) {
      // most words asked about name no place: the cheap look-up says so before the ordering query runs
      hit = this.countriesNaming(key).size === 0 ? [] : (this.q.holders.pluck().all(key) as string[])
      // words of running text are asked about again and again (Arabic place finding tries every word)
      if (this.holders.size >= NAMES_LIMIT) this.holders.clear()
      this.holders.set(key, hit)
    }
    return hit
  }

  /** One country's places, answering as the file-backed CountryPlaces does. */
  country(iso: string): CountryStore {
    const rows = (st: Database.Statement, ...args: unknown[]) => (st.all(...args) as Row[]).map((r) => this.place(r))
    const count = this.q.count
    let size: number | undefined
    return {
      get size() { return (size ??= count.pluck().get(iso) as number) },
      // most keys asked about (the words of running text) name nothing: a check on the index comes first
      byNameKey: (key) => this.named(iso, key, () => (this.countriesNaming(key).has(iso) ? rows(this.q.names, key, iso) : [])),
      bySkeletonKey: (skel) => rows(this.q.skels, skel, iso),
      byConsonantKey: (key) => rows(this.q.sounds, key, iso),
      inAdmin1: (admin1) => rows(this.q.admin1, iso, admin1),
      places: () => rows(this.q.all, iso),
      placeById: (id) => rows(this.q.id, iso, id)[0],
    }
  }

  /** Does any place have a name of this key? Arabic keys are answered from memory. */
  mayName(key: string): boolean {
    if (ARABIC_KEY.test(key)) return this.arabicKeySet().has(key)
    return this.countriesNaming(key).size > 0
  }

  private arabicKeySet(): Set<string> {
    return (this.arabicKeys ??= new Set(this.q.arabicKeys.pluck().all() as string[]))
  }

  // a word of running text is asked about in every candidate country: one query says which countries have it
  private countriesNaming(key: string): ReadonlySet<string> {
    // Arabic text asks about every word: the gazetteer's Arabic names (about 105,000 keys, 10 MB) are held in
    // memory from the first Arabic report, so a word that names nothing costs no query
    if (ARABIC_KEY.test(key)) {
      if (!this.arabicKeySet().has(key)) return NONE
    }
    let hit = this.keyCountries.get(key)
    if (!hit) {
      hit = new Set(this.q.keyCountries.pluck().all(key) as string[])
      if (this.keyCountries.size >= NAMES_LIMIT) this.keyCountries.clear()
      this.keyCountries.set(key, hit)
    }
    return hit
  }

  // a report's names come back in the next reports (and most words asked about are no place at all):
  // answers are kept, bounded, so a repeated name costs no query
  private named(iso: string, key: string, query: () => Place[]): Place[] {
    const k = `${iso}|${key}`
    let hit = this.names.get(k)
    if (!hit) {
      hit = query()
      if (this.names.size >= NAMES_LIMIT) this.names.clear()
      this.names.set(k, hit)
    }
    return hit
  }

  close(): void {
    this.db.close()
  }

  private place(r: Row): Place {
    let p = this.cache.get(r.n)
    if (!p) {
      p = this.parse(r)
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear()
      this.cache.set(r.n, p)
    }
    return p
  }

  // rows were checked when the database was written
  private parse(r: Row): Place {
    return { ...parsePlaceRow(r.row)!, country: r.country, countryName: this.countryNames(r.country) }
  }
}
