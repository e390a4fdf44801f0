import type { Command } from 'commander'
import { openStore } from '../store/open.js'
import type { CliIO } from './io.js'
import { ANSI, BRACKETS, evidenceSpans, highlight } from './highlight.js'

const FIELDS = ['event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'interaction', 'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'arrests', 'confidence', 'review', 'notes'] as const

/** `sitrep show EVENT_ID`: the event, its sources, and each source text with its evidence marked. */
export function registerShow(program: Command, io: CliIO) {
  program.command('show')
    .description('show one event: its fields, its sources, and each source text with the evidence of each field marked')
    .argument('<event_id>', 'the event id (an id merged into another event still works)')
    .option('--db <file>', 'the store (default ./sitrep.db or SITREP_DB)')
    .option('--format <format>', 'text or json', 'text')
    .option('--color', 'colour the evidence even when not on a terminal')
    .action(async (id: string, opts: { db?: string; format: string; color?: boolean }) => {
      const store = await openStore(opts.db)
      try {
        const e = await store.getEvent(id)
        if (!e) { io.err(`no event with id "${id}"`); io.setExitCode(1); return }
        const mentions = await store.eventMentions(e.event_id)
        if (opts.format === 'json') {
          io.out(JSON.stringify({ event: e, history: await store.history(e.event_id), reviews: await store.reviews(e.event_id), sources: mentions.map((m) => ({ report: m.report, idx: m.idx, event: m.event })) }, null, 2))
          return
        }
        const style = opts.color || process.stdout.isTTY ? ANSI : BRACKETS
        io.out(`${e.event_id}${e.event_id !== id ? ` (asked for ${id}, merged into it)` : ''}`)
        for (const f of FIELDS) {
          const v = (e as Record<string, unknown>)[f]
          const rule = e.merge_rules[f === 'location' ? 'place' : f]
          const fixed = e.corrections.filter((c) => c.field === f).at(-1)
          io.out(`  ${f.padEnd(15)} ${v == null ? '-' : String(v)}${fixed ? `  (corrected${fixed.comment ? `: ${fixed.comment}` : ''})` : rule && e.n_sources > 1 ? `  (${rule})` : ''}`)
        }
        io.out(`\n${e.n_sources} source(s):`)
        mentions.forEach((m, i) => {
          const r = m.report
          io.out(`\n[${i + 1}] ${r.id}  ${r.source ?? ''}  ${r.published ?? ''}  ${r.url ?? ''}`.trimEnd())
          if (r.title) io.out(`    ${r.title}`)
          io.out(`    claims: ${m.event.sub_event_type}, ${m.event.event_date ?? '?'}, ${m.event.location ?? '?'}, ${m.event.fatalities} dead`)
          for (const [field, ev] of Object.entries(m.event.evidence)) {
            const quotes = (ev.spans ?? []).map((s) => JSON.stringify(r.text.slice(s.start, s.end))).join(', ')
            io.out(`    ${field.padEnd(15)} ${quotes || '-'}${ev.kind === 'rule' ? `  [rule ${ev.rule}]` : ''}`)
          }
          io.out('')
          io.out(highlight(r.text, evidenceSpans(m.event.evidence, r.text.length), style).replace(/^/gm, '    '))
        })
      } finally {
        await store.close()
      }
    })
}
