import type { SitrepEvent } from '../types.js'

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s)

/** A readable table of events for a terminal. */
export function eventTable(events: SitrepEvent[]): string {
  if (events.length === 0) return '(no events)'
  const rows = events.map((e) => [
    e.event_date ?? '?', String(e.time_precision ?? '-'), cut(e.sub_event_type, 30), cut(e.actor1 ?? '-', 30), cut(e.actor2 ?? '-', 26),
    cut([e.location, e.admin1].filter(Boolean).join(', ') || '-', 30), String(e.geo_precision ?? '-'), String(e.fatalities), e.arrests == null ? '-' : String(e.arrests),
    e.background ? 'bg' : '', e.confidence.toFixed(2),
  ])
  const head = ['date', 'tp', 'sub-event type', 'actor1', 'actor2', 'location', 'gp', 'dead', 'arr', '', 'conf']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
