import type { Span } from '../types.js'
import type { Segmented, Sentence } from './segment.js'

export type FurnitureRule = { scope: 'tail' | 'line' | 'inline' | 'prefix' | 'span'; name: string; pattern: string; example: string }
export type FurnitureRules = {
  rules: FurnitureRule[]
  headline_run: { min_lines: number; max_chars: number; example: string }
  trailing: { max_chars: number; example: string }
}
/** A part of the page that is not its article, with the rule that said so. */
export type Furniture = Span & { rule: string }

type Line = Span & { text: string }

// a line that ends a sentence; "…" ends a teaser, not a sentence
const ENDS_SENTENCE = /[.!?;:"”’')\]]$/
const TEASER = /(…|\.\.\.)$/

/**
 * Finds page furniture in plain text (data/rules/furniture.json): end matter after "Leave a Reply" or
 * "You May Also Like", navigation, share and comment prompts, captions, bylines, date stamps, and runs of
 * headline-like lines (other stories). The article's own first line, its title, is never furniture.
 */
export function makeFurnitureFinder(cfg: FurnitureRules) {
  // span rules are found many times a line and tell a sentence's end by the capital after it: global, case-sensitive
  const rules = cfg.rules.map((r) => ({ ...r, re: new RegExp(r.pattern, r.scope === 'span' ? 'gu' : 'iu') }))
  const byScope = (s: FurnitureRule['scope']) => rules.filter((r) => r.scope === s)
  const tails = byScope('tail'), whole = byScope('line'), inline = byScope('inline'), prefix = byScope('prefix'), spans = byScope('span')
  return function findFurniture(text: string): Furniture[] {
    const out: Furniture[] = []
    const lines = linesOf(text)
    const covered = new Array<boolean>(lines.length).fill(false)
    for (const r of prefix) {
      const m = r.re.exec(text.slice(0, 200))
      if (m && m.index === 0) out.push({ start: 0, end: m[0].length, rule: r.name })
    }
    const prefixEnd = out[0]?.end ?? 0
    // the article's title: the first line with letters that no rule calls furniture
    const firstText = lines.findIndex((l) => /\p{L}/u.test(l.text) && l.end > prefixEnd && !whole.some((r) => r.re.test(l.text)) && !tails.some((r) => r.re.test(l.text)))
    let tailAt = lines.length
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!
      if (i === firstText) continue
      const t = tails.find((r) => r.re.test(l.text))
      if (t && l.start >= text.length / 4) { tailAt = i; out.push({ start: l.start, end: text.length, rule: t.name }); break }
      const w = t ?? whole.find((r) => r.re.test(l.text))
      if (w) { out.push({ start: l.start, end: l.end, rule: w.name }); covered[i] = true; continue }
      for (const r of inline) {
        const m = r.re.exec(l.text)
        if (m && m.index > 0) out.push({ start: l.start + m.index, end: l.end, rule: r.name })
      }
      for (const r of spans) {
        r.re.lastIndex = 0
        for (let m = r.re.exec(l.text); m; m = r.re.exec(l.text)) {
          if (m[0].length === 0) { r.re.lastIndex++; continue }
          out.push({ start: l.start + m.index, end: l.start + m.index + m[0].length, rule: r.name })
        }
      }
    }
    const open = (l: Line) => l.text.length <= cfg.headline_run.max_chars && (!ENDS_SENTENCE.test(l.text) || TEASER.test(l.text))
    // runs of headline-like lines: a menu at the top or a list of other stories below the article
    for (let i = 0; i < tailAt;) {
      let j = i
      while (j < tailAt && (covered[j] || open(lines[j]!))) j++
      // known furniture inside the run counts towards it: a date stamp, a byline and a repeated title are one header
      const run: number[] = []
      for (let k = i; k < j; k++) if (!covered[k] && k !== firstText) run.push(k)
      if (j - i - (i <= firstText && firstText < j ? 1 : 0) >= cfg.headline_run.min_lines) for (const k of run) { out.push({ start: lines[k]!.start, end: lines[k]!.end, rule: 'headline-run' }); covered[k] = true }
      i = Math.max(j, i + 1)
    }
    // short lines closing the page: an author's name, the outlet, tags
    for (let i = tailAt - 1; i > firstText; i--) {
      const l = lines[i]!
      if (covered[i]) continue
      if (l.text.length > cfg.trailing.max_chars || ENDS_SENTENCE.test(l.text)) break
      out.push({ start: l.start, end: l.end, rule: 'trailing-line' })
    }
    return mergeSpans(text, out)
  }
}

/** Non-empty lines, trimmed, with their offsets in the text. */
function linesOf(text: string): Line[] {
  const out: Line[] = []
  const re = /[^\n]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length
    const t = m[0].trim()
    if (t) out.push({ start: m.index + lead, end: m.index + lead + t.length, text: t })
  }
  return out
}

// spans apart only by blank space are one: a list of headlines is one piece of furniture
function mergeSpans(text: string, xs: Furniture[]): Furniture[] {
  const sorted = [...xs].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Furniture[] = []
  for (const x of sorted) {
    const last = out[out.length - 1]
    if (last && (x.start <= last.end || (x.rule === last.rule && !/\S/.test(text.slice(last.end, x.start))))) { if (x.end > last.end) last.end = x.end; continue }
    out.push({ ...x })
  }
  return out
}

/**
 * The article's sentences: words inside furniture are dropped, a sentence left with none goes, and the
 * rest are numbered again from 0 (stages read "the first sentences" as the lead).
 */
export function withoutFurniture(seg: Segmented, furniture: Furniture[]): Segmented {
  if (furniture.length === 0) return seg
  // furniture is sorted and disjoint, words come in text order: one sweep
  let f = 0
  const inside = (w: Span) => {
    while (f < furniture.length && furniture[f]!.end <= w.start) f++
    const x = furniture[f]
    return !!x && w.start >= x.start && w.end <= x.end
  }
  const sentences: Sentence[] = []
  for (const s of seg.sentences) {
    const kept = s.words.filter((w) => !inside(w))
    if (kept.length === 0) continue
    const index = sentences.length
    const words = kept.map((w) => ({ ...w, sentence: index }))
    const last = kept[kept.length - 1]!
    // a sentence keeps its closing punctuation when its last word is kept
    const end = last === s.words[s.words.length - 1] ? s.end : last.end
    sentences.push({ ...s, index, start: Math.max(s.start, words[0]!.start), end, words })
  }
  return { sentences, words: sentences.flatMap((s) => s.words) }
}
