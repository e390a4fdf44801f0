import type { Span } from '../types.js'
import type { Sentence, Word } from '../text/segment.js'
import type { Rules } from '../data/load.js'
import { makePhraseMatcher, isNumberish } from '../entities/phrase-matcher.js'

export type TriggerHit = Span & { sentence: number; first: number; last: number; cls: string; generic: boolean; pattern: string }
export type Clause = Span & { sentence: number; first: number; last: number }

/** Finds trigger phrases (data/rules/triggers.json) and suppressing cues in a sentence. */
export function makeTriggerFinder(r: Rules) {
  const match = makePhraseMatcher(r.triggers.triggers.flatMap((t) => t.patterns.map((pattern) => ({
    pattern, caseSensitive: t.caseSensitive, value: { cls: t.class, generic: t.generic ?? false },
  }))))
  const objectOf = makeObjectReader(r)
  const accident = makePhraseMatcher(r.subEvents.suppress.accidents.patterns.map((pattern) => ({ pattern, value: true })))
  const crime = makePhraseMatcher(r.subEvents.suppress.crime.patterns.map((pattern) => ({ pattern, value: true })))
  const suppress = makePhraseMatcher(r.subEvents.suppress.cues.flatMap((c) => c.patterns.map((pattern) => ({ pattern, value: c.scope }))))
  return {
    triggers(s: Sentence): TriggerHit[] {
      const out: TriggerHit[] = []
      for (const m of match(s.words)) {
        if (insideName(s, m.first, m.last)) continue
        // "captured many residents", "seized weapons", "seized power": the object says what the verb reports
        const cls = objectOf(s, m.first, m.last, m.value.cls)
        if (cls === null) continue
        out.push({
          start: s.words[m.first]!.start, end: s.words[m.last]!.end, sentence: s.index, first: m.first, last: m.last,
          cls, generic: m.value.generic, pattern: m.pattern,
        })
      }
      return out
    },
    /** Accident and disaster words in a sentence ("plunged into a ravine", "methane", "landslide"). */
    accidents(s: Sentence): boolean {
      return accident(s.words).length > 0
    },
    /** Words of a domestic or criminal motive in a sentence ("killed his wife", "robbers"). */
    crime(s: Sentence): boolean {
      return crime(s.words).length > 0
    },
    suppressors(s: Sentence): { first: number; last: number; pattern: string; scope: 'clause' | 'before' }[] {
      return suppress(s.words).map((m) => ({ first: m.first, last: m.last, pattern: m.pattern, scope: m.value }))
    },
  }
}

/** data/rules/triggers.json "objects": the class a verb takes from the first object noun after it, null to drop it. */
function makeObjectReader(r: Rules) {
  const o = r.triggers.objects
  const skip = new Set(o.skip.split('|'))
  const rules = o.rules.map((x) => ({ after: new Set(x.after), nouns: new Set(x.nouns.toLowerCase().split('|')), then: x.then }))
  const verbs = new Set(rules.flatMap((x) => [...x.after]))
  const needsPlace = new Set(o.place_required.classes)
  const placeNouns = new Set(o.place_required.nouns.split('|'))
  // a place name is a capitalised word that does not open the sentence
  const placeLike = (s: Sentence, i: number) => placeNouns.has(s.words[i]!.lower) || (i > 0 && /^\p{Lu}/u.test(s.words[i]!.text))
  return function objectOf(s: Sentence, first: number, last: number, cls: string): string | null {
    if (!verbs.has(cls) && !needsPlace.has(cls)) return cls
    for (let i = last + 1; i < s.words.length && i <= last + 6; i++) {
      const w = s.words[i]!
      // a single space joins words of one phrase; a comma or a stop ends the object
      if (w.start - s.words[i - 1]!.end !== 1) break
      const rule = rules.find((x) => x.after.has(cls) && x.nouns.has(w.lower))
      // "the rebel stronghold": a noun that qualifies a place noun after it is not the object
      const next = s.words[i + 1]
      const qualifies = next && next.start - w.end === 1 && placeNouns.has(next.lower)
      if (rule && !qualifies) return rule.then
      if (qualifies) break
      if (!skip.has(w.lower) && !isNumberish(w.lower) && !/^(suspected|alleged|heavily|fleeing|unarmed|wanted|notorious|top|senior|key)$/.test(w.lower)) break
    }
    if (!needsPlace.has(cls)) return cls
    const passive = /^(was|were|been|being|is|are|be)$/.test(s.words[first - 1]?.lower ?? '')
    const from = passive ? Math.max(0, first - 8) : last + 1, to = passive ? first - 1 : Math.min(s.words.length - 1, last + 7)
    for (let i = from; i <= to; i++) if (placeLike(s, i)) return cls
    return null
  }
}

// "the Front for the Liberation of X", "the Revolutionary Armed Forces": a capitalised trigger word inside a
// name (not opening the sentence, beside other capitalised words) names a group, not a deed
const cap = (w: Word | undefined) => !!w && /^\p{Lu}\p{Ll}/u.test(w.text)
function insideName(s: Sentence, first: number, last: number): boolean {
  const w = s.words
  if (first === 0 || !cap(w[first]) || /^[A-Z]{2,}$/.test(w[first]!.text)) return false
  // a headline in title case ("Rebels Capture Key Town") capitalises its verbs too
  if (w.filter((x) => cap(x) || /^[A-Z]/.test(x.text)).length > 0.6 * w.length) return false
  // a capitalised word beside it, across at most two small words ("Front for the Liberation", "Liberation of Congo")
  const small = (x: Word | undefined) => /^(of|for|the|and|de|du|la|el|al)$/.test(x?.lower ?? '')
  let i = first - 1
  while (i > first - 3 && small(w[i])) i--
  let j = last + 1
  while (j < last + 3 && small(w[j])) j++
  return cap(w[i]) && i >= 0 && (i > 0 || i < first - 1) || cap(w[j])
}

const CLAUSE_WORD = /^(while|whereas|meanwhile)$/

/** Splits a sentence where a second incident usually starts: ";", "while", "whereas", "meanwhile". */
export function clausesOf(text: string, s: Sentence): Clause[] {
  const out: Clause[] = []
  let first = 0
  for (let i = 1; i < s.words.length; i++) {
    const gap = text.slice(s.words[i - 1]!.end, s.words[i]!.start)
    // "..., and a suicide car bomb killed 13 at a police station": a new subject after ", and" is a new incident
    const newSubject = s.words[i]!.lower === 'and' && gap.includes(',') && /^(a|an|another)$/.test(s.words[i + 1]?.lower ?? '')
    // "..., hours after a suicide bomber struck a police station": another incident, told as a time reference
    const timeLink = gap.includes(',') && /^(hours|minutes|days|shortly|soon|moments)$/.test(s.words[i]!.lower) && /^(after|before)$/.test(s.words[i + 1]?.lower ?? '')
    if (gap.includes(';') || (CLAUSE_WORD.test(s.words[i]!.lower) && gap.includes(',')) || newSubject || timeLink) {
      out.push(clause(s, first, i - 1))
      first = i
    }
  }
  out.push(clause(s, first, s.words.length - 1))
  return out
}

function clause(s: Sentence, first: number, last: number): Clause {
  return { start: s.words[first]!.start, end: s.words[last]!.end, sentence: s.index, first, last }
}
