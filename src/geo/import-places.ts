import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { admin1Key } from './admin-names.js'
import { defaultGazetteerDir } from './gazetteer.js'
import { indexSchema, type GazetteerIndexFile } from './gazetteer-index.js'
import { haversineKm } from './geo-math.js'
import { parseAlternateNames, parseGeonamesDump, parseWofCsv, type ImportRow, type RowError } from './import-parsers.js'
import { NORMALIZER_VERSION, normalizePlaceName } from './normalize.js'
import { formatPlaceRow, parsePlaceRow, type PlaceRow } from './place-row.js'

export type ImportResult = {
  format: 'geonames' | 'wof'
  read: number
  added: number
  merged: number
  /** places now in each country file touched */
  countries: Record<string, number>
  errors: RowError[]
}

const SAME_PLACE_KM = 5 // as in the build: same name within 5 km is one place

type CountryIndexEntry = GazetteerIndexFile['countries'][string]

/**
 * `sitrep gazetteer import FILE`: merges a GeoNames country dump (optionally with its
 * alternateNames file) or a Who's On First CSV into the per-country files of a gazetteer
 * directory. Bad rows are reported by line number; the rest are imported.
 * importPlaces("IQ.txt", "data/gazetteer") → { added: 12, merged: 30, errors: [{ line: 7, reason: "..." }], ... }
 */
export function importPlaces(file: string, outDir: string = defaultGazetteerDir(), opts: { alternateNames?: string } = {}): ImportResult {
  if (!existsSync(file)) throw new Error(`gazetteer import: ${file} not found`)
  const text = readFileSync(file, 'utf8')
  const alt = opts.alternateNames ? parseAlternateNames(readFileSync(opts.alternateNames, 'utf8')) : new Map<string, string[]>()
  const parsed = /^\uFEFF?wof_id,/.test(text) ? parseWofCsv(text) : parseGeonamesDump(text, alt)
  mkdirSync(join(outDir, 'places'), { recursive: true })
  const index = readOrCreateIndex(outDir)
  const byCountry = new Map<string, ImportRow[]>()
  for (const r of parsed.rows) byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), r])
  const result: ImportResult = { format: parsed.format, read: parsed.rows.length + parsed.errors.length, added: 0, merged: 0, countries: {}, errors: parsed.errors }
  const newKeys = new Map<string, Set<string>>()
  for (const [iso, rows] of byCountry) {
    const entry = (index.countries[iso] ??= baseEntry(iso))
    const existing = readCountryRows(outDir, iso)
    for (const row of rows) {
      const placed = { ...row, admin1: canonicalAdmin1(entry, row) }
      if (mergeInto(existing, placed)) result.merged++
      else {
        existing.push(placed)
        result.added++
      }
      for (const n of [row.name, ...row.altNames]) addKey(newKeys, normalizePlaceName(n), iso)
    }
    writeFileSync(join(outDir, 'places', `${iso}.tsv.gz`), gzipSync(existing.map(formatPlaceRow).join('\n') + '\n'))
    entry.count = existing.length
    result.countries[iso] = existing.length
  }
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index) + '\n')
  updateNamesIndex(outDir, newKeys)
  return result
}

function readOrCreateIndex(dir: string): GazetteerIndexFile {
  const file = join(dir, 'index.json')
  if (existsSync(file)) return indexSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  return { version: 1, normalizerVersion: NORMALIZER_VERSION, built: new Date().toISOString().slice(0, 10), countries: {} }
}

/** A country new to this directory: its entry from the bundled index, else a bare one. */
function baseEntry(iso: string): CountryIndexEntry {
  const bundled = join(defaultGazetteerDir(), 'index.json')
  if (existsSync(bundled)) {
    const entry = indexSchema.parse(JSON.parse(readFileSync(bundled, 'utf8'))).countries[iso]
    if (entry) return entry
  }
  return { iso2: iso, iso3: '', name: iso, aliases: [], capital: null, admin1: [], count: 0, wof: false }
}

/** GeoNames admin1 codes and WOF spellings mapped to the directory's canonical admin1 names. */
function canonicalAdmin1(entry: CountryIndexEntry, row: ImportRow): string | null {
  if (row.admin1Code) return entry.admin1.find((a) => a.code === row.admin1Code)?.name ?? null
  if (!row.admin1) return null
  const k = admin1Key(row.admin1)
  const hit = entry.admin1.find((a) => admin1Key(a.name) === k || a.aliases.some((x) => admin1Key(x) === k))
  return hit?.name ?? row.admin1
}

function readCountryRows(dir: string, iso: string): PlaceRow[] {
  const file = join(dir, 'places', `${iso}.tsv.gz`)
  if (!existsSync(file)) return []
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n').flatMap((l) => parsePlaceRow(l) ?? [])
}

/** Same id, or same name within 5 km and a compatible kind: fold names into the kept row. */
function mergeInto(rows: PlaceRow[], row: PlaceRow): boolean {
  const key = normalizePlaceName(row.name)
  const same = rows.find((r) => r.id === row.id) ??
    rows.find((r) => normalizePlaceName(r.name) === key && sameKindGroup(r.kind, row.kind) && haversineKm(r.lat, r.lon, row.lat, row.lon) <= SAME_PLACE_KM)
  if (!same) return false
  const seen = new Set([same.name, ...same.altNames].map(normalizePlaceName))
  for (const n of [row.name, ...row.altNames]) {
    const k = normalizePlaceName(n)
    if (k && !seen.has(k)) { same.altNames.push(n); seen.add(k) }
  }
  same.population = Math.max(same.population, row.population)
  same.admin1 ??= row.admin1
  same.admin2 ??= row.admin2
  return true
}

function sameKindGroup(a: string, b: string): boolean {
  const g = (k: string): string => (k === 'localadmin' ? 'locality' : k)
  return g(a) === g(b)
}

function addKey(keys: Map<string, Set<string>>, key: string, iso: string): void {
  if (!key) return
  const set = keys.get(key)
  if (set) set.add(iso)
  else keys.set(key, new Set([iso]))
}

/** Adds the imported keys to names.tsv.gz so lookups without a country find the new places. */
function updateNamesIndex(dir: string, newKeys: Map<string, Set<string>>): void {
  const file = join(dir, 'names.tsv.gz')
  const all = new Map<string, string[]>()
  if (existsSync(file)) {
    for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
      const tab = line.indexOf('\t')
      if (tab > 0) all.set(line.slice(0, tab), line.slice(tab + 1).split(','))
    }
  }
  for (const [k, isos] of newKeys) all.set(k, [...new Set([...(all.get(k) ?? []), ...isos])])
  const keys = [...all.keys()].map((k) => [k, Buffer.from(k, 'utf8')] as const).sort((a, b) => Buffer.compare(a[1], b[1]))
  const text = keys.map(([k]) => `${k}\t${(all.get(k) ?? []).join(',')}`).join('\n') + '\n'
  writeFileSync(file, gzipSync(text))
}
