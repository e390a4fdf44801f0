#!/usr/bin/env node
// Builds data/geo/iso-numeric.json (ISO3 -> ISO 3166-1 numeric) from GeoNames' countryInfo.txt.
// ACLED's `iso` column is the numeric code (Iraq = 368), while Sitrep stores ISO3 ('IRQ'); the
// exporter maps through this file so the runtime never needs ../shared.
// Source: GeoNames (geonames.org), CC BY 4.0. Kosovo has no ISO code; GeoNames gives XKX = 0, which
// is also what ACLED puts in its iso column, so it is kept.
//
//   node scripts/build-iso-numeric.mjs [--in ../shared/gazetteer/geonames/countryInfo.txt] [--out data/geo/iso-numeric.json]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function parseArgs(argv) {
  const opts = { in: resolve(ROOT, '..', 'shared', 'gazetteer', 'geonames', 'countryInfo.txt'), out: join(ROOT, 'data', 'geo', 'iso-numeric.json') }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--in') opts.in = resolve(argv[++i])
    else if (a === '--out') opts.out = resolve(argv[++i])
    else if (a === '--help' || a === '-h') { console.log('usage: build-iso-numeric.mjs [--in countryInfo.txt] [--out iso-numeric.json]'); process.exit(0) }
    else throw new Error(`unknown argument ${a}`)
  }
  return opts
}

/** Reads the ISO3 and ISO-Numeric columns, located by the header so a column reorder fails loudly. */
function isoNumericFromCountryInfo(text) {
  const lines = text.split(/\r?\n/)
  // Older GeoNames dumps comment the header out ("#ISO\tISO3..."); newer ones do not.
  const headerAt = lines.findIndex((l) => /^#?ISO\tISO3\t/.test(l))
  if (headerAt < 0) throw new Error('countryInfo.txt: no header line starting with ISO<TAB>ISO3')
  const header = lines[headerAt].replace(/^#/, '').split('\t')
  const iso3Col = header.indexOf('ISO3')
  const numCol = header.indexOf('ISO-Numeric')
  if (numCol < 0) throw new Error('countryInfo.txt: no ISO-Numeric column')
  const map = {}
  lines.slice(headerAt + 1).forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return
    const cols = line.split('\t')
    const iso3 = cols[iso3Col]
    const num = cols[numCol]
    if (!/^[A-Z]{3}$/.test(iso3 ?? '') || !/^\d{1,3}$/.test(num ?? '')) throw new Error(`countryInfo.txt line ${headerAt + i + 2}: bad ISO3 "${iso3}" or ISO-Numeric "${num}"`)
    if (iso3 in map) throw new Error(`countryInfo.txt line ${headerAt + i + 2}: ${iso3} appears twice`)
    map[iso3] = Number(num)
  })
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)))
}

const opts = parseArgs(process.argv.slice(2))
let text
try {
  text = readFileSync(opts.in, 'utf8')
} catch (e) {
  console.error(`cannot read ${opts.in}: ${e.message} (pass --in path/to/countryInfo.txt)`)
  process.exit(1)
}
const map = isoNumericFromCountryInfo(text)
mkdirSync(dirname(opts.out), { recursive: true })
writeFileSync(opts.out, JSON.stringify(map, null, 2) + '\n')
console.log(`wrote ${Object.keys(map).length} countries to ${opts.out}`)
