import type { ReportInput, SitrepEvent } from '../types.js'
import type { EventQuery, ReviewStatus, StoredEvent } from './types.js'

export type StoredReport = {
  id: string
  key: string
  url: string | null
  title: string | null
  text: string
  published: string | null
  source: string | null
  byline: string | null
  ingested_at: string
  coder_version: string | null
}

export type AddReportResult = {
  status: 'new' | 'seen'
  /** the merged events this report's events now belong to, in the report's order */
  eventIds: string[]
  /** events that did not exist before this report */
  eventsNew: number
  /** events of this report that joined an existing event */
  eventsMerged: number
}

export type Review =
  | { action: 'confirm'; comment?: string | null; author?: string | null }
  | { action: 'reject'; comment?: string | null; author?: string | null }
  | { action: 'correct'; fields: Record<string, unknown>; comment?: string | null; author?: string | null }

export type StatsBucket = 'day' | 'week' | 'month'
export type StatsBy = 'event_type' | 'country' | 'admin1'
/** one period (its first day) and key: how many events and fatalities */
export type StatsRow = { period: string; key: string; events: number; fatalities: number }
/** the fewest fields a map needs, for tens of thousands of events at once */
export type EventPoint = { event_id: string; latitude: number; longitude: number; event_type: string; fatalities: number; event_date: string }
/**
 * Map points as columns, `type` indexing `types`: for 100,000 events a third of the bytes of one
 * object a point, and built from raw rows without an object per event.
 */
export type PointColumns = { count: number; types: string[]; event_id: string[]; latitude: number[]; longitude: number[]; type: number[]; fatalities: number[]; event_date: string[] }

export type ReviewEntry = { event_id: string; action: Review['action']; fields: Record<string, unknown> | null; comment: string | null; author: string | null; at: string }
export type HistoryEntry = { old_id: string; new_id: string; reason: string; at: string }
export type EventMention = { report: StoredReport; idx: number; event: SitrepEvent }

/**
 * The event store. SQLite and PostgreSQL implement it; `test/store-conformance.ts` is the contract
 * both must pass. Writes are serialised per store object; merging happens inside `addReport`.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres'
  /** applies pending migrations; safe when several processes start at once */
  migrate(): Promise<{ applied: number[] }>
  close(): Promise<void>
  /** whether a report with this URL or this normalised text is stored */
  seen(ref: { url?: string | null; text?: string }): Promise<boolean>
  /** stores a coded report (once: same URL or same normalised text is 'seen') and merges its events */
  addReport(report: ReportInput, events: SitrepEvent[], coderVersion: string): Promise<AddReportResult>
  /** many reports in one transaction; a failing report is rolled back alone and gets { error } */
  addReports(batch: { report: ReportInput; events: SitrepEvent[] }[], coderVersion: string): Promise<(AddReportResult | { error: string })[]>
  /** replaces a stored report's coding (after the coder improved); corrections are kept */
  recodeReport(id: string, events: SitrepEvent[], coderVersion: string): Promise<{ changed: boolean }>
  reports(): AsyncIterable<StoredReport>
  getReport(id: string): Promise<StoredReport | null>
  queryEvents(q: EventQuery): Promise<{ events: StoredEvent[]; next: string | null }>
  /** every event matching q, in pages, for exports */
  streamEvents(q: EventQuery): AsyncIterable<StoredEvent>
  /** an event by id; an id that was merged away resolves to the event it joined */
  getEvent(id: string): Promise<StoredEvent | null>
  eventMentions(id: string): Promise<EventMention[]>
  /** one entry per stored report: its own coding, each event with its merged event_id */
  eventsByReport(): AsyncIterable<{ id: string; events: (SitrepEvent & { event_id: string })[] }>
  history(id: string): Promise<HistoryEntry[]>
  review(id: string, review: Review): Promise<StoredEvent>
  reviews(id: string): Promise<ReviewEntry[]>
  counts(): Promise<{ reports: number; events: number; mentions: number }>
  /** counts and fatalities per period (week periods start on Monday) and key, with the filters of q */
  stats(q: EventQuery, bucket: StatsBucket, by: StatsBy): Promise<StatsRow[]>
  /** actor names with their number of events, most frequent first; `q` filters by substring */
  actors(q: string | null, limit: number): Promise<{ name: string; events: number }[]>
  /** located events matching q, newest first, at most `limit` */
  points(q: EventQuery, limit: number): Promise<PointColumns>
  /** bulk load of finished events (benchmarks, store migration); no merging */
  importEvents(events: StoredEvent[]): Promise<void>
}

export type { ReviewStatus }
