import { haversineKm } from '../geo/geo-math.js'
import { normalizePlaceName, skeletonKey } from '../geo/normalize.js'
import type { SitrepEvent } from '../types.js'
import type { Mention } from './mention.js'
import type { MergeRules } from './rules.js'

const DAY_MS = 86_400_000
export const dayNumber = (date: string | null) => (date ? Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS) : null)

type Place = { base: string; part: string | null; skeleton: string }
const placeCache = new Map<string, Place>()
/** The name keys the store indexes mentions by, to fetch only those that can match by name. */
export function placeKeys(location: string | null): { key: string | null; skeleton: string | null } {
  if (!location) return { key: null, skeleton: null }
  const p = placeOf(location)
  return { key: p.base, skeleton: p.skeleton.length >= 3 ? p.skeleton : null }
}

/** "Baghdad - Karrada" is the Karrada part of Baghdad: same town as "Baghdad", not as "Baghdad - Sha'ab". */
function placeOf(location: string): Place {
  let p = placeCache.get(location)
  if (!p) {
    const [base, ...rest] = location.split(' - ')
    const key = normalizePlaceName(base!)
    p = { base: key, part: rest.length ? normalizePlaceName(rest.join(' - ')) : null, skeleton: skeletonKey(key) }
    if (placeCache.size > 50_000) placeCache.clear()
    placeCache.set(location, p)
  }
  return p
}

export type PlaceMatch = { sameName: boolean; km: number | null }

/** Whether two events sit at one place: by name (transliteration-tolerant) or by nearby pins. */
export function samePlace(a: SitrepEvent, b: SitrepEvent, r: MergeRules): PlaceMatch | null {
  if (a.iso && b.iso && a.iso !== b.iso) return null
  if (a.admin1 && b.admin1 && a.admin1 !== b.admin1) return null
  let sameName = false
  if (a.location && b.location) {
    const pa = placeOf(a.location), pb = placeOf(b.location)
    if (pa.part && pb.part && pa.part !== pb.part) return null
    sameName = pa.base === pb.base || (pa.skeleton.length >= 3 && pa.skeleton === pb.skeleton)
  }
  const km = a.latitude != null && a.longitude != null && b.latitude != null && b.longitude != null
    ? haversineKm(a.latitude, a.longitude, b.latitude, b.longitude) : null
  if (sameName) return { sameName, km }
  if (km === null || a.geo_status !== 'resolved' || b.geo_status !== 'resolved') return null
  const coarser = String(Math.max(a.geo_precision ?? 3, b.geo_precision ?? 3)) as '1' | '2' | '3'
  const max = r.max_km[coarser]
  return max > 0 && km <= max ? { sameName, km } : null
}

/** Windows by time precision overlap: a week-precision event may join a day inside its week. */
export function sameTime(a: SitrepEvent, b: SitrepEvent, r: MergeRules): number | null {
  const da = dayNumber(a.event_date), db = dayNumber(b.event_date)
  if (da === null || db === null) return null
  const wa = r.date_window_days[String(a.time_precision ?? 3) as '1'], wb = r.date_window_days[String(b.time_precision ?? 3) as '1']
  const gap = Math.abs(da - db)
  return gap <= wa + wb ? gap : null
}

export function compatibleSubEvents(a: SitrepEvent, b: SitrepEvent, r: MergeRules): boolean {
  if (a.event_type !== b.event_type) return false
  if (a.sub_event_type === b.sub_event_type) return true
  return r.compatible_sub_events.groups.some((g) => g.includes(a.sub_event_type) && g.includes(b.sub_event_type))
}

const actorsOf = (e: SitrepEvent) => [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].flatMap((x) => (x ? x.split('; ') : []))

/** Number of shared actors, or null when the two name different, known doers. */
export function sharedActors(a: SitrepEvent, b: SitrepEvent, r: MergeRules): number | null {
  const A = new Set(actorsOf(a))
  const shared = actorsOf(b).filter((x) => A.has(x)).length
  if (shared > 0) return shared
  const unknown = (x: string | null) => !x || r.unknown_actor_prefixes.prefixes.some((p) => x.startsWith(p))
  return unknown(a.actor1) || unknown(b.actor1) ? 0 : null
}

/**
 * How strongly two mentions are one incident, or null when they are not: never two events of one
 * report (its coder already split them), never a background mention.
 */
export function similarity(x: Mention, y: Mention, r: MergeRules): number | null {
  if (x.reportKey === y.reportKey) return null
  const a = x.event, b = y.event
  if (a.background || b.background) return null
  if (!compatibleSubEvents(a, b, r)) return null
  const gap = sameTime(a, b, r)
  if (gap === null) return null
  const actors = sharedActors(a, b, r)
  if (actors === null) return null
  const place = samePlace(a, b, r)
  if (!place) return null
  const w = r.score
  return (place.sameName ? w.same_name : 0)
    + (a.sub_event_type === b.sub_event_type ? w.same_sub_event : 0)
    + (gap === 0 ? w.same_day : 0)
    + Math.min(actors, 2) * w.shared_actor
    + (place.km !== null ? w.distance * Math.max(0, 1 - place.km / 30) : 0)
}
