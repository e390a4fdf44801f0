import type { SitrepEvent } from '../types.js'
import type { Mention } from '../merge/mention.js'
import type { Review, StoredReport } from './store.js'
import type { ReviewStatus, StoredEvent } from './types.js'

/** Row shapes and conversions both backends share (column names are the same in both schemas). */
export type ReportRow = { id: number; ext_id: string; key: string; url: string | null; title: string | null; text: string; published: string | null; source: string | null; byline: string | null; ingested_at: string; coder_version: string | null }
export type MentionRow = { key: string; idx: number; data: string | SitrepEvent; event_id: string; rkey: string; ext_id: string; url: string | null; source: string | null; published: string | null; title: string | null }

const parsed = <T>(v: string | T): T => (typeof v === 'string' ? JSON.parse(v) as T : v)

export const toMention = (row: MentionRow): Mention => ({
  key: row.key, reportKey: row.rkey, reportId: row.ext_id, idx: row.idx, url: row.url, outlet: row.source,
  published: row.published, title: row.title, event: parsed<SitrepEvent>(row.data),
})

export const toReport = (r: ReportRow): StoredReport => ({
  id: r.ext_id, key: r.key, url: r.url, title: r.title, text: r.text, published: r.published, source: r.source,
  byline: r.byline, ingested_at: typeof r.ingested_at === 'string' ? r.ingested_at : new Date(r.ingested_at as unknown as number).toISOString(), coder_version: r.coder_version,
})

/** What merging reads of a mention: the event without its evidence (only `show` and exports need that). */
export const coreOf = (e: SitrepEvent): SitrepEvent => ({ ...e, evidence: {}, notes: '' })

export const REVIEW_OF: Record<Review['action'], ReviewStatus> = { confirm: 'confirmed', reject: 'rejected', correct: 'corrected' }

/** The actor names of an event in one searchable column, spelling kept (the filters ignore case). */
export const actorsText = (e: StoredEvent) => [e.actor1, e.assoc_actor_1, e.actor2, e.assoc_actor_2].flatMap((x) => (x ? x.split('; ') : [])).join(' | ')

/** The distinct actor names of an actors column. */
export const actorNames = (actors: string): string[] => [...new Set(actors.split(' | '))].filter(Boolean)

/** Actor names with their number of events, from the actors column of matching events. */
export function countActors(rows: { actors: string }[], q: string | null, limit: number): { name: string; events: number }[] {
  const counts = new Map<string, number>()
  for (const r of rows) for (const a of actorNames(r.actors)) counts.set(a, (counts.get(a) ?? 0) + 1)
  return topActors(counts, q, limit)
}

/** The names containing `q` (any case), most events first, ties by name. */
export function topActors(counts: Iterable<[string, number]>, q: string | null, limit: number): { name: string; events: number }[] {
  const needle = q?.toLowerCase()
  return [...counts].filter(([a, n]) => n > 0 && (!needle || a.toLowerCase().includes(needle)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([name, events]) => ({ name, events }))
}

/** Mention keys per former event id, for the merge plan. */
export function formerMembers(rows: { key: string; event_id: string }[]): Map<string, string[]> {
  const former = new Map<string, string[]>()
  for (const o of rows) (former.get(o.event_id) ?? former.set(o.event_id, []).get(o.event_id)!).push(o.key)
  return former
}
