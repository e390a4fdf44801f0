import type { Evidence, Span } from '../types.js'

export type Marked = { field: string; span: Span }

/** Every evidence span of an event, with the field it supports, clipped to the text. */
export function evidenceSpans(evidence: Record<string, Evidence>, textLength: number): Marked[] {
  const out: Marked[] = []
  for (const [field, ev] of Object.entries(evidence)) {
    for (const s of ev.spans ?? []) {
      const start = Math.max(0, Math.min(s.start, textLength)), end = Math.max(start, Math.min(s.end, textLength))
      if (end > start) out.push({ field, span: { start, end } })
    }
  }
  return out
}

/**
 * The text with each evidence span marked and labelled by the fields it supports. Overlapping spans
 * are cut at every boundary so each piece carries all of its fields. `style` decides the marks
 * (brackets for pipes and files, colours on a terminal).
 */
export function highlight(text: string, marks: Marked[], style: { open: string; close: (fields: string[]) => string }): string {
  const cuts = new Set([0, text.length])
  for (const m of marks) { cuts.add(m.span.start); cuts.add(m.span.end) }
  const points = [...cuts].sort((a, b) => a - b)
  let out = ''
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!, b = points[i + 1]!
    const piece = text.slice(a, b)
    const fields = [...new Set(marks.filter((m) => m.span.start <= a && m.span.end >= b).map((m) => m.field))]
    out += fields.length ? `${style.open}${piece}${style.close(fields)}` : piece
  }
  return out
}

export const BRACKETS = { open: '[[', close: (f: string[]) => `]]{${f.join(',')}}` }
export const ANSI = { open: '\x1b[1;4m', close: (f: string[]) => `\x1b[0m\x1b[2m{${f.join(',')}}\x1b[0m` }
