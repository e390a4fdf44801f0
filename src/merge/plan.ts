import type { StoredEvent } from '../store/types.js'
import { clusterMentions, collectComponent } from './cluster.js'
import type { Mention } from './mention.js'
import type { MergeRules } from './rules.js'
import { mergeEvent } from './values.js'

export type MergePlan = {
  /** events to write: the clusters that gained, lost or changed a mention */
  events: StoredEvent[]
  /** mention key -> merged event id, for every mention of the block */
  eventOf: Map<string, string>
  /** former event ids that no longer exist -> the event holding most of their mentions (null: none) */
  successor: Map<string, string | null>
  /** events made only of the seeds' mentions: incidents not seen before */
  eventsNew: number
  /** seed mentions that joined an event with other sources */
  mentionsJoined: number
}

/**
 * What a block of the store looks like after `seeds` arrive: the backend-independent half of merging.
 * `currentId` tells the event a stored mention belongs to now (''= none yet); `former` lists events
 * whose mentions were just replaced (recoding), with their old mention keys.
 */
export async function planMerge(
  seeds: Mention[],
  neighbours: (m: Mention) => Promise<Mention[]> | Mention[],
  currentId: (key: string) => string,
  former: Map<string, string[]>,
  r: MergeRules,
  coMembers: (eventIds: string[]) => Promise<Mention[]> | Mention[] = () => [],
): Promise<MergePlan> {
  const component = await collectComponent(seeds, neighbours, r, coMembers, currentId)
  const seedKeys = new Set(seeds.map((m) => m.key))
  const members = new Map<string, string[]>(former)
  for (const m of component) {
    const id = currentId(m.key)
    if (id) (members.get(id) ?? members.set(id, []).get(id)!).push(m.key)
  }
  const eventOf = new Map<string, string>()
  const events: StoredEvent[] = []
  let eventsNew = 0, mentionsJoined = 0
  for (const cluster of clusterMentions(component, r)) {
    const ev = mergeEvent(cluster, r)
    for (const m of cluster) eventOf.set(m.key, ev.event_id)
    const seeded = cluster.filter((m) => seedKeys.has(m.key)).length
    const before = members.get(ev.event_id)
    const unchanged = seeded === 0 && before?.length === cluster.length && cluster.every((m) => before.includes(m.key))
    if (!unchanged) events.push(ev)
    if (seeded && seeded === cluster.length && !before) eventsNew++
    if (seeded && seeded < cluster.length) mentionsJoined += seeded
  }
  const live = new Set(eventOf.values())
  const successor = new Map<string, string | null>()
  for (const [oldId, keys] of members) {
    if (live.has(oldId)) continue
    const votes = new Map<string, number>()
    for (const k of keys) { const to = eventOf.get(k); if (to) votes.set(to, (votes.get(to) ?? 0) + 1) }
    const best = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
    successor.set(oldId, best ? best[0] : null)
  }
  return { events, eventOf, successor, eventsNew, mentionsJoined }
}
