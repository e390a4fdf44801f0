import type { StoredEvent, SourceClaim } from '../types.js'
import { acledValues, round, type AcledValues } from './acled-csv.js'

export type PointGeometry = { type: 'Point'; coordinates: [number, number] }

export type EventProperties = AcledValues & {
  background: boolean
  confidence: number
  geo_status: StoredEvent['geo_status']
  n_sources: number
  review: StoredEvent['review']
  sources: Pick<SourceClaim, 'report_id' | 'url' | 'outlet' | 'published' | 'fatalities'>[]
}

export type EventFeature = {
  type: 'Feature'
  id: string
  geometry: PointGeometry | null
  properties: EventProperties
}

/**
 * A Point at [longitude, latitude] (RFC 7946 §3.1.1 order), rounded to 6 decimals (about 10 cm,
 * finer than any gazetteer we use, as §11.2 advises). Missing or impossible coordinates give null:
 * RFC 7946 §3.2 allows an unlocated Feature, and the stored values stay in the properties.
 */
function point(e: StoredEvent): PointGeometry | null {
  const lon = round(e.longitude, 6)
  const lat = round(e.latitude, 6)
  if (lon == null || lat == null || Math.abs(lon) > 180 || Math.abs(lat) > 90) return null
  return { type: 'Point', coordinates: [lon, lat] }
}

/** One event as a GeoJSON Feature; `toFeature(e).geometry?.coordinates` is [lon, lat]. */
export function toFeature(e: StoredEvent): EventFeature {
  return {
    type: 'Feature',
    id: e.event_id,
    geometry: point(e),
    properties: {
      ...acledValues(e),
      background: e.background,
      confidence: e.confidence,
      geo_status: e.geo_status,
      n_sources: e.n_sources,
      review: e.review,
      sources: e.sources.map((s) => ({ report_id: s.report_id, url: s.url, outlet: s.outlet, published: s.published, fatalities: s.fatalities })),
    },
  }
}

/**
 * A FeatureCollection written feature by feature, so an export of a million events holds one in
 * memory at a time. Nothing is written before the first add() or end(); end() closes the document.
 * `const w = geojsonWriter((s) => out.write(s)); for (const e of events) w.add(e); w.end()`
 */
export function geojsonWriter(write: (s: string) => void): { add(e: StoredEvent): void; end(): void } {
  let count = 0
  let started = false
  let ended = false
  const start = () => {
    if (ended) throw new Error('geojsonWriter: used after end()')
    // No `crs` member: RFC 7946 §4 fixes WGS 84 and dropped it.
    if (!started) { write('{"type":"FeatureCollection","features":['); started = true }
  }
  return {
    add(e) {
      start()
      // One feature a line keeps the file greppable and diffable.
      write((count++ === 0 ? '\n' : ',\n') + JSON.stringify(toFeature(e)))
    },
    end() {
      start()
      write(count === 0 ? ']}\n' : '\n]}\n')
      ended = true
    },
  }
}
