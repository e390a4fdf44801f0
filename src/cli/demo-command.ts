import { readFileSync } from 'node:fs'
import { readyFor } from '../lang/detect.js'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { makeCoder } from '../pipeline.js'
import { readReportLines } from '../ingest/jsonl.js'
import { eventTable } from './table.js'
import type { CliIO } from './io.js'

export const EXAMPLES = fileURLToPath(new URL('../../examples/reports.jsonl', import.meta.url))

/** `sitrep demo` (npm start): codes the bundled example reports and prints their events. */
export function registerDemo(program: Command, io: CliIO) {
  program.command('demo')
    .description('code the bundled example reports (examples/reports.jsonl) and print their events')
    .option('--file <file>', 'another JSONL file of reports', EXAMPLES)
    .action(async (opts: { file: string }) => {
      const coder = makeCoder()
      let reports = 0, events = 0
      for (const r of readReportLines(readFileSync(opts.file, 'utf8'))) {
        if ('error' in r) { io.err(`line ${r.line}: ${r.error}`); io.setExitCode(1); continue }
        await readyFor(r.report.text)
        const doc = coder(r.report)
        reports++
        events += doc.events?.length ?? 0
        io.out(`\n# ${r.report.id}: ${r.report.title ?? ''} (${r.report.published ?? 'no date'})`)
        io.out(eventTable(doc.events ?? []))
      }
      io.out(`\n${reports} reports, ${events} events. Try: ./bin/sitrep code --format json FILE --published YYYY-MM-DD`)
    })
}
