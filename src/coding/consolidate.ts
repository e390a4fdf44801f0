import type { Evidence, SitrepEvent } from '../types.js'
import type { Draft } from './cluster.js'
import type { MergeRules } from '../merge/rules.js'
import { samePlace, sameTime } from '../merge/similar.js'

export type Coded = { draft: Draft; event: SitrepEvent }

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians'])
// 'later that evening', 'returned', 'again': the text says this is a new episode, not a retelling
const ANOTHER = /\b(a second|another|a separate|a further|a third|a fresh|a new|separately|in a separate|elsewhere|meanwhile|later|again|returned|renewed|resumed)\b/i

// violence against civilians is coded by what was done: killings, abductions and rapes of one raid are separate events
const KEEP_APART = new Set(['Abduction/forced disappearance', 'Sexual violence'])

// data/rules/merge.json within_report: a march that turns violent is one event of its most severe telling
const ladderOf = (sub: string, r: MergeRules) => r.within_report.escalation.find((l) => l.includes(sub))

function typesFit(a: Coded, b: Coded, r: MergeRules): boolean {
  const x = a.event, y = b.event
  if (x.sub_event_type === y.sub_event_type) return true
  const ladder = ladderOf(x.sub_event_type, r)
  const apart = r.within_report.apart.some(([p, q]) => (p === x.sub_event_type && q === y.sub_event_type) || (q === x.sub_event_type && p === y.sub_event_type))
  if (ladder && ladder.includes(y.sub_event_type) && !apart) return true
  if (KEEP_APART.has(x.sub_event_type) || KEEP_APART.has(y.sub_event_type)) return false
  if (x.event_type === y.event_type && r.compatible_sub_events.groups.some((g) => g.includes(x.sub_event_type) && g.includes(y.sub_event_type))) return true
  // "the blast killed 12" told after "a suicide bomber struck": a generic telling joins the specific one
  return (a.draft.generic || b.draft.generic) && VIOLENT.has(x.event_type) && x.event_type === y.event_type
}

// a telling that names no place, or only the province or the country, sits inside the incident's place
const vague = (e: SitrepEvent) => !e.location || e.location === e.admin1 || e.location === e.country

function placesFit(x: SitrepEvent, y: SitrepEvent, r: MergeRules): boolean {
  if (x.iso && y.iso && x.iso !== y.iso) return false
  if (vague(x) || vague(y)) return !x.admin1 || !y.admin1 || x.admin1 === y.admin1
  // two places named apart are two events (codebook: one event per place), whatever their distance
  const same = samePlace(x, y, r)
  return !!same && (same.sameName || (same.km !== null && same.km <= 2))
}

// within one report the text dates each telling: two days named are two days (across reports a day either side is noise)
const datesFit = (x: SitrepEvent, y: SitrepEvent, r: MergeRules) => !x.event_date || !y.event_date || (x.time_precision === 1 && y.time_precision === 1 ? x.event_date === y.event_date : sameTime(x, y, r) !== null)

// the doers must agree: an unnamed one agrees with any, two named ones only when they are the same
const unnamed = (a: string | null, r: MergeRules) => !a || r.unknown_actor_prefixes.prefixes.some((p) => a.startsWith(p))
// protesters who turn to rioting are one crowd
const crowd = (a: string | null) => !!a && /^(Protesters|Rioters) \(/.test(a)
const doersFit = (x: SitrepEvent, y: SitrepEvent, r: MergeRules) => unnamed(x.actor1, r) || unnamed(y.actor1, r) || x.actor1 === y.actor1 || x.actor1 === y.actor2
  || ((crowd(x.actor1) || crowd(x.actor2)) && (crowd(y.actor1) || crowd(y.actor2)))

/**
 * Codebook: "one incident told twice: two accounts in one report are one event, with the most conservative
 * toll." Events of one report join the first earlier event they fit: same incident type, places and dates that
 * agree (a telling without a place sits inside the incident's), actors that agree, and no "another attack"
 * in between. Every telling's evidence is kept.
 */
export function consolidate(coded: Coded[], text: string, r: MergeRules): Coded[] {
  const out: Coded[] = []
  for (const c of coded) {
    const lead = c.draft.parts[0]!.clause
    const another = ANOTHER.test(text.slice(lead.start, c.draft.parts[0]!.hits[0]?.end ?? lead.end))
    const target = another ? undefined : out.find((o) => o.event.background === c.event.background && typesFit(o, c, r)
      && placesFit(o.event, c.event, r) && datesFit(o.event, c.event, r) && doersFit(o.event, c.event, r))
    if (target) Object.assign(target, join(target, c, r))
    else out.push({ ...c })
  }
  return out
}

function join(a: Coded, b: Coded, r: MergeRules): Coded {
  const x = { ...a.event, evidence: { ...a.event.evidence } }, y = b.event
  const take = (keys: (keyof SitrepEvent)[]) => { for (const k of keys) (x as Record<string, unknown>)[k] = y[k]; for (const k of keys) if (y.evidence[k]) x.evidence[k] = y.evidence[k]! }
  // the specific telling names the incident ("a suicide bomber") over the generic one ("the blast"),
  // and a crowd's most severe telling names it (a march that turned violent is a Violent demonstration)
  const ladder = ladderOf(x.sub_event_type, r)
  if (a.draft.generic && !b.draft.generic || (ladder && ladder.indexOf(y.sub_event_type) > ladder.indexOf(x.sub_event_type))) {
    take(['event_type', 'sub_event_type', 'disorder_type', 'actor1', 'inter1', 'actor2', 'inter2', 'civilian_targeting'])
  }
  if (x.geo_status !== 'resolved' && y.geo_status === 'resolved' || (x.geo_precision ?? 4) > (y.geo_precision ?? 4) && y.geo_status === 'resolved') {
    take(['country', 'iso', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'geo_status'])
  }
  if (!x.event_date && y.event_date) take(['event_date', 'time_precision'])
  if ((!x.actor1 || x.actor1.startsWith('Unidentified')) && y.actor1 && !y.actor1.startsWith('Unidentified')) take(['actor1', 'inter1'])
  if (!x.actor2 && y.actor2) take(['actor2', 'inter2'])
  x.fatalities = conservativeToll(a.event, y)
  if (x.fatalities === y.fatalities && x.fatalities !== a.event.fatalities && y.evidence.fatalities) x.evidence.fatalities = y.evidence.fatalities
  if (y.arrests && (!x.arrests || y.arrests > x.arrests)) { x.arrests = y.arrests; if (y.evidence.arrests) x.evidence.arrests = y.evidence.arrests }
  x.interaction = x.inter1 ? (x.inter2 ? Math.min(x.inter1, x.inter2) * 10 + Math.max(x.inter1, x.inter2) : x.inter1 * 10) : null
  for (const k of ['event_type', 'location'] as const) { const u = unionSpans(x.evidence[k], y.evidence[k]); if (u) x.evidence[k] = u }
  return { draft: { ...a.draft, parts: [...a.draft.parts, ...b.draft.parts], generic: a.draft.generic && b.draft.generic }, event: x }
}

/** An updated toll is the latest word; otherwise the lowest reported figure, never a default over a number. */
function conservativeToll(x: SitrepEvent, y: SitrepEvent): number {
  const rule = (e: SitrepEvent) => (e.evidence.fatalities?.kind === 'rule' ? e.evidence.fatalities.rule : '')
  if (rule(y) === 'latest-death-toll' && y.fatalities > 0) return y.fatalities
  const told = [x, y].filter((e) => e.fatalities > 0 && rule(e) !== 'deaths-without-number').map((e) => e.fatalities)
  if (told.length) return Math.min(...told)
  return Math.max(x.fatalities, y.fatalities)
}

function unionSpans(a: Evidence | undefined, b: Evidence | undefined): Evidence | undefined {
  if (!a || !b) return a ?? b
  const spans = [...(a.spans ?? []), ...(b.spans ?? [])]
  return a.kind === 'spans' ? { kind: 'spans', spans } : { ...a, spans }
}
