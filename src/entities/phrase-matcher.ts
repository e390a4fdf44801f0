import type { Word } from '../text/segment.js'

/**
 * Phrase patterns as data: words separated by spaces, matched case-insensitively on word boundaries.
 *   "air strike|airstrike"  alternatives for one word      "kill*"   a prefix
 *   "wound*?"               an optional word               "..."     a gap of up to three words
 *   "[n]"                   a number (digits or words)
 * Hyphens and apostrophes inside a literal split it into words, as in the text: "al-Shabaab" = "al shabaab".
 * A pattern written with `caseSensitive` matches only the capitalisation given ("IS", not "is").
 */
type Step =
  | { kind: 'word'; exact: Set<string>; prefixes: string[]; optional: boolean; cased: string[] | null }
  | { kind: 'gap'; max: number }
  | { kind: 'num'; optional: boolean }

export type PhraseEntry<T> = { pattern: string; value: T; caseSensitive?: boolean }
export type PhraseMatch<T> = { value: T; first: number; last: number; pattern: string }

const SPLIT = /[\p{L}\p{M}\p{N}]+(?:[.,][0-9]+)*/gu

export function splitWords(s: string): string[] {
  return s.match(SPLIT) ?? []
}

function compile(pattern: string, caseSensitive: boolean): Step[] {
  const steps: Step[] = []
  for (const part of pattern.trim().split(/\s+/)) {
    if (part === '...') { steps.push({ kind: 'gap', max: 3 }); continue }
    if (part === '[n]' || part === '[n]?') { steps.push({ kind: 'num', optional: part.endsWith('?') }); continue }
    const optional = part.endsWith('?') && part.length > 1
    const body = optional ? part.slice(0, -1) : part
    if (body.includes('|') || body.endsWith('*')) {
      const exact = new Set<string>(), prefixes: string[] = []
      for (const alt of body.split('|')) {
        if (alt.endsWith('*')) prefixes.push(alt.slice(0, -1).toLowerCase())
        else for (const w of splitWords(alt)) exact.add(w.toLowerCase())
      }
      steps.push({ kind: 'word', exact, prefixes, optional, cased: null })
      continue
    }
    const words = splitWords(body)
    words.forEach((w, i) => steps.push({
      kind: 'word', exact: new Set([w.toLowerCase()]), prefixes: [], optional: optional && i === words.length - 1,
      cased: caseSensitive ? [w] : null,
    }))
  }
  return steps
}

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'dozen',
  'dozens', 'tens', 'hundreds', 'scores', 'thousands', 'a', 'several', 'many', 'some'])

export function isNumberish(lower: string): boolean {
  return /^[0-9]/.test(lower) || NUMBER_WORDS.has(lower)
}

function wordOk(step: Extract<Step, { kind: 'word' }>, w: Word): boolean {
  if (step.cased) return step.cased.includes(w.text)
  if (step.exact.has(w.lower)) return true
  for (const p of step.prefixes) if (w.lower.startsWith(p)) return true
  if (w.forms) {
    for (const f of w.forms) {
      if (step.exact.has(f)) return true
      for (const p of step.prefixes) if (f.startsWith(p)) return true
    }
  }
  return false
}

/** Does the pattern match starting exactly at words[i]? Returns the index after the match, or -1. */
function matchAt(steps: Step[], s: number, words: Word[], i: number, end: number): number {
  if (s === steps.length) return i
  const step = steps[s]!
  if (step.kind === 'gap') {
    for (let g = 0; g <= step.max && i + g <= end; g++) {
      const r = matchAt(steps, s + 1, words, i + g, end)
      if (r >= 0) return r
    }
    return -1
  }
  const w = i < end ? words[i] : undefined
  const ok = w !== undefined && (step.kind === 'num' ? isNumberish(w.lower) : wordOk(step, w))
  if (ok) {
    const r = matchAt(steps, s + 1, words, i + 1, end)
    if (r >= 0) return r
  }
  return step.optional ? matchAt(steps, s + 1, words, i, end) : -1
}

/** Builds a matcher over word arrays; index by first word keeps it linear in practice. */
export function makePhraseMatcher<T>(entries: PhraseEntry<T>[]) {
  const byFirst = new Map<string, { steps: Step[]; entry: PhraseEntry<T> }[]>()
  const scan: { steps: Step[]; entry: PhraseEntry<T> }[] = []
  for (const entry of entries) {
    const steps = compile(entry.pattern, entry.caseSensitive ?? false)
    const first = steps[0]
    if (!first) continue
    if (first.kind === 'word' && !first.optional && first.prefixes.length === 0) {
      for (const k of first.exact) {
        const list = byFirst.get(k) ?? []
        list.push({ steps, entry })
        byFirst.set(k, list)
      }
    } else scan.push({ steps, entry })
  }
  /** All matches inside words[from, to), in text order. */
  return function matchAll(words: Word[], from = 0, to = words.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = []
    for (let i = from; i < to; i++) {
      const w = words[i]!
      const keys = w.forms ? [w.lower, ...w.forms] : [w.lower]
      const seen = keys.length > 1 ? new Set<object>() : null
      for (const key of keys) {
        for (const c of byFirst.get(key) ?? []) {
          if (seen) { if (seen.has(c)) continue; seen.add(c) }
          const r = matchAt(c.steps, 0, words, i, to)
          if (r > i) out.push({ value: c.entry.value, first: i, last: r - 1, pattern: c.entry.pattern })
        }
      }
      for (const c of scan) {
        const r = matchAt(c.steps, 0, words, i, to)
        if (r > i) out.push({ value: c.entry.value, first: i, last: r - 1, pattern: c.entry.pattern })
      }
    }
    return out
  }
}

/** Keeps the longest matches that do not overlap, earlier first on ties. */
export function longestNonOverlapping<T>(matches: PhraseMatch<T>[]): PhraseMatch<T>[] {
  const sorted = [...matches].sort((a, b) => (b.last - b.first) - (a.last - a.first) || a.first - b.first)
  const taken: PhraseMatch<T>[] = []
  for (const m of sorted) if (!taken.some((t) => m.first <= t.last && t.first <= m.last)) taken.push(m)
  return taken.sort((a, b) => a.first - b.first)
}
