import type { Command } from 'commander'
import { EXAMPLES } from './demo-command.js'
import { ingestSources, undatedNote } from './ingest-command.js'
import type { CliIO } from './io.js'
import { runServer } from './serve-command.js'
import { openStore } from '../store/open.js'
import { formatSummary } from '../store/ingest-batch.js'

/**
 * `sitrep start` (what `npm start` runs): ingests the bundled example reports, then serves the dashboard,
 * in one process, so one signal (Ctrl-C, or the SIGTERM a service manager or a container stop sends)
 * stops everything. Re-running it stores nothing twice.
 */
export function registerStart(program: Command, io: CliIO) {
  program.command('start')
    .description('ingest the bundled example reports (examples/reports.jsonl) into the store, then serve the dashboard; stop with Ctrl-C')
    .option('--db <file>', 'the store', 'sitrep.db')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--file <file>', 'another JSONL file of reports to ingest first', EXAMPLES)
    .action(async (opts: { db: string; port: string; host: string; file: string }) => {
      const store = await openStore(opts.db)
      try {
        const s = await ingestSources([opts.file], store, { timeout: '15s', maxBytes: '10MB' }, io)
        io.err(formatSummary(s))
        if (s.undated) io.err(undatedNote(s.undated))
        if (s.failed) io.setExitCode(1)
      } finally {
        await store.close()
      }
      await runServer({ port: opts.port, host: opts.host, db: opts.db }, io)
    })
}
