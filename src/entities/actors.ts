import type { Span } from '../types.js'
import type { Sentence, Word } from '../text/segment.js'
import type { Rules } from '../data/load.js'
import type { Group } from '../data/schemas.js'
import { makePhraseMatcher, longestNonOverlapping, type PhraseEntry } from './phrase-matcher.js'

export type RoleKind = 'armed' | 'civilians' | 'protesters' | 'rioters' | 'military' | 'police' | 'government'
/** What a phrase in the text names: a named group, a state force (maybe of a stated country), or a role noun. */
export type ActorRef =
  | { kind: 'group'; groups: Group[] }
  | { kind: RoleKind; country: string | null }
export type ActorMention = Span & { sentence: number; first: number; last: number; ref: ActorRef; rule: string }
export type CountryMention = Span & { sentence: number; first: number; last: number; iso2: string; demonym: boolean }

type Lex =
  | { t: 'group'; group: Group }
  | { t: 'unit'; country: string; force: 'military' | 'police' | 'government' }
  | { t: 'country'; iso2: string; demonym: boolean }
  | { t: 'role'; kind: RoleKind }
  | { t: 'weapon' }

// acronyms are matched with their capitals ("IS", "ADF", "LeT"), so the words "is" and "let" never name an actor;
// so are named forces ("Lebanese Forces", "Free Syrian Army"), which differ from "Lebanese forces" only by case
const isAcronym = (a: string) => (a.length <= 6 && /^[A-Za-z0-9.\-']+$/.test(a) && (a.match(/[A-Z]/g)?.length ?? 0) >= 2) || /^[A-Z0-9.\-']{1,6}$/.test(a) && /[A-Z]/.test(a)
const NAMED_FORCE = /\b(Forces|Army|Guard|Guards|Police|Front|Brigade|Brigades)\b/
const caseSensitive = (a: string) => isAcronym(a) || (NAMED_FORCE.test(a) && a.split(/\s+/).length <= 3 && /^\p{Lu}/u.test(a))

/** Builds the actor and country finder from the dictionaries in data/actors. */
export function makeActorFinder(r: Rules) {
  const entries: PhraseEntry<Lex>[] = []
  const add = (pattern: string, value: Lex) => entries.push({ pattern, value, caseSensitive: value.t === 'group' || value.t === 'unit' ? caseSensitive(pattern) : isAcronym(pattern) })
  for (const g of r.groups) for (const a of [g.name, ...g.aliases]) add(a, { t: 'group', group: g })
  for (const u of r.units) for (const a of [u.name, ...u.aliases]) add(a, { t: 'unit', country: u.country, force: u.force })
  for (const c of r.countries) {
    for (const a of [c.name, ...c.aliases]) add(a, { t: 'country', iso2: c.iso2, demonym: false })
    for (const d of c.demonyms) add(d, { t: 'country', iso2: c.iso2, demonym: true })
  }
  for (const n of r.generic.nouns) for (const p of n.pattern.split('|')) add(p, { t: 'role', kind: n.kind })
  for (const p of r.generic.weapons.pattern.split('|')) add(p, { t: 'weapon' })
  const match = makePhraseMatcher(entries)
  const memberOf = new RegExp(`^(${r.generic.member_of.pattern})( the)?$`)

  const sf = r.generic.security_forces
  const sfNouns = new Set(sf ? sf.nouns.split('|') : [])
  const armyWord = new Set(sf ? sf.military_words.split('|') : []), policeWord = new Set(sf ? sf.police_words.split('|') : [])
  const wordsOf = (sentences: Sentence[], a: ActorMention) => sentences[a.sentence]?.words.slice(a.first, a.last + 1) ?? []
  // "security forces", "Iraqi security forces": the force's last two words, or all of them
  const isSecurityForces = (sentences: Sentence[], a: ActorMention) => {
    const w = wordsOf(sentences, a).map((x) => x.lower)
    return a.ref.kind === 'police' && (sfNouns.has(w.join(' ')) || sfNouns.has(w.slice(-2).join(' ')))
  }
  return function findActors(sentences: Sentence[], text = ''): { actors: ActorMention[]; countries: CountryMention[] } {
    const found = findAll(sentences, text)
    // DEV_CODING: unqualified "security forces" are the police, unless the report tells of soldiers and of no
    // police (words of the security forces' own names, "security troops", do not count)
    const sfs = found.actors.filter((a) => isSecurityForces(sentences, a))
    if (sfs.length === 0) return found
    const inside = new Set(sfs.flatMap((a) => wordsOf(sentences, a)))
    const words = sentences.flatMap((s) => s.words).filter((w) => !inside.has(w))
    if (!words.some((w) => armyWord.has(w.lower)) || words.some((w) => policeWord.has(w.lower))) return found
    return { ...found, actors: found.actors.map((a) => (a.ref.kind === 'police' && sfs.includes(a) ? { ...a, ref: { ...a.ref, kind: 'military' as const } } : a)) }
  }
  function findAll(sentences: Sentence[], text: string): { actors: ActorMention[]; countries: CountryMention[] } {
    // "on the border with Burkina Faso, army sources said": a comma between a country and a force parts them
    const parted = (words: Word[], a: number, b: number) => crossesClause(words, a, b) || /[,;:()]/.test(text.slice(words[a]!.end, words[b]!.start))
    const actors: ActorMention[] = []
    const countries: CountryMention[] = []
    for (const s of sentences) {
      const raw = match(s.words)
      const found = longestNonOverlapping(raw)
      // several groups may share an alias across time; keep all, the coder picks by date
      for (let i = 0; i < found.length; i++) {
        const m = found[i]!
        const v = m.value
        const span = { start: s.words[m.first]!.start, end: s.words[m.last]!.end }
        if (v.t === 'country') {
          countries.push({ ...span, sentence: s.index, first: m.first, last: m.last, iso2: v.iso2, demonym: v.demonym })
          const next = found[i + 1]
          // "Iraqi forces", "Turkey's army", "Syrian government forces": the force of that country
          if (next && next.value.t === 'role' && isForce(next.value.kind) && next.first - m.last <= 3 && !parted(s.words, m.last, next.first)) {
            actors.push(mention(s, m.first, next.last, { kind: next.value.kind, country: v.iso2 }, 'country+force'))
            i++
          } else if (next && next.value.t === 'weapon' && next.first - m.last <= 2 && !parted(s.words, m.last, next.first)) {
            // "Russian missiles", "Turkish drones": the weapon is the forces of that state
            actors.push(mention(s, m.first, next.last, { kind: 'military', country: v.iso2 }, 'country+weapon'))
            i++
          } else if (next && next.value.t === 'unit' && next.first - m.last <= 2) {
            actors.push(mention(s, m.first, next.last, { kind: next.value.force, country: next.value.country }, 'unit'))
            i++
          }
          continue
        }
        if (v.t === 'group') {
          const next = found[i + 1]
          let last = m.last
          // "ISIS militants", "Kataib Hezbollah fighters": the role noun belongs to the group
          if (next && next.value.t === 'role' && next.first === m.last + 1 && (next.value.kind === 'armed' || isForce(next.value.kind))) { last = next.last; i++ }
          actors.push(mention(s, m.first, last, { kind: 'group', groups: groupsAt(raw, m) }, 'dictionary'))
          continue
        }
        if (v.t === 'weapon') continue
        // "gunmen from Boko Haram", "fighters loyal to the RSF": the role noun is that group's, as in "Boko Haram gunmen"
        const owner = found[i + 1]
        if (v.t === 'role' && v.kind === 'armed' && owner?.value.t === 'group' && memberOf.test(s.words.slice(m.last + 1, owner.first).map((w) => w.lower).join(' '))) {
          actors.push(mention(s, m.first, owner.last, { kind: 'group', groups: groupsAt(raw, owner) }, 'role+of+group'))
          i++
          continue
        }
        if (v.t === 'unit') { actors.push(mention(s, m.first, m.last, { kind: v.force, country: v.country }, 'unit')); continue }
        // "Government Girls Science College": a capitalised role noun inside a name is no actor
        if (v.kind === 'government' && m.first > 0 && /^\p{Lu}/u.test(s.words[m.first]!.text) && !/^(Prime|President)/.test(s.words[m.first]!.text)) continue
        actors.push(mention(s, m.first, m.last, { kind: v.kind, country: null }, 'role-noun'))
      }
    }
    return { actors, countries }
  }
}

/** Every group whose alias matched exactly these words: groups may share an alias across time. */
function groupsAt(raw: { first: number; last: number; value: Lex }[], at: { first: number; last: number }): Group[] {
  return [...new Set(raw.flatMap((f) => (f.first === at.first && f.last === at.last && f.value.t === 'group' ? [f.value.group] : [])))]
}

const isForce = (k: RoleKind) => k === 'military' || k === 'police' || k === 'government'
const crossesClause = (words: Word[], a: number, b: number) => words.slice(a + 1, b).some((w) => /^(and|in|on|said|says|told|officials|official|that|who)$/.test(w.lower))

function mention(s: Sentence, first: number, last: number, ref: ActorRef, rule: string): ActorMention {
  return { start: s.words[first]!.start, end: s.words[last]!.end, sentence: s.index, first, last, ref, rule }
}
