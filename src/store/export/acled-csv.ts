import { join } from 'node:path'
import { z } from 'zod/v3'
import { DEFAULT_DATA_DIR, readJson } from '../../data/load.js'
import type { StoredEvent } from '../types.js'

/** ACLED's export columns, in ACLED's order: scripts written for ACLED files index them by name or position. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const

export type AcledColumn = (typeof ACLED_COLUMNS)[number]
export type AcledValues = Record<AcledColumn, string | number | null>

/**
 * Line end of every CSV line, header included: CRLF as RFC 4180 §2.1 asks. Line breaks inside a
 * field (notes quoting a report) are kept as they are, inside quotes.
 */
export const CSV_EOL = '\r\n'

const IsoNumericSchema = z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0).max(999))
const isoCache = new Map<string, ReadonlyMap<string, number>>()

/**
 * ISO3 -> ISO 3166-1 numeric, from data/geo/iso-numeric.json (built by scripts/build-iso-numeric.mjs),
 * loaded once per data folder: `isoNumericCodes().get('IRQ') === 368`.
 */
export function isoNumericCodes(dir = DEFAULT_DATA_DIR): ReadonlyMap<string, number> {
  let codes = isoCache.get(dir)
  if (codes) return codes
  const data = readJson(join(dir, 'geo', 'iso-numeric.json'), IsoNumericSchema)
  codes = new Map(Object.entries(data))
  isoCache.set(dir, codes)
  return codes
}

/** Rounds to at most `digits` decimals without trailing zeros: round(33.4211111, 5) === 33.42111. */
export function round(n: number | null, digits: number): number | null {
  return n == null || !Number.isFinite(n) ? null : Number(n.toFixed(digits))
}

/**
 * The ACLED columns of an event as typed values (null where empty), shared by the CSV and GeoJSON
 * exports: `acledValues(e).iso === 368` for an event in Iraq.
 */
export function acledValues(e: StoredEvent, isoCodes: ReadonlyMap<string, number> = isoNumericCodes()): AcledValues {
  // year follows event_date so the two can never disagree; the stored year is only a fallback.
  const year = e.event_date && /^\d{4}-/.test(e.event_date) ? Number(e.event_date.slice(0, 4)) : e.year
  return {
    event_id_cnty: e.event_id,
    event_date: e.event_date,
    year,
    time_precision: e.time_precision,
    disorder_type: e.disorder_type,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1,
    assoc_actor_1: e.assoc_actor_1,
    inter1: e.inter1,
    actor2: e.actor2,
    assoc_actor_2: e.assoc_actor_2,
    inter2: e.inter2,
    interaction: e.interaction,
    // ACLED's column holds exactly this phrase or nothing.
    civilian_targeting: e.civilian_targeting ? 'Civilian targeting' : null,
    // An ISO3 the table does not know gives an empty cell, not a guessed number.
    iso: e.iso == null ? null : (isoCodes.get(e.iso.toUpperCase()) ?? null),
    region: e.region,
    country: e.country,
    admin1: e.admin1,
    admin2: e.admin2,
    admin3: e.admin3,
    location: e.location,
    latitude: round(e.latitude, 5),
    longitude: round(e.longitude, 5),
    geo_precision: e.geo_precision,
    source: e.source,
    source_scale: e.source_scale,
    notes: e.notes,
    fatalities: e.fatalities,
    tags: e.tags,
    timestamp: Number.isFinite(e.timestamp) ? Math.floor(e.timestamp) : null,
  }
}

/** One event as ACLED's CSV cells, in ACLED_COLUMNS order, nulls as '': `acledRow(e)[15] === '368'`. */
export function acledRow(e: StoredEvent): string[] {
  const v = acledValues(e)
  return ACLED_COLUMNS.map((c) => {
    const x = v[c]
    return x == null ? '' : String(x)
  })
}

/**
 * RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted and its quotes doubled.
 *
 * Values are written exactly as stored, even a note starting with '=', '+', '-' or '@' that a
 * spreadsheet would run as a formula: ACLED's users read these files with R and pandas, and a
 * prefixed apostrophe would corrupt every value they read. Whoever opens the file in a spreadsheet
 * should import it as text.
 */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** The header line, with its CRLF: `event_id_cnty,event_date,year,...,timestamp\r\n`. No BOM. */
export function acledCsvHeader(): string {
  return ACLED_COLUMNS.join(',') + CSV_EOL
}

/** One event as a CSV line, with its CRLF; acledCsvHeader() + lines is a complete file. */
export function acledCsvLine(e: StoredEvent): string {
  return acledRow(e).map(csvField).join(',') + CSV_EOL
}

/**
 * A streaming CSV writer (the shape of geojsonWriter): the header goes out with the first add() or
 * end(), so an empty export is still a file with a header.
 * `const w = acledCsvWriter((s) => out.write(s)); for (const e of events) w.add(e); w.end()`
 */
export function acledCsvWriter(write: (s: string) => void): { add(e: StoredEvent): void; end(): void } {
  let started = false
  let ended = false
  const start = () => {
    if (ended) throw new Error('acledCsvWriter: used after end()')
    if (!started) { write(acledCsvHeader()); started = true }
  }
  return {
    add(e) { start(); write(acledCsvLine(e)) },
    end() { start(); ended = true },
  }
}
