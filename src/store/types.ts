import type { SitrepEvent } from '../types.js'

/** What one report said about a merged event: kept per source, never overwritten by the merge. */
export type SourceClaim = {
  report_id: string
  url: string | null
  outlet: string | null
  published: string | null
  title: string | null
  /** index of this event in the report's own coding */
  mention: number
  event_type: SitrepEvent['event_type']
  sub_event_type: string
  actor1: string | null
  actor2: string | null
  event_date: string | null
  time_precision: SitrepEvent['time_precision']
  location: string | null
  admin1: string | null
  latitude: number | null
  longitude: number | null
  geo_precision: SitrepEvent['geo_precision']
  fatalities: number
  arrests: number | null
}

export type ReviewStatus = 'unreviewed' | 'confirmed' | 'rejected' | 'corrected'

/** An analyst's correction of one field, kept apart from coder output so re-coding never loses it. */
export type Correction = { field: string; value: unknown; comment: string | null; at: string; author: string | null }

/**
 * A merged event as stored and exported: the coder's fields (merged over its sources, corrections
 * applied on top) plus the ACLED columns the coder does not fill and Sitrep's bookkeeping.
 */
export type StoredEvent = Omit<SitrepEvent, 'event_id' | 'evidence'> & {
  event_id: string
  year: number | null
  /** ACLED region of the country, e.g. "Middle East" */
  region: string | null
  admin3: string | null
  /** the outlets of the sources, '; '-joined, as ACLED's source column */
  source: string
  source_scale: string | null
  tags: string | null
  /** unix seconds of the last change */
  timestamp: number
  n_sources: number
  sources: SourceClaim[]
  /** field -> the merge rule that chose its value (see docs in src/merge/values.ts) */
  merge_rules: Record<string, string>
  corrections: Correction[]
  review: ReviewStatus
}

/** Filters shared by `sitrep events`, the HTTP API and every Store backend. */
export type EventQuery = {
  /** country names, ISO3 or ISO2 codes */
  country?: string[]
  admin1?: string[]
  type?: string[]
  subType?: string[]
  /** substring of actor1, actor2 or their associates, case-insensitive */
  actor?: string
  /** inclusive YYYY-MM-DD */
  since?: string
  until?: string
  /** west, south, east, north in degrees */
  bbox?: [number, number, number, number]
  /** full-text query over notes and source report texts */
  q?: string
  minFatalities?: number
  /** at least this confidence (0..1: the chance the event is real and rightly typed) */
  minConfidence?: number
  /** only events of these review statuses; given, it replaces the default that hides rejected events */
  review?: ReviewStatus[]
  includeBackground?: boolean
  includeRejected?: boolean
  limit?: number
  /** opaque cursor returned by the previous page (of the same order) */
  cursor?: string
  /** desc: newest first (the default); asc: oldest first; confidence: least certain first, the review queue */
  order?: EventOrder
}

export const EVENT_ORDERS = ['desc', 'asc', 'confidence'] as const
export type EventOrder = (typeof EVENT_ORDERS)[number]
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['unreviewed', 'confirmed', 'rejected', 'corrected']
