// Streaming readers for the gazetteer sources: Who's On First CSV extracts and GeoNames tables.
import { createReadStream, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

/** Lines of a text file, one at a time, without loading it whole. */
export async function* readLines(file) {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  for await (const line of rl) yield line
}

/** One CSV record split into fields; quotes may wrap commas and doubled quotes. */
export function splitCsv(line) {
  const out = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++ }
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') { out.push(field); field = '' }
    else field += c
  }
  out.push(field)
  return out
}

/** Records of a WOF extract as objects keyed by the header; a quoted newline joins two lines. */
export async function* readWofCsv(file) {
  let header = null
  let pending = ''
  for await (const line of readLines(file)) {
    const text = pending ? pending + '\n' + line : line
    if ((text.match(/"/g)?.length ?? 0) % 2 === 1) { pending = text; continue }
    pending = ''
    const fields = splitCsv(text)
    if (!header) { header = fields; continue }
    const row = {}
    header.forEach((h, i) => { row[h] = fields[i] ?? '' })
    yield row
  }
}

/** admin1CodesASCII.txt → Map "IQ.01" → { code, name, ascii, geonameId }; admin2 rows skipped. */
export function readAdminCodes(file, depth) {
  const out = new Map()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [code, name, ascii, geonameId] = line.split('\t')
    if (!code || !ascii || code.split('.').length !== depth + 1) continue
    out.set(code, { code, name, ascii, geonameId })
  }
  return out
}

/** countryInfo.txt → Map ISO2 → { iso2, iso3, name, capital, population, geonameId } */
export function readCountryInfo(file) {
  const out = new Map()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue
    const f = line.split('\t')
    if (!/^[A-Z]{2}$/.test(f[0])) continue // header lines, with or without '#'
    out.set(f[0], { iso2: f[0], iso3: f[1], name: f[4], capital: f[5], population: Number(f[7]) || 0, geonameId: f[16] })
  }
  return out
}

/** cities500.txt (GeoNames main table, 19 columns) → rows grouped by country. */
export async function readCities500(file) {
  const byCountry = new Map()
  for await (const line of readLines(file)) {
    const row = parseGeonamesLine(line)
    if (!row) continue
    let list = byCountry.get(row.country)
    if (!list) byCountry.set(row.country, (list = []))
    list.push(row)
  }
  return byCountry
}

/** One line of a GeoNames dump, or null when it is not one. */
export function parseGeonamesLine(line) {
  const f = line.split('\t')
  if (f.length < 19) return null
  const lat = Number(f[4])
  const lon = Number(f[5])
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !f[0] || !f[1]) return null
  return {
    geonameId: f[0], name: f[1], ascii: f[2], alternates: f[3] ? f[3].split(',') : [],
    lat, lon, featureClass: f[6], featureCode: f[7], country: f[8],
    admin1Code: f[10], admin2Code: f[11], population: Number(f[14]) || 0,
  }
}
