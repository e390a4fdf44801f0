import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { openStore } from '../store/open.js'
import { formatSummary } from '../store/ingest-batch.js'
import type { CliIO } from './io.js'
import { addFetchOptions, ingestSources, type FetchFlags } from './ingest-command.js'
import { parseBytes, parseDuration } from './units.js'
import { openQueue, queueConfigured } from '../queue/queue.js'
import { enqueueSources } from '../queue/enqueue.js'

/** Feed URLs of a list file: one a line, blank lines and # comments ignored. */
export function readFeedList(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
}

/** `sitrep watch feeds.txt --every 15m`: polls feeds and ingests only items not stored yet. */
export function registerWatch(program: Command, io: CliIO) {
  addFetchOptions(program.command('watch')
    .description('poll the feeds listed in a file (one URL a line) and ingest what is new')
    .argument('<feeds>', 'a file of feed URLs, one a line, # for comments')
    .option('--db <file>', 'the store (default ./sitrep.db or SITREP_DB)')
    .option('--every <duration>', 'time between polls, e.g. 15m', '15m')
    .option('--rounds <n>', 'stop after this many polls (default: until interrupted)'))
    .action(async (file: string, opts: FetchFlags & { db?: string; every: string; rounds?: string }) => {
      const every = parseDuration(opts.every, '--every')
      const rounds = opts.rounds === undefined ? Infinity : Number(opts.rounds)
      if (!(rounds >= 1) || !Number.isInteger(rounds) && rounds !== Infinity) throw new Error(`--rounds must be a whole number of at least 1, got "${opts.rounds}"`)
      const feeds = readFeedList(readFileSync(file, 'utf8'))
      if (!feeds.length) throw new Error(`${file} lists no feeds`)
      let stopping = false
      let wake: (() => void) | null = null
      const stop = () => { stopping = true; wake?.() }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      // with a queue, each poll puts one fetch job a feed on it; workers fetch only items not stored
      const queueUrl = queueConfigured()
      const boss = queueUrl ? await openQueue(queueUrl) : null
      const store = boss ? null : await openStore(opts.db)
      let failedRounds = 0
      try {
        for (let round = 1; round <= rounds && !stopping; round++) {
          if (boss) {
            const q = await enqueueSources(boss, feeds, { allowPrivate: !!opts.allowPrivate, timeoutMs: parseDuration(opts.timeout, '--timeout'), maxBytes: parseBytes(opts.maxBytes, '--max-bytes'), ...(opts.published ? { defaultPublished: opts.published } : {}) })
            io.err(`poll ${round} at ${new Date().toISOString()}: enqueued ${q.jobs} fetch job(s) for \`sitrep worker\``)
            if (q.failed) failedRounds++
          } else {
            const s = await ingestSources(feeds, store!, opts, io, `poll ${round}`)
            io.err(`poll ${round} at ${new Date().toISOString()}: ${formatSummary(s)}`)
            if (s.failed) failedRounds++
          }
          if (round < rounds && !stopping) await new Promise<void>((res) => { wake = res; setTimeout(res, every) })
        }
      } finally {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        await store?.close()
        await boss?.stop({ graceful: false, close: true, wait: true })
      }
      if (failedRounds) { io.err(`${failedRounds} poll(s) had failures`); io.setExitCode(1) }
    })
}
