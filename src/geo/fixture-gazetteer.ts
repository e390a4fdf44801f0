import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { NORMALIZER_VERSION, normalizePlaceName } from './normalize.js'
import { formatPlaceRow, type PlaceRow } from './place-row.js'

export type FixtureAdmin1 = { name: string; code?: string; aliases?: string[]; capitalId?: string }
export type FixtureCountry = { iso2: string; iso3: string; name: string; admin1: FixtureAdmin1[]; places: PlaceRow[]; capitalId?: string }

/**
 * Writes a tiny gazetteer directory in the committed format (index.json, places/XX.tsv.gz,
 * names.tsv.gz), for tests that must not depend on the full data or on ../shared.
 */
export function writeFixtureGazetteer(countries: FixtureCountry[], dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'))): string {
  mkdirSync(join(dir, 'places'), { recursive: true })
  const index: Record<string, unknown> = {}
  const names = new Map<string, Set<string>>()
  for (const c of countries) {
    const ref = (id: string | undefined) => {
      const p = c.places.find((x) => x.id === id)
      return p ? { id: p.id, name: p.name, lat: p.lat, lon: p.lon } : null
    }
    index[c.iso2] = {
      iso2: c.iso2, iso3: c.iso3, name: c.name, aliases: [], capital: ref(c.capitalId), count: c.places.length, wof: true,
      admin1: c.admin1.map((a) => ({
        name: a.name, code: a.code ?? null, aliases: a.aliases ?? [], capital: ref(a.capitalId),
        count: c.places.filter((p) => p.admin1 === a.name).length,
      })),
    }
    writeFileSync(join(dir, 'places', `${c.iso2}.tsv.gz`), gzipSync(c.places.map(formatPlaceRow).join('\n') + '\n'))
    for (const p of c.places) {
      for (const n of [p.name, ...p.altNames]) {
        const k = normalizePlaceName(n)
        names.set(k, (names.get(k) ?? new Set()).add(c.iso2))
      }
    }
  }
  const file = { version: 1, normalizerVersion: NORMALIZER_VERSION, built: '2024-01-01', countries: index }
  writeFileSync(join(dir, 'index.json'), JSON.stringify(file))
  const keys = [...names.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  writeFileSync(join(dir, 'names.tsv.gz'), gzipSync(keys.map((k) => `${k}\t${[...(names.get(k) ?? [])].join(',')}`).join('\n') + '\n'))
  return dir
}

/** A place row with defaults, for fixtures: place("w1", "Ramadi", 33.42, 43.31, "Al-Anbar") */
export function place(id: string, name: string, lat: number, lon: number, admin1: string | null, extra: Partial<PlaceRow> = {}): PlaceRow {
  return { id, name, altNames: [], lat, lon, admin1, admin2: null, kind: 'locality', population: 0, ...extra }
}
