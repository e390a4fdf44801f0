import { writeNotes } from '../coding/notes.js'
import { rules } from '../data/load.js'
import type { SitrepEvent } from '../types.js'
import type { SourceClaim, StoredEvent } from '../store/types.js'
import { eventIdFor, type Mention } from './mention.js'
import type { MergeRules } from './rules.js'

/**
 * How a merged event's value is chosen from its sources (each source's own claim is kept in
 * `sources`). The rules, by field:
 * - event_type, sub_event_type: the sub-type most sources give; a tie goes to the most confident
 *   source, then to the earlier entry of merge.json's compatible groups (suicide bomb before IED).
 * - actors: those of that lead source, but a named actor1 replaces an unidentified one
 *   ("named-over-unidentified").
 * - place: the most precise resolved pin (geo_precision 1 over 2 over 3), then the name most sources
 *   use, then the earliest report.
 * - event_date: the earliest date among the most precise (day over week over month).
 * - fatalities, arrests: the codebook's conservative figure over the latest news. Sources that give a
 *   figure are grouped by publication day; the latest day's lowest figure wins ("lowest-of-latest"):
 *   an updated toll replaces an early one, and conflicting reports of one day take the lowest.
 * - confidence: 1 - product of (1 - confidence) over sources: independent reports corroborate.
 */
export const MERGE_RULES = {
  sub_event_type: 'majority-then-confidence',
  actor1: 'lead-source', place: 'most-precise-pin', event_date: 'earliest-most-precise',
  fatalities: 'lowest-of-latest', arrests: 'lowest-of-latest', confidence: 'corroboration',
} as const

const byPublished = (a: Mention, b: Mention) =>
  (a.published ?? '').localeCompare(b.published ?? '') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

function regionOf(iso3: string | null): string | null {
  if (!iso3) return null
  return rules().countries.find((c) => c.iso3 === iso3)?.region ?? null
}

function lowestOfLatest(ms: Mention[], pick: (e: SitrepEvent) => number | null, positiveOnly: boolean): number | null {
  const given = ms.filter((m) => { const v = pick(m.event); return v !== null && (!positiveOnly || v > 0) })
  if (!given.length) return null
  const latest = given.map((m) => m.published ?? '').reduce((a, b) => (b > a ? b : a))
  return Math.min(...given.filter((m) => (m.published ?? '') === latest).map((m) => pick(m.event)!))
}

export function claimOf(m: Mention): SourceClaim {
  const e = m.event
  return {
    report_id: m.reportId, url: m.url, outlet: m.outlet, published: m.published, title: m.title, mention: m.idx,
    event_type: e.event_type, sub_event_type: e.sub_event_type, actor1: e.actor1, actor2: e.actor2,
    event_date: e.event_date, time_precision: e.time_precision, location: e.location, admin1: e.admin1,
    latitude: e.latitude, longitude: e.longitude, geo_precision: e.geo_precision, fatalities: e.fatalities, arrests: e.arrests,
  }
}

const outletOf = (m: Mention) => {
  if (m.outlet) return m.outlet
  try { return m.url ? new URL(m.url).hostname : m.reportId } catch { return m.reportId }
}

/** The merged event of one incident, without corrections or review state (the store adds those). */
export function mergeEvent(cluster: Mention[], r: MergeRules, now = Math.floor(Date.now() / 1000)): StoredEvent {
  const ms = [...cluster].sort(byPublished)
  const order = r.compatible_sub_events.groups.flat()
  const votes = new Map<string, number>()
  for (const m of ms) votes.set(m.event.sub_event_type, (votes.get(m.event.sub_event_type) ?? 0) + 1)
  const rank = (m: Mention) => [-(votes.get(m.event.sub_event_type) ?? 0), -m.event.confidence, order.indexOf(m.event.sub_event_type) >>> 0]
  const lead = [...ms].sort((a, b) => { const x = rank(a), y = rank(b); return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]! || byPublished(a, b) })[0]!

  const unknown = (x: string | null) => !x || r.unknown_actor_prefixes.prefixes.some((p) => x.startsWith(p))
  const named = unknown(lead.event.actor1) ? ms.find((m) => !unknown(m.event.actor1) && m.event.event_type === lead.event.event_type) : undefined
  const doer = named ?? lead

  const nameVotes = new Map<string, number>()
  for (const m of ms) if (m.event.location) nameVotes.set(m.event.location, (nameVotes.get(m.event.location) ?? 0) + 1)
  const where = [...ms].sort((a, b) =>
    Number(a.event.geo_status !== 'resolved') - Number(b.event.geo_status !== 'resolved')
    || (a.event.geo_precision ?? 9) - (b.event.geo_precision ?? 9)
    || (nameVotes.get(b.event.location ?? '') ?? 0) - (nameVotes.get(a.event.location ?? '') ?? 0)
    || byPublished(a, b))[0]!

  const dated = ms.filter((m) => m.event.event_date)
  const bestTp = Math.min(...dated.map((m) => m.event.time_precision ?? 3))
  const when = dated.filter((m) => (m.event.time_precision ?? 3) === bestTp).sort((a, b) => a.event.event_date!.localeCompare(b.event.event_date!))[0] ?? lead

  const L = lead.event, D = doer.event, W = where.event
  const inter1 = D.inter1, inter2 = L.inter2
  const base: SitrepEvent = {
    ...L,
    actor1: D.actor1, assoc_actor_1: D.assoc_actor_1, inter1,
    interaction: inter1 ? (inter2 ? Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2) : inter1 * 10) : null,
    country: W.country, iso: W.iso, admin1: W.admin1, admin2: W.admin2, location: W.location, latitude: W.latitude, longitude: W.longitude,
    geo_precision: W.geo_precision, geo_status: W.geo_status, ...(W.geo_candidates ? { geo_candidates: W.geo_candidates } : {}),
    event_date: when.event.event_date, time_precision: when.event.time_precision,
    fatalities: lowestOfLatest(ms, (e) => e.fatalities, true) ?? 0,
    arrests: lowestOfLatest(ms, (e) => e.arrests, false),
    background: ms.every((m) => m.event.background),
    confidence: Math.min(0.99, Math.round((1 - ms.reduce((p, m) => p * (1 - m.event.confidence), 1)) * 100) / 100),
  }
  base.notes = writeNotes(base)
  const { evidence: _evidence, event_id: _id, ...fields } = base
  return {
    ...fields,
    event_id: eventIdFor(W.iso, ms.map((m) => m.key)),
    year: base.event_date ? Number(base.event_date.slice(0, 4)) : null,
    region: regionOf(W.iso), admin3: null,
    source: [...new Set(ms.map(outletOf))].join('; '), source_scale: null, tags: null,
    timestamp: now, n_sources: new Set(ms.map((m) => m.reportKey)).size, sources: ms.map(claimOf),
    merge_rules: { ...MERGE_RULES, actor1: named ? 'named-over-unidentified' : 'lead-source' },
    corrections: [], review: 'unreviewed',
  }
}
