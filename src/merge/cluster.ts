import type { Mention } from './mention.js'
import type { MergeRules } from './rules.js'
import { similarity } from './similar.js'

/**
 * Every mention linked to the seeds by the same-incident relation, found through `neighbours`
 * (the store's candidate query). The clustering below depends only on this set, so the events that
 * come out do not depend on the order in which reports arrived.
 */
export async function collectComponent(
  seeds: Mention[], neighbours: (m: Mention) => Promise<Mention[]> | Mention[], r: MergeRules, cap = 5000,
): Promise<Mention[]> {
  const seen = new Map(seeds.map((m) => [m.key, m]))
  const queue = seeds.filter((m) => !m.event.background)
  while (queue.length && seen.size < cap) {
    const m = queue.pop()!
    for (const n of await neighbours(m)) {
      if (seen.has(n.key) || similarity(m, n, r) === null) continue
      seen.set(n.key, n)
      queue.push(n)
    }
  }
  return [...seen.values()]
}

/**
 * Splits a component into incidents: strongest pairs first (ties by key), joining two groups only
 * when no report would be in the result twice: a report's own coder already kept its events apart.
 */
export function clusterMentions(mentions: Mention[], r: MergeRules): Mention[][] {
  const ms = [...mentions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const pairs: [number, number, number][] = []
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      const s = similarity(ms[i]!, ms[j]!, r)
      if (s !== null) pairs.push([s, i, j])
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const parent = ms.map((_, i) => i)
  const reports = ms.map((m) => new Set([m.reportKey]))
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!; return i }
  for (const [, i, j] of pairs) {
    const a = find(i), b = find(j)
    if (a === b) continue
    const [big, small] = reports[a]!.size >= reports[b]!.size ? [a, b] : [b, a]
    if ([...reports[small]!].some((k) => reports[big]!.has(k))) continue
    for (const k of reports[small]!) reports[big]!.add(k)
    parent[small] = big
  }
  const groups = new Map<number, Mention[]>()
  ms.forEach((m, i) => { const g = find(i); (groups.get(g) ?? groups.set(g, []).get(g)!).push(m) })
  return [...groups.values()]
}
