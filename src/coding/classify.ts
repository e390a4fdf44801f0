import type { EventType } from '../types.js'
import type { Rules } from '../data/load.js'
import type { Roles } from './roles.js'

export type Classification = { sub: string; type: EventType; generic: boolean; rule: number }

type Agent = 'state' | 'home-state' | 'nonstate' | 'not-state' | 'group' | 'crowd' | 'any'

function agentKinds(roles: Roles, homeCountry: string | null): Set<Agent> {
  const out = new Set<Agent>(['any'])
  const a = roles.agent
  if (!a) return out
  const k = a.ref.kind
  if (k === 'military' || k === 'police' || k === 'government') {
    out.add('state')
    const c = (a.ref as { country: string | null }).country
    if (!c || !homeCountry || c === homeCountry) out.add('home-state')
  } else if (k === 'group') {
    // a group coded as a state force (inter 1) counts as the state
    if (a.ref.groups.some((g) => g.inter === 1)) out.add('state')
    else { out.add('nonstate'); out.add('group') }
  } else if (k === 'armed') out.add('nonstate')
  else if (k === 'rioters' || k === 'protesters') out.add('crowd')
  return out
}

function targetKind(roles: Roles): string {
  const t = roles.target
  if (!t) return 'none'
  const k = t.ref.kind
  if (k === 'civilians') return 'civilians'
  if (k === 'protesters') return 'protesters'
  if (k === 'group' || k === 'armed' || k === 'military' || k === 'police') return 'armed'
  return 'none'
}

/** Applies the ordered decision table of data/rules/sub-event-rules.json to one clause. */
export function makeClassifier(r: Rules) {
  const typeOf = new Map<string, EventType>()
  for (const [type, subs] of Object.entries(r.subEvents.types)) for (const s of subs) typeOf.set(s, type as EventType)
  const table = r.subEvents.rules
  for (const rule of table) if (!typeOf.has(rule.then)) throw new Error(`sub-event-rules.json: unknown sub-event type "${rule.then}"`)
  return function classify(classes: Set<string>, roles: Roles, homeCountry: string | null): Classification | null {
    const agents = agentKinds(roles, homeCountry)
    const target = targetKind(roles)
    for (let i = 0; i < table.length; i++) {
      const rule = table[i]!
      if (rule.all && !rule.all.every((c) => classes.has(c))) continue
      if (rule.any && !rule.any.some((c) => classes.has(c))) continue
      if (rule.none && rule.none.some((c) => classes.has(c))) continue
      if (rule.agent === 'not-state' ? agents.has('state') : rule.agent && !agents.has(rule.agent)) continue
      if (rule.target && rule.target !== target) continue
      return { sub: rule.then, type: typeOf.get(rule.then)!, generic: rule.generic ?? false, rule: i }
    }
    return null
  }
}
