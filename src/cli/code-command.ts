import type { Command } from 'commander'
import { readyFor } from '../lang/detect.js'
import { makeCoder } from '../pipeline.js'
import { readReportLines } from '../ingest/jsonl.js'
import { readSources, textItems, type SourceItem } from '../ingest/sources.js'
import { eventTable } from './table.js'
import type { CliIO } from './io.js'
import { PUBLISHED_HELP, publishedOption } from './published-option.js'
import { readInputFile } from './read-input.js'
import { LANG_HELP, langOption } from './lang-option.js'

type CodeOpts = { lang?: string; published?: string; title?: string; id?: string; format: string; jsonl?: string; scorer?: boolean }

/** `sitrep code FILE|URL|-` and `sitrep code --jsonl FILE|-`. */
export function registerCode(program: Command, io: CliIO) {
  program.command('code')
    .description('code one report into events: a text, Markdown or HTML file, a URL, or "-" for standard input; or a JSONL batch')
    .argument('[file]', 'the report: a file (read as `ingest` reads it), a URL, or "-" for standard input')
    .option('--published <date>', PUBLISHED_HELP)
    .option('--title <title>', 'the report title (a plain text\'s first line is its title when it is short, does not end a sentence and a blank line follows it; the line is coded with the rest either way)')
    .option('--id <id>', 'the report id')
    .option('--lang <code>', LANG_HELP)
    .option('--jsonl <file>', 'a JSONL batch: {id, text, title?, published?, url?, source?} per line ("-" for stdin)')
    .option('--format <format>', 'table or json (a batch always writes JSONL)', 'table')
    .option('--no-scorer', 'the rules alone: no learned event scorer, so every event the rules find is written with the rules\' confidence')
    .action(async (file: string | undefined, opts: CodeOpts) => {
      const published = publishedOption(opts.published, { mtime: !opts.jsonl })
      const lang = langOption(opts.lang)
      const coder = makeCoder(opts.scorer === false ? { scorer: null } : {})
      if (opts.jsonl) return codeBatch(coder, opts.jsonl === '-' ? io.readStdin() : readInputFile(opts.jsonl), io, published, lang)
      if (!file) throw new Error('give a report file, a URL or "-", or --jsonl FILE')
      const sourceOpts = published ? { defaultPublished: published } : {}
      const items: AsyncIterable<SourceItem> | Iterable<SourceItem> = file === '-' ? textItems(io.readStdin(), 'stdin', sourceOpts) : readSources([file], sourceOpts)
      let coded = 0, failed = 0
      for await (const item of items) {
        if (!('report' in item)) { failed++; io.err('error' in item ? item.error : `${item.ref}: skipped: ${item.skipped}`); continue }
        const report = { ...item.report, ...(opts.id ? { id: opts.id } : {}), ...(opts.title ? { title: opts.title } : {}), ...(lang ? { lang } : {}) }
        await readyFor(report.text)
        const doc = coder(report)
        coded++
        if (opts.format === 'json') io.out(JSON.stringify({ id: doc.id, events: doc.events, diagnostics: doc.diagnostics }, null, 2))
        else {
          io.out(eventTable(doc.events ?? []))
          for (const d of doc.diagnostics) io.err(`${d.severity}: ${d.reason}`)
        }
      }
      if (failed) { io.err(`nothing coded from ${failed} input(s)${coded ? `; ${coded} coded` : ''}`); io.setExitCode(1) }
    })
}

/** Codes a JSONL batch; `published` is the default for lines without their own date. */
async function codeBatch(coder: ReturnType<typeof makeCoder>, text: string, io: CliIO, published?: string, lang?: string) {
  let failed = 0, coded = 0
  for (const r of readReportLines(text)) {
    if ('error' in r) { failed++; io.err(`line ${r.line}: ${r.error}`); continue }
    try {
      await readyFor(r.report.text)
      const doc = coder({ ...r.report, ...(published && !r.report.published ? { published } : {}), ...(lang ? { lang } : {}) })
      // diagnostics travel with the events: an unresolved date is said, not dropped
      io.out(JSON.stringify({ id: r.report.id, events: doc.events, ...(doc.diagnostics.length ? { diagnostics: doc.diagnostics } : {}) }))
      coded++
    } catch (e) {
      failed++
      io.err(`line ${r.line} (id ${r.report.id}): coding failed: ${(e as Error).message}`)
    }
  }
  io.err(`coded ${coded} report(s)${failed ? `, ${failed} failed` : ''}`)
  if (coded === 0 && failed === 0) { io.err('the batch holds no report'); io.setExitCode(1) }
  if (failed) io.setExitCode(1)
}
