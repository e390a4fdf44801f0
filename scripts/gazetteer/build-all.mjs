// The gazetteer build: read sources, merge per country, write places/XX.tsv.gz, names.tsv.gz, index.json.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { NORMALIZER_VERSION, normalizePlaceName } from '../../dist/geo/normalize.js'
import { PLACE_COLUMNS, formatPlaceRow, parsePlaceRow } from '../../dist/geo/place-row.js'
import { assignAdmins } from './admins.mjs'
import { countryEntry } from './index-entry.mjs'
import { mergeCountry } from './merge.mjs'
import { readAdminCodes, readCities500, readCountryInfo, readWofCsv } from './read-sources.mjs'

export const INDEX_VERSION = 1

async function readWofCountry(file) {
  const rows = []
  for await (const r of readWofCsv(file)) rows.push(r)
  return rows
}

function wofFiles(dir) {
  const out = new Map()
  for (const f of readdirSync(dir)) {
    const m = /^wof_([a-z]{2})\.csv$/.exec(f)
    if (m) out.set(m[1].toUpperCase(), join(dir, f))
  }
  return out
}

function gz(text) {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 })
}

export async function buildAll({ wofDir, geonamesDir, cities500, outDir, only, handAliases, countryNames, log }) {
  const countries = readCountryInfo(join(geonamesDir, 'countryInfo.txt'))
  const gnAdmin1 = readAdminCodes(join(geonamesDir, 'admin1CodesASCII.txt'), 1)
  const gnAdmin2 = readAdminCodes(join(geonamesDir, 'admin2Codes_middle_east.txt'), 2)
  log('reading cities500 ...')
  const gnByCountry = await readCities500(cities500)
  const wof = wofFiles(wofDir)
  const isoList = [...new Set([...countries.keys(), ...gnByCountry.keys(), ...wof.keys()])]
    .filter((iso) => !only || only.has(iso))
    .sort()

  const placesDir = join(outDir, 'places')
  mkdirSync(placesDir, { recursive: true })
  if (!only) for (const f of readdirSync(placesDir)) rmSync(join(placesDir, f))
  const index = { version: INDEX_VERSION, normalizerVersion: NORMALIZER_VERSION, built: new Date().toISOString().slice(0, 10), columns: PLACE_COLUMNS, countries: {} }
  const names = new Map() // key → Map iso → best population
  let total = 0

  for (const iso of isoList) {
    const wofRows = wof.has(iso) ? await readWofCountry(wof.get(iso)) : []
    const gnRows = gnByCountry.get(iso) ?? []
    if (wofRows.length === 0 && gnRows.length === 0 && !countries.has(iso)) continue
    // a row the runtime cannot read (no name, no coordinates) is refused here, with its reason, never shipped
    const places = mergeCountry(wofRows, gnRows).filter((p) => {
      const ok = parsePlaceRow(formatPlaceRow(p)) !== undefined
      if (!ok) log(`${iso}: refused place ${p.id}: ${!String(p.name ?? '').trim() ? 'empty name' : 'no coordinates'}`)
      return ok
    })
    const codeToName = assignAdmins(iso, places, gnAdmin1, gnAdmin2)
    const info = countries.get(iso) ?? { iso3: '', name: iso, capital: '' }
    index.countries[iso] = countryEntry({
      iso, info, names: countryNames[iso], places, codeToName, gnAdmin1, handAliases: handAliases[iso], hasWof: wofRows.length > 0,
    })
    if (places.length > 0) {
      places.sort((a, b) => (a.admin1 ?? '').localeCompare(b.admin1 ?? '') || a.name.localeCompare(b.name))
      writeFileSync(join(placesDir, `${iso}.tsv.gz`), gz(places.map((p) => formatPlaceRow(p)).join('\n') + '\n'))
      collectNames(names, iso, places)
    }
    total += places.length
    if (wofRows.length > 0 || places.length > 20000) log(`${iso}: ${wofRows.length} WOF + ${gnRows.length} GeoNames rows → ${places.length} places`)
  }
  if (only) {
    // A partial rebuild keeps the other countries' entries; the world names index is left as it
    // was and may miss the rebuilt countries' new names until a full build.
    const previous = join(outDir, 'index.json')
    if (existsSync(previous)) index.countries = { ...JSON.parse(readFileSync(previous, 'utf8')).countries, ...index.countries }
    log('partial build: names.tsv.gz not rewritten; run a full build before committing')
  } else writeFileSync(join(outDir, 'names.tsv.gz'), gz(formatNames(names)))
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index) + '\n')
  return { countries: Object.keys(index.countries).length, places: total, bytes: dirBytes(outDir) }
}

function collectNames(names, iso, places) {
  for (const p of places) {
    for (const n of [p.name, ...p.altNames]) {
      const k = normalizePlaceName(n)
      if (!k) continue
      let m = names.get(k)
      if (!m) names.set(k, (m = new Map()))
      if ((m.get(iso) ?? -1) < p.population) m.set(iso, p.population)
    }
  }
}

/** "key\tIQ,SY" sorted by the UTF-8 bytes of the key, the order the runtime's binary search compares. */
export function formatNames(names) {
  const keys = [...names.keys()].map((k) => [k, Buffer.from(k, 'utf8')]).sort((a, b) => Buffer.compare(a[1], b[1])).map(([k]) => k)
  const lines = keys.map((k) => {
    const byPop = [...names.get(k)].sort((a, b) => b[1] - a[1]).map(([iso]) => iso)
    return `${k}\t${byPop.join(',')}`
  })
  return lines.join('\n') + '\n'
}

function dirBytes(dir) {
  let n = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size
  }
  return n
}

