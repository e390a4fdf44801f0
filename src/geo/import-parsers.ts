import type { PlaceRow } from './place-row.js'

/** A parsed import row, still carrying its country and the source's admin1 reference. */
export type ImportRow = PlaceRow & { country: string; admin1Code: string | null }
export type RowError = { line: number; reason: string }
export type ParsedFile = { format: 'geonames' | 'wof'; rows: ImportRow[]; errors: RowError[] }

const GEONAMES_COLUMNS = 19
// GeoNames feature codes → Sitrep kinds; everything else of class P is a locality.
const GN_KIND: Readonly<Record<string, string>> = { PPLX: 'neighbourhood', ADM1: 'region', ADM2: 'county', ADM3: 'county', AIRP: 'campus', AIRB: 'campus' }
const WOF_KIND: Readonly<Record<string, string>> = { microhood: 'neighbourhood', macrohood: 'neighbourhood', borough: 'neighbourhood' }

function coords(lat: string | undefined, lon: string | undefined): { lat: number; lon: number } | string {
  const la = Number(lat)
  const lo = Number(lon)
  if (!lat || !lon || !Number.isFinite(la) || !Number.isFinite(lo)) return 'latitude/longitude are not numbers'
  if (Math.abs(la) > 90 || Math.abs(lo) > 180) return 'latitude/longitude out of range'
  return { lat: la, lon: lo }
}

/** GeoNames country dump (IQ.txt): 19 tab-separated columns, no header. */
export function parseGeonamesDump(text: string, altNames: Map<string, string[]>): ParsedFile {
  const rows: ImportRow[] = []
  const errors: RowError[] = []
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return
    const f = line.split('\t')
    if (f.length < GEONAMES_COLUMNS) return errors.push({ line: i + 1, reason: `expected ${GEONAMES_COLUMNS} tab-separated columns, found ${f.length}` })
    const [id, name, ascii, alternates] = f
    const c = coords(f[4], f[5])
    if (!id || !/^\d+$/.test(id)) return errors.push({ line: i + 1, reason: 'geonameid is not a number' })
    if (!name) return errors.push({ line: i + 1, reason: 'empty name' })
    if (typeof c === 'string') return errors.push({ line: i + 1, reason: c })
    const country = (f[8] ?? '').toUpperCase()
    if (!/^[A-Z]{2}$/.test(country)) return errors.push({ line: i + 1, reason: `country code "${f[8]}" is not ISO 3166 alpha-2` })
    const alts = [ascii ?? '', ...(alternates ? alternates.split(',') : []), ...(altNames.get(id) ?? [])]
    rows.push({
      id: `g${id}`, name, altNames: alts.filter((a) => a && a !== name), ...c,
      admin1: null, admin1Code: f[10] || null, admin2: null,
      kind: GN_KIND[f[7] ?? ''] ?? (f[6] === 'P' ? 'locality' : 'area'),
      population: Number(f[14]) || 0, country,
    })
  })
  return { format: 'geonames', rows, errors }
}

/** GeoNames alternateNames file: id, geonameid, language, name, ... → names per geonameid. */
export function parseAlternateNames(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const SKIP = new Set(['link', 'post', 'iata', 'icao', 'faac', 'wkdt', 'unlc', 'tcid'])
  for (const line of text.split('\n')) {
    const f = line.split('\t')
    const gid = f[1]
    const lang = f[2] ?? ''
    const name = f[3]
    if (!gid || !name || SKIP.has(lang)) continue
    const list = out.get(gid)
    if (list) list.push(name)
    else out.set(gid, [name])
  }
  return out
}

/** One CSV record; quotes may wrap commas and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') { out.push(field); field = '' } else field += c
  }
  out.push(field)
  return out
}

/** Who's On First CSV in the shared extract format (header with wof_id, name, placetype, ...). */
export function parseWofCsv(text: string): ParsedFile {
  const lines = text.split('\n')
  const header = splitCsvLine(lines[0] ?? '')
  const col = (n: string): number => header.indexOf(n)
  const rows: ImportRow[] = []
  const errors: RowError[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string
    if (line.trim() === '') continue
    const f = splitCsvLine(line)
    const get = (n: string): string => f[col(n)] ?? ''
    const c = coords(get('latitude'), get('longitude'))
    if (!/^\d+$/.test(get('wof_id'))) { errors.push({ line: i + 1, reason: 'wof_id is not a number' }); continue }
    if (!get('name')) { errors.push({ line: i + 1, reason: 'empty name' }); continue }
    if (typeof c === 'string') { errors.push({ line: i + 1, reason: c }); continue }
    const country = get('country').toUpperCase()
    if (!/^[A-Z]{2}$/.test(country)) { errors.push({ line: i + 1, reason: `country "${get('country')}" is not ISO 3166 alpha-2` }); continue }
    if (get('placetype') === 'country') continue
    const alts = [get('name_eng'), get('name_ara'), get('name_other_latin')].flatMap((s) => (s ? s.split('|') : []))
    rows.push({
      id: `w${get('wof_id')}`, name: get('name'), altNames: alts.filter((a) => a && a !== get('name')), ...c,
      admin1: get('admin1') || null, admin1Code: null, admin2: get('admin2') || null,
      kind: WOF_KIND[get('placetype')] ?? (get('placetype') || 'locality'),
      population: Number(get('population')) || 0, country,
    })
  }
  return { format: 'wof', rows, errors }
}
