import type { SitrepEvent } from '../types.js'
import type { MergeRules } from './rules.js'
import { dayNumber, placeKeys } from './similar.js'

/**
 * Where a store must look for an event's merge candidates: the days its date window can overlap
 * another's, its name keys, and a box around its pin a little larger than the largest merge distance.
 * Both backends build their candidate query, and PostgreSQL its merge-lock keys, from this.
 */
export function candidateWindow(e: SitrepEvent, r: MergeRules) {
  const day = dayNumber(e.event_date)
  if (day === null) return null
  const w = r.date_window_days
  const own = w[String(e.time_precision ?? 3) as '1']
  const reach = Math.ceil(own + Math.max(w['1'], w['2'], w['3']))
  const { key, skeleton } = placeKeys(e.location)
  const lat = e.latitude ?? 999, lon = e.longitude ?? 999
  const dLat = (Math.max(r.max_km['1'], r.max_km['2'], r.max_km['3']) + 1) / 111 // km a degree of latitude
  const dLon = Math.min(180, dLat / Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat)) * Math.PI) / 180)))
  return {
    day, reach, own, key, skeleton,
    /** the query parameters both backends use, in this order */
    params: [e.iso, day - reach, day + reach, day, own, w['1'], w['2'], w['3'], key, skeleton, lat - dLat, lat + dLat, lon - dLon, lon + dLon] as const,
  }
}
