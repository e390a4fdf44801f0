import type { Span } from '../types.js'
import type { Sentence } from '../text/segment.js'
import type { Rules } from '../data/load.js'
import { makePhraseMatcher } from '../entities/phrase-matcher.js'

export type TriggerHit = Span & { sentence: number; first: number; last: number; cls: string; generic: boolean; pattern: string }
export type Clause = Span & { sentence: number; first: number; last: number }

/** Finds trigger phrases (data/rules/triggers.json) and suppressing cues in a sentence. */
export function makeTriggerFinder(r: Rules) {
  const match = makePhraseMatcher(r.triggers.triggers.flatMap((t) => t.patterns.map((pattern) => ({
    pattern, caseSensitive: t.caseSensitive, value: { cls: t.class, generic: t.generic ?? false },
  }))))
  const suppress = makePhraseMatcher(r.subEvents.suppress.cues.flatMap((c) => c.patterns.map((pattern) => ({ pattern, value: c.scope }))))
  return {
    triggers(s: Sentence): TriggerHit[] {
      return match(s.words).map((m) => ({
        start: s.words[m.first]!.start, end: s.words[m.last]!.end, sentence: s.index, first: m.first, last: m.last,
        cls: m.value.cls, generic: m.value.generic, pattern: m.pattern,
      }))
    },
    suppressors(s: Sentence): { first: number; last: number; pattern: string; scope: 'clause' | 'before' }[] {
      return suppress(s.words).map((m) => ({ first: m.first, last: m.last, pattern: m.pattern, scope: m.value }))
    },
  }
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
