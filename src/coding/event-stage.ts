import type { Doc } from '../doc.js'
import type { SitrepEvent } from '../types.js'
import type { Rules } from '../data/load.js'
import type { NamedActor } from './actor-names.js'
import { clusterCandidates } from './cluster.js'
import { makeFinalizer, type Locator } from './finalize.js'
import { findClaimant, reportDate, dominantGroup, reportSides } from './report-context.js'

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians'])

/** Stage: gathers the candidates of one incident into drafts and codes each draft as an event. */
export function makeEventStage(r: Rules, locator: Locator) {
  const finalize = makeFinalizer(r, locator)
  return function codeEvents(d: Doc): Doc {
    const claimant = findClaimant(d)
    const group = dominantGroup(d)
    const sides = reportSides(d)
    const date = reportDate(d, d.candidates!)
    const events: SitrepEvent[] = []
    // an incident told without its doer ("air strikes hit the town") carries over the doer named just before
    let last: NamedActor | null = null
    for (const dr of clusterCandidates(d.candidates!, d.text)) {
      const e = finalize(dr, d, claimant, group, dr.background ? null : last, sides, date)
      if (!e) continue
      events.push(e)
      if (!e.background && VIOLENT.has(e.event_type) && e.actor1 && e.inter1 !== null && e.inter1 <= 3 && !e.actor1.startsWith('Unidentified')) last = { name: e.actor1, inter: e.inter1, rule: 'carried' }
    }
    return { ...d, events }
  }
}
