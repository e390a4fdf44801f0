import type { StoredEvent } from '../types.js'

// src/cli/table.ts lays out coder output (SitrepEvent, with tp/gp/confidence columns) and keeps its
// layout private, so stored events get their own small table here.

type Column = { head: string; max: number; right?: boolean; cell: (e: StoredEvent) => string }

const COLUMNS: Column[] = [
  { head: 'date', max: 10, cell: (e) => e.event_date ?? '?' },
  // Never cut: the id is what the reader copies to look the event up.
  { head: 'id', max: Infinity, cell: (e) => e.event_id },
  // Sub-event first: it names the type too, so a cut loses only the redundant part.
  { head: 'type', max: 44, cell: (e) => `${e.sub_event_type} (${e.event_type})` },
  { head: 'actors', max: 56, cell: (e) => [e.actor1, e.actor2].filter(Boolean).join(' vs ') || '-' },
  { head: 'location', max: 32, cell: (e) => [e.location, e.admin1 ?? e.country].filter(Boolean).join(', ') || '-' },
  { head: 'dead', max: 6, right: true, cell: (e) => String(e.fatalities) },
  { head: 'src', max: 4, right: true, cell: (e) => String(e.n_sources) },
  // what the review queue is ordered by (--order confidence)
  { head: 'conf', max: 4, right: true, cell: (e) => (typeof e.confidence === 'number' ? e.confidence.toFixed(2) : '-') },
  { head: '', max: 14, cell: (e) => [e.background ? 'bg' : '', e.review === 'unreviewed' ? '' : e.review].filter(Boolean).join(' ') },
]

// Names and notes come from scraped pages: a stray escape sequence or line break would redraw or
// break the terminal, so control characters become spaces before anything is measured.
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim()
// Widths count code points, so a name with an emoji or a rare CJK character is not cut mid-pair.
const width = (s: string) => [...s].length
const cut = (s: string, n: number) => (width(s) > n ? [...s].slice(0, n - 1).join('') + '…' : s)

/**
 * A compact fixed-width table of stored events for a terminal, one event a line:
 * `2019-04-11  IRQ1  Armed clash (Battles)  Military Forces of Iraq (2014-) vs Islamic State (Iraq)  Ramadi, Al-Anbar  3  1`.
 */
export function storedEventTable(events: readonly StoredEvent[]): string {
  if (events.length === 0) return '(no events)'
  const rows = events.map((e) => COLUMNS.map((c) => cut(clean(c.cell(e)), c.max)))
  const widths = COLUMNS.map((c, i) => Math.max(width(c.head), ...rows.map((r) => width(r[i]!))))
  const line = (r: string[]) =>
    r.map((s, i) => {
      const pad = ' '.repeat(widths[i]! - width(s))
      return COLUMNS[i]!.right ? pad + s : s + pad
    }).join('  ').trimEnd()
  return [line(COLUMNS.map((c) => c.head)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
