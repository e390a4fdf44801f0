/**
 * The on-disk row of a place: one tab-separated line per place in data/gazetteer/places/XX.tsv.gz.
 * Shared by the loader, the importer and scripts/build-gazetteer.mjs so the format lives in one place.
 */

export const PLACE_COLUMNS = ['id', 'name', 'alt', 'lat', 'lon', 'admin1', 'admin2', 'kind', 'population'] as const

/** The fields of a row, before the country's display name is attached. */
export type PlaceRow = {
  id: string
  name: string
  altNames: string[]
  lat: number
  lon: number
  admin1: string | null
  admin2: string | null
  kind: string
  population: number
}

const SEPARATORS = /[\t\n\r|]+/g

function clean(s: string): string {
  return s.replace(SEPARATORS, ' ').trim()
}

/** Five decimals: about one metre, enough for a village and smaller on disk. */
export function roundCoord(x: number): number {
  return Math.round(x * 1e5) / 1e5
}

/** formatPlaceRow({id: "w1", name: "Ramadi", ...}) → "w1\tRamadi\tRamadie|الرمادي\t33.42056\t..." */
export function formatPlaceRow(p: PlaceRow): string {
  return [
    clean(p.id),
    clean(p.name),
    p.altNames.map(clean).filter((a) => a.length > 0).join('|'),
    String(roundCoord(p.lat)),
    String(roundCoord(p.lon)),
    p.admin1 === null ? '' : clean(p.admin1),
    p.admin2 === null ? '' : clean(p.admin2),
    clean(p.kind),
    p.population > 0 ? String(Math.round(p.population)) : '',
  ].join('\t')
}

/** The inverse of formatPlaceRow; undefined for a line that is not a place row. */
export function parsePlaceRow(line: string): PlaceRow | undefined {
  const f = line.split('\t')
  if (f.length < 8) return undefined
  const lat = Number(f[3])
  const lon = Number(f[4])
  if (!f[0] || !f[1] || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined
  return {
    id: f[0],
    name: f[1],
    altNames: f[2] ? f[2].split('|') : [],
    lat,
    lon,
    admin1: f[5] ? f[5] : null,
    admin2: f[6] ? f[6] : null,
    kind: f[7] || 'locality',
    population: f[8] ? Number(f[8]) || 0 : 0,
  }
}
