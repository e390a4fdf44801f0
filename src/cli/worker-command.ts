import type { Command } from 'commander'
import { openStore } from '../store/open.js'
import { openQueue } from '../queue/queue.js'
import { runWorker } from '../queue/worker.js'
import type { CliIO } from './io.js'

/** `sitrep worker --concurrency 4`: takes ingest and coding jobs from the PostgreSQL queue. */
export function registerWorker(program: Command, io: CliIO) {
  program.command('worker')
    .description('take fetch and coding jobs from the queue (PostgreSQL, DATABASE_URL) and store the results; start one per core, on any number of machines')
    .option('--concurrency <n>', 'jobs at a time in this process', '1')
    .option('--exit-when-idle', 'stop once the queue is empty (for batch runs and tests)')
    .action(async (opts: { concurrency: string; exitWhenIdle?: boolean }) => {
      const url = process.env.DATABASE_URL
      if (!url) throw new Error('the worker needs DATABASE_URL (a PostgreSQL store and queue)')
      const concurrency = Number(opts.concurrency)
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error(`--concurrency must be a whole number from 1 to 64, got "${opts.concurrency}"`)
      const store = await openStore(url)
      const boss = await openQueue(url)
      io.err(`worker ${process.pid}: taking jobs (concurrency ${concurrency})`)
      try {
        const t = await runWorker(boss, store, { concurrency, log: io.err, ...(opts.exitWhenIdle ? { exitWhenIdle: true } : {}) })
        io.err(`worker ${process.pid}: ${t.coded} report job(s) (${t.stored} stored, ${t.seen} already stored), ${t.fetched} fetch job(s), ${t.failed} item(s) failed`)
        if (t.failed) io.setExitCode(1)
      } finally {
        await store.close()
      }
    })
}
