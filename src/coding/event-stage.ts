import type { Doc } from '../doc.js'
import type { SitrepEvent } from '../types.js'
import type { Rules } from '../data/load.js'
import type { NamedActor } from './actor-names.js'
import { clusterCandidates } from './cluster.js'
import { makeFinalizer, type Locator } from './finalize.js'
import { findClaimant, reportDate, dominantGroup, reportSides } from './report-context.js'
import { consolidate, type Coded } from './consolidate.js'
import { mergeRules } from '../merge/rules.js'
import { eventFeatures, type EventFeatures } from './event-features.js'
import type { EventScorer } from './event-scorer.js'

/** What the scorer saw of each coded event, dropped ones included (for training and for reading the coder's choices). */
export type Scored = { event: SitrepEvent; features: EventFeatures; probability: number | null; kept: boolean }
const FEATURE_BUCKETS = 4096

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians'])

/** Stage: gathers the candidates of one incident into drafts and codes each draft as an event. */
export function makeEventStage(r: Rules, locator: Locator, scorer: EventScorer | null = null, keepFeatures = false) {
  const finalize = makeFinalizer(r, locator)
  const merge = mergeRules(r.dir)
  const buckets = scorer?.model.buckets ?? FEATURE_BUCKETS
  return function codeEvents(d: Doc): Doc {
    const claimant = findClaimant(d)
    // the report's armed group stands for "the militants" only when the news names it as a doer or its lead
    // names it, not when it is mentioned as background ("Egypt faces an insurgency led by Islamic State")
    const dominant = dominantGroup(d)
    const doerGroups = new Set(d.candidates!.filter((c) => !c.background.value && c.roles.agent?.ref.kind === 'group').map((c) => (c.roles.agent!.ref as { groups: { name: string }[] }).groups[0]!.name))
    const inLead = (name: string) => (d.actors ?? []).some((a) => a.sentence <= 1 && a.ref.kind === 'group' && a.ref.groups[0]!.name === name)
    const group = dominant && dominant.ref.kind === 'group' && (doerGroups.has(dominant.ref.groups[0]!.name) || inLead(dominant.ref.groups[0]!.name)) ? dominant : null
    const sides = reportSides(d)
    const date = reportDate(d, d.candidates!)
    const coded: Coded[] = []
    // an incident told without its doer ("air strikes hit the town") carries over the doer named just before
    let last: NamedActor | null = null
    for (const dr of clusterCandidates(d.candidates!, d.text)) {
      const e = finalize(dr, d, claimant, group, dr.background ? null : last, sides, date)
      if (!e) continue
      coded.push({ draft: dr, event: e })
      if (!e.background && VIOLENT.has(e.event_type) && e.actor1 && e.inter1 !== null && e.inter1 <= 3 && !e.actor1.startsWith('Unidentified')) last = { name: e.actor1, inter: e.inter1, rule: 'carried' }
    }
    const incidents = consolidate(coded, d.text, merge)
    if (!scorer && !keepFeatures) return { ...d, events: incidents.map((c) => c.event) }
    const news = incidents.filter((c) => !c.event.background).length
    const scored: Scored[] = incidents.map(({ draft, event }) => {
      const features = eventFeatures(d, draft, event, news, buckets)
      const probability = scorer ? scorer.probability(features) : null
      // background mentions are kept whatever their score: they are never counted as news
      const kept = probability === null || event.background || probability >= scorer!.model.threshold
      const e = probability === null ? event : { ...event, confidence: Math.round(probability * 100) / 100 }
      if (!kept) d.diagnostics.push({ severity: 'info', ruleId: 'event-below-threshold', reason: `${e.sub_event_type} at ${e.location ?? 'an unnamed place'} not written: probability ${e.confidence} is below ${scorer!.model.threshold}`, span: draft.parts[0]!.clause })
      return { event: e, features, probability, kept }
    })
    return { ...d, events: scored.filter((x) => x.kept).map((x) => x.event), ...(keepFeatures ? { scored } : {}) }
  }
}
