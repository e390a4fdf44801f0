import type { Correction, ReviewStatus, StoredEvent } from './types.js'

/** Fields an analyst may correct; the rest (ids, sources, bookkeeping) belong to the store. */
export const CORRECTABLE = new Set([
  'event_date', 'time_precision', 'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'country', 'iso', 'admin1', 'admin2',
  'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'arrests', 'notes', 'background', 'tags',
])

/** The event as analysts see it: the coder's merged value with their corrections on top. */
export function applyCorrections(e: StoredEvent, corrections: Correction[], review: ReviewStatus): StoredEvent {
  if (!corrections.length && review === 'unreviewed') return e
  const out: Record<string, unknown> = { ...e }
  for (const c of corrections) out[c.field] = c.value
  if (typeof out.event_date === 'string') out.year = Number((out.event_date as string).slice(0, 4))
  return { ...(out as StoredEvent), corrections, review }
}
