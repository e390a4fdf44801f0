import type { Mention } from './mention.js'
import type { MergeRules } from './rules.js'
import { similarity } from './similar.js'

/**
 * The neighbourhood a new mention is merged in: the seeds, the stored mentions they match, and the
 * other sources of the events those belong to. One hop, not the whole chain: daily shelling of one
 * town would otherwise link a year of reports into one block. Within the neighbourhood the
 * clustering below depends only on the set, so reports of one incident give the same events in any
 * order; only where incidents chain day after day can the grouping at the chain's edge depend on order.
 */
export async function collectComponent(
  seeds: Mention[],
  neighbours: (m: Mention) => Promise<Mention[]> | Mention[],
  r: MergeRules,
  coMembers: (eventIds: string[]) => Promise<Mention[]> | Mention[] = () => [],
  currentId: (key: string) => string = () => '',
): Promise<Mention[]> {
  const seen = new Map(seeds.map((m) => [m.key, m]))
  const found: Mention[] = []
  for (const m of seeds) {
    if (m.event.background) continue
    for (const n of await neighbours(m)) {
      if (seen.has(n.key) || similarity(m, n, r) === null) continue
      seen.set(n.key, n)
      found.push(n)
    }
  }
  const events = [...new Set(found.map((n) => currentId(n.key)).filter(Boolean))]
  if (events.length) for (const n of await coMembers(events)) if (!seen.has(n.key)) seen.set(n.key, n)
  return [...seen.values()]
}

/**
 * Splits a neighbourhood into incidents: strongest pairs first (ties by key), joining two groups only
 * when every pair across them matches (complete linkage, so a group never spans more than its
 * members' date windows) and no report would be in the result twice: a report's own coder already
 * kept its events apart.
 */
export function clusterMentions(mentions: Mention[], r: MergeRules): Mention[][] {
  const ms = [...mentions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const pairs: [number, number, number][] = []
  const linked = new Set<number>()
  const n = ms.length
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = similarity(ms[i]!, ms[j]!, r)
      if (s !== null) { pairs.push([s, i, j]); linked.add(i * n + j) }
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const groupOf = ms.map((_, i) => i)
  const members = ms.map((_, i) => [i])
  const reports = ms.map((m) => new Set([m.reportKey]))
  const ok = (a: number, b: number) => linked.has(a < b ? a * n + b : b * n + a)
  for (const [, i, j] of pairs) {
    const a = groupOf[i]!, b = groupOf[j]!
    if (a === b) continue
    if ([...reports[b]!].some((k) => reports[a]!.has(k))) continue
    if (!members[a]!.every((x) => members[b]!.every((y) => ok(x, y)))) continue
    for (const y of members[b]!) { groupOf[y] = a; members[a]!.push(y) }
    for (const k of reports[b]!) reports[a]!.add(k)
    members[b] = []
  }
  return members.filter((g) => g.length).map((g) => g.map((i) => ms[i]!))
}
