import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { makeCoder } from '../pipeline.js'
import { readReportLines } from '../ingest/jsonl.js'
import { eventTable } from './table.js'
import type { CliIO } from './io.js'

type CodeOpts = { published?: string; title?: string; id?: string; format: string; jsonl?: string; scorer?: boolean }

/** `sitrep code FILE` and `sitrep code --jsonl FILE|-`. */
export function registerCode(program: Command, io: CliIO) {
  program.command('code')
    .description('code one report (a text file) or a JSONL batch into events')
    .argument('[file]', 'a text file with one report ("-" for standard input)')
    .option('--published <date>', 'publication date YYYY-MM-DD: relative dates resolve against it')
    .option('--title <title>', 'the report title')
    .option('--id <id>', 'the report id')
    .option('--jsonl <file>', 'a JSONL batch: {id, text, title?, published?, url?, source?} per line ("-" for stdin)')
    .option('--format <format>', 'table or json (a batch always writes JSONL)', 'table')
    .option('--no-scorer', 'the rules alone: no learned event scorer, so every event the rules find is written with the rules\' confidence')
    .action((file: string | undefined, opts: CodeOpts) => {
      if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published)) throw new Error(`--published must be YYYY-MM-DD, got "${opts.published}"`)
      const coder = makeCoder(opts.scorer === false ? { scorer: null } : {})
      if (opts.jsonl) return codeBatch(coder, opts.jsonl === '-' ? io.readStdin() : readFileSync(opts.jsonl, 'utf8'), io, opts.published)
      if (!file) throw new Error('give a report file, or --jsonl FILE')
      const text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8')
      const doc = coder({ id: opts.id ?? file, text, ...(opts.title ? { title: opts.title } : {}), ...(opts.published ? { published: opts.published } : {}) })
      if (opts.format === 'json') io.out(JSON.stringify({ id: doc.id, events: doc.events, diagnostics: doc.diagnostics }, null, 2))
      else {
        io.out(eventTable(doc.events ?? []))
        for (const d of doc.diagnostics) io.err(`${d.severity}: ${d.reason}`)
      }
    })
}

/** Codes a JSONL batch; `published` is the default for lines without their own date. */
function codeBatch(coder: ReturnType<typeof makeCoder>, text: string, io: CliIO, published?: string) {
  let failed = 0, coded = 0
  for (const r of readReportLines(text)) {
    if ('error' in r) { failed++; io.err(`line ${r.line}: ${r.error}`); continue }
    try {
      const doc = coder(published && !r.report.published ? { ...r.report, published } : r.report)
      // diagnostics travel with the events: an unresolved date is said, not dropped
      io.out(JSON.stringify({ id: r.report.id, events: doc.events, ...(doc.diagnostics.length ? { diagnostics: doc.diagnostics } : {}) }))
      coded++
    } catch (e) {
      failed++
      io.err(`line ${r.line} (id ${r.report.id}): coding failed: ${(e as Error).message}`)
    }
  }
  io.err(`coded ${coded} report(s)${failed ? `, ${failed} failed` : ''}`)
  if (failed) io.setExitCode(1)
}
