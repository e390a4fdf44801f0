import { describe, it, expect } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadGazetteer, defaultGazetteerDir } from '../src/geo/gazetteer.js'
import { CountryPlaces } from '../src/geo/country-places.js'
import { GazetteerDb } from '../src/geo/db-places.js'
import type { Gazetteer } from '../src/geo/types.js'

// The two backends of the offline gazetteer: the gzip TSV files (parsed per country on first use) and the
// database npm install builds from them (data/gazetteer/gazetteer.db). One suite, the same answers.
const dir = defaultGazetteerDir()
const files = loadGazetteer({ useDb: false })
const database = loadGazetteer()

const NAMES: [string, string][] = [['Ramadi', 'IQ'], ['Husaybah', 'IQ'], ['Bannu', 'PK'], ['Zahedan', 'IR'], ['Goma', 'CD'], ['Maiduguri', 'NG'], ['Solhan', 'BF'], ['Aleppo', 'SY'], ['Kharkiv', 'UA'], ['Lima', 'PE'], ['Kismayo', 'SO'], ['Marib', 'YE']]
const view = (ps: readonly { id: string; name: string; admin1: string | null; lat: number; lon: number; population: number }[]) =>
  ps.map((p) => [p.id, p.name, p.admin1, p.lat, p.lon, p.population]).sort()

function conformance(name: string, gaz: () => Gazetteer) {
  describe(`gazetteer backend: ${name}`, () => {
    it('finds places by name and alternate name, in a country and in the world', () => {
      const g = gaz()
      expect(g.lookup('Ramadi', { country: 'IQ' })[0]?.admin1).toBe('Al-Anbar')
      expect(g.lookup('الرمادي', { country: 'IQ' }).map((p) => p.name)).toContain('Ramadi')
      expect(g.findCountryIn('Maiduguri').map((c) => c.iso2)).toContain('NG')
      expect(g.lookup('Goma').some((p) => p.country === 'CD')).toBe(true)
      expect(g.lookup('', { country: 'IQ' })).toEqual([])
      // a village known by its Arabic name, asked for in a French spelling
      expect(g.lookupConsonants('Ein Laroz', { country: 'SY', admin1: 'Idlib' }).map((p) => p.altNames)).toContainEqual(expect.arrayContaining(['عين لاروز']))
      expect(g.lookupConsonants('Ma', { country: 'SY' })).toEqual([])
    })
    it('answers as the other backend does: names, skeletons, provinces, capitals', () => {
      const g = gaz()
      for (const [n, c] of NAMES) {
        expect(view(g.lookup(n, { country: c }))).toEqual(view(files.lookup(n, { country: c })))
        expect(view(g.lookupSkeleton(n, { country: c }))).toEqual(view(files.lookupSkeleton(n, { country: c })))
        expect(g.capital(c)?.id).toBe(files.capital(c)?.id)
      }
      expect(view(g.places('IQ', 'Al-Anbar'))).toEqual(view(files.places('IQ', 'Al-Anbar')))
      for (const [n, c] of [['Ein Laroz', 'SY'], ['Josef', 'SY'], ['Maiduguri', 'NG'], ['Kharkiv', 'UA'], ['Ma', 'SY']] as const) {
        expect(view(g.lookupConsonants(n, { country: c }))).toEqual(view(files.lookupConsonants(n, { country: c })))
      }
      expect(g.capital('IQ', 'Al-Anbar')?.name).toBe(files.capital('IQ', 'Al-Anbar')?.name)
    })
  })
}
conformance('files', () => files)
conformance('database', () => database)

describe('the gazetteer data', () => {
  it('uses the database npm install built, up to date with the files', () => {
    expect(database.stats().backend).toBe('database')
    expect(GazetteerDb.open(dir, (iso) => iso)).not.toBeNull()
  })

  it('reads every row of every country, in both backends: no row can fail a report', () => {
    const db = GazetteerDb.open(dir, (iso) => iso)!
    let rows = 0
    for (const f of readdirSync(join(dir, 'places')).filter((x) => x.endsWith('.tsv.gz'))) {
      const iso = f.slice(0, 2)
      const fromFile = CountryPlaces.load(join(dir, 'places', f), iso, iso)
      const all = fromFile.places()
      expect(all.every((p) => p.name.length > 0 && Number.isFinite(p.lat) && Number.isFinite(p.lon))).toBe(true)
      expect(db.country(iso).size).toBe(all.length)
      rows += all.length
    }
    db.close()
    expect(rows).toBeGreaterThan(900_000)
  }, 120_000)
})
