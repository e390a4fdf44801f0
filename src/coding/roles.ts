import type { ActorMention, RoleKind } from '../entities/actors.js'
import type { Sentence } from '../text/segment.js'

export type Roles = { agent: ActorMention | null; target: ActorMention | null; allies: ActorMention[] }

const VICTIM_KINDS = new Set<string>(['civilians', 'protesters'])
const SUBJECT_VERB = /^(attacked|stormed|opened|fired|shot|raided|ambushed|killed|abducted|kidnapped|struck|hit|set|burned|burnt|torched|detonated|blew|stabbed|hacked|massacred|invaded|rampaged)$/
const armedLike = (k: string) => k === 'group' || k === 'armed' || k === 'military' || k === 'police'

/**
 * Who did it and to whom, from word order: the doer is the first armed actor before the trigger,
 * or the one after "by" (passive); the target is the first other actor after the trigger,
 * else a victim noun anywhere in the clause.
 */
export function assignRoles(s: Sentence, mentions: ActorMention[], trigger: number, passive: boolean, order: WordOrder = { verbFirst: false, cls: '' }): Roles {
  const before = mentions.filter((m) => m.last < trigger)
  const after = mentions.filter((m) => m.first > trigger)
  if (order.verbFirst && !before.some((m) => armedLike(m.ref.kind))) return verbFirstRoles(s, mentions, after, order)
  const byAgent = after.find((m) => (s.words[m.first - 1]?.lower === 'by' || (s.words[m.first - 2]?.lower === 'by' && /^(the|a|an)$/.test(s.words[m.first - 1]?.lower ?? ''))) && m.ref.kind !== 'civilians')
  // "security forces led by the paramilitary RSF": the leading force is the doer
  const ledBy = mentions.find((m) => /\b(led|commanded|spearheaded) by( the| a)?( \w+)?$/.test(s.words.slice(Math.max(0, m.first - 5), m.first).map((w) => w.lower).join(' ')))
  let agent: ActorMention | null = ledBy ?? byAgent ?? null
  let target: ActorMention | null = null
  if (!agent) {
    if (passive) {
      target = before.find((m) => m.ref.kind !== 'government') ?? null
      agent = after.find((m) => armedLike(m.ref.kind)) ?? null
    } else {
      agent = before.find((m) => armedLike(m.ref.kind) || m.ref.kind === 'rioters' || m.ref.kind === 'protesters') ?? null
    }
  }
  // "12 people were killed when gunmen attacked a hotel": an armed actor right before a verb of violence is
  // the subject of that verb, so the doer of the killing, not its target
  const doing = after.find((m) => m.ref.kind === 'armed' && SUBJECT_VERB.test(s.words[m.last + 1]?.lower ?? ''))
  if (!agent && doing) agent = doing
  if (!target) target = after.find((m) => m !== agent && m !== doing && !sameActor(m, agent)) ?? null
  // "the army and the RSF fought": the other armed side before the verb, unless it is marked as an ally
  if (!target) target = before.find((m) => m !== agent && !sameActor(m, agent) && armedLike(m.ref.kind) && !allyCue(s, m)) ?? null
  if (!target) target = mentions.find((m) => VICTIM_KINDS.has(m.ref.kind) && m !== agent) ?? null
  if (!agent) agent = mentions.find((m) => m !== target && armedLike(m.ref.kind)) ?? null
  // "the prime minister declared victory": a government may be the doer of a political act
  if (!agent) agent = before.find((m) => m.ref.kind === 'government') ?? null
  // allies: other armed actors on the doer's side (before the verb, or "with", "alongside", "backed by")
  const allies = agent ? mentions.filter((m) => m !== agent && m !== target && !sameActor(m, agent) && !sameActor(m, target) &&
    (m.ref.kind === 'group' || m.ref.kind === 'military' || m.ref.kind === 'police') && allyCue(s, m)) : []
  return { agent, target, allies }
}

/**
 * The language's word order where it decides roles (data/lang/<lang>: Arabic puts the verb before its subject),
 * and the words that mark an actor as the one acted on ("على مواقع داعش") or the one acting ("شنه مسلحون").
 */
export type WordOrder = { verbFirst: boolean; cls: string; targetCues?: ReadonlySet<string>; agentCues?: ReadonlySet<string> }

/** Is one of these words, as written or in one of its forms without clitics, in the set? */
export const anyWordIn = (words: readonly Sentence['words'][number][], set: ReadonlySet<string>) =>
  words.some((w) => set.has(w.lower) || (w.forms ?? []).some((f) => set.has(f)))

// within this many words before the actor
const CUE_REACH = 3
const cued = (s: Sentence, m: ActorMention, cues: ReadonlySet<string> | undefined) => !!cues && anyWordIn(s.words.slice(Math.max(0, m.first - CUE_REACH), m.first), cues)

// a word of killing opens a noun phrase of its victims ("مقتل ثلاثة جنود بهجوم لداعش": the killing of three
// soldiers in an attack by ISIS); a verb of attack is followed by its subject ("هاجم مسلحون القرية")
const VICTIMS_FIRST = new Set(['KILL', 'MASSACRE'])

/** Roles where the verb comes first: its subject after it, then its object; or the victims after a word of killing. */
function verbFirstRoles(s: Sentence, mentions: ActorMention[], after: ActorMention[], order: WordOrder): Roles {
  let agent: ActorMention | null = null, target: ActorMention | null = null
  const marked = after.find((m) => cued(s, m, order.agentCues) && armedLike(m.ref.kind))
  const aimedAt = after.find((m) => cued(s, m, order.targetCues) && m !== marked)
  if (marked || aimedAt) {
    // "غارات على مواقع لتنظيم داعش": the actor after "on the positions of" is the target, another one the doer
    agent = marked ?? after.find((m) => m !== aimedAt && !sameActor(m, aimedAt ?? null) && armedLike(m.ref.kind)) ?? null
    target = aimedAt ?? after.find((m) => m !== agent && !sameActor(m, agent)) ?? null
  } else if (VICTIMS_FIRST.has(order.cls)) {
    target = after[0] ?? null
    agent = after.find((m) => m !== target && armedLike(m.ref.kind) && !sameActor(m, target)) ?? null
  } else {
    agent = after.find((m) => armedLike(m.ref.kind) || m.ref.kind === 'protesters' || m.ref.kind === 'rioters') ?? null
    target = after.find((m) => m !== agent && !sameActor(m, agent) && (!agent || m.first > agent.first)) ?? after.find((m) => m !== agent && !sameActor(m, agent)) ?? null
  }
  if (!target) target = mentions.find((m) => VICTIM_KINDS.has(m.ref.kind) && m !== agent) ?? null
  if (!agent) agent = mentions.find((m) => m !== target && armedLike(m.ref.kind)) ?? null
  const allies = agent ? mentions.filter((m) => m !== agent && m !== target && !sameActor(m, agent) && !sameActor(m, target) &&
    (m.ref.kind === 'group' || m.ref.kind === 'military' || m.ref.kind === 'police') && allyCue(s, m)) : []
  return { agent, target, allies }
}

export function kindOf(m: ActorMention | null): RoleKind | 'group' | null {
  return m ? m.ref.kind : null
}

export function sameActor(a: ActorMention | null, b: ActorMention | null): boolean {
  if (!a || !b) return false
  if (a.ref.kind === 'group' && b.ref.kind === 'group') return a.ref.groups[0]?.name === b.ref.groups[0]?.name
  if (a.ref.kind !== b.ref.kind) return false
  return (a.ref as { country: string | null }).country === (b.ref as { country: string | null }).country
}

const ALLY_BEFORE = /^(with|alongside|by|allied|and|plus)$/
const ALLY_PHRASE = /\b(with|alongside|backed by|supported by|allied|in coordination with|together with|joined by|aided by|and allied|and their allies|assisted by)\s*(the\s+)?$/i

/** "in coordination with the Anbar Police", "backed by Russian jets", "alongside the SNA": on the doer's side. */
function allyCue(s: Sentence, m: ActorMention): boolean {
  const before = s.words.slice(Math.max(0, m.first - 5), m.first).map((w) => w.lower).join(' ')
  return ALLY_PHRASE.test(before) || (ALLY_BEFORE.test(s.words[m.first - 1]?.lower ?? '') && /allied|backed|coordination|alongside|with/.test(before))
}
