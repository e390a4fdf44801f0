import type { Command } from 'commander'
import { makeCoder } from '../pipeline.js'
import { coderVersion } from '../coder-version.js'
import { openStore } from '../store/open.js'
import { formatSummary, ingestItems, type IngestSummary } from '../store/ingest-batch.js'
import { readSources, type SourceOptions } from '../ingest/sources.js'
import type { Store } from '../store/store.js'
import type { CliIO } from './io.js'
import { makeProgress } from './progress.js'
import { PUBLISHED_HELP, publishedOption } from './published-option.js'
import { LANG_HELP, langOption } from './lang-option.js'
import { parseBytes, parseDuration } from './units.js'
import { openQueue, queueConfigured } from '../queue/queue.js'
import { drained, enqueueSources } from '../queue/enqueue.js'

export type FetchFlags = { lang?: string; glob?: string; allowPrivate?: boolean; timeout: string; maxBytes: string; published?: string }

export function addFetchOptions(cmd: Command): Command {
  return cmd
    .option('--allow-private', 'allow URLs on private and loopback addresses (link-local ones stay refused)')
    .option('--timeout <duration>', 'total time allowed per fetch, e.g. 15s', '15s')
    .option('--max-bytes <size>', 'largest page, feed or file read, e.g. 10MB', '10MB')
    .option('--published <date>', `for reports that carry none: ${PUBLISHED_HELP}`)
    .option('--lang <code>', LANG_HELP)
}

export function sourceOptions(opts: FetchFlags, store: Store): SourceOptions {
  publishedOption(opts.published)
  return {
    ...(opts.glob ? { glob: opts.glob } : {}), allowPrivate: !!opts.allowPrivate,
    timeoutMs: parseDuration(opts.timeout, '--timeout'), maxBytes: parseBytes(opts.maxBytes, '--max-bytes'),
    ...(opts.published ? { defaultPublished: opts.published } : {}),
    // a feed item whose link is stored is not fetched again
    isSeen: (link) => store.seen({ url: link }),
  }
}

/** Reads sources into the store with coding and merging; the shared core of `ingest` and `watch`. */
export async function ingestSources(specs: string[], store: Store, opts: FetchFlags, io: CliIO, label = 'ingest'): Promise<IngestSummary> {
  const coder = makeCoder()
  const lang = langOption(opts.lang)
  const progress = makeProgress(io, label, null)
  try {
    return await ingestItems(readSources(specs, sourceOptions(opts, store)), store, {
      code: (r) => coder(lang ? { ...r, lang } : r).events ?? [], coderVersion: coderVersion(),
      ...(opts.published && opts.published !== 'mtime' ? { defaultPublished: opts.published } : {}),
      onItem: (_ref, _outcome, s) => progress.tick(`${s.stored} stored, ${s.seen} seen, ${s.failed} failed`),
    })
  } finally {
    progress.stop()
  }
}

/** Said after an ingest that stored reports with no publication date: their relative dates stay open. */
export function undatedNote(n: number): string {
  return `${n} report${n === 1 ? '' : 's'} had no publication date: ${n === 1 ? 'its' : 'their'} relative dates ("on Tuesday", "last week") are unresolved; pass --published (a date, or "mtime" for local files) or give dates in the input`
}

/** `sitrep ingest PATH|URL|FEED...` */
export function registerIngest(program: Command, io: CliIO) {
  addFetchOptions(program.command('ingest')
    .description('read files, directories, JSONL, HTML pages, RSS/Atom feeds and URLs; code, merge and store their reports. A plain text\'s first line is its title when it is a "# heading", or short (120 characters or fewer), not ending a sentence and followed by a blank line; it is coded with the rest, as `sitrep code` codes it')
    .argument('<sources...>', 'files, directories, URLs, feeds; "-" reads JSONL from standard input')
    .option('--db <file>', 'the store (default ./sitrep.db or SITREP_DB)')
    .option('--glob <pattern>', 'in directories, only files matching this pattern (e.g. "**/*.html")')
    .option('--queue', 'put the work on the PostgreSQL queue for `sitrep worker` (also when SITREP_QUEUE=1 with DATABASE_URL)')
    .option('--wait', 'with the queue: wait until the workers have done every job'))
    .action(async (specs: string[], opts: FetchFlags & { db?: string; queue?: boolean; wait?: boolean }) => {
      const queueUrl = opts.queue ? process.env.DATABASE_URL ?? null : queueConfigured()
      if (opts.queue && !queueUrl) throw new Error('--queue needs DATABASE_URL (the queue lives in PostgreSQL)')
      if (queueUrl) return enqueueCommand(specs, queueUrl, opts, io)
      const store = await openStore(opts.db)
      try {
        const s = await ingestSources(specs, store, opts, io)
        io.err(formatSummary(s))
        if (s.undated) io.err(undatedNote(s.undated))
        if (s.failed) io.err(`${s.failed} item(s) failed`)
        if (s.failed || s.stopped) io.setExitCode(1)
      } finally {
        await store.close()
      }
    })
}

async function enqueueCommand(specs: string[], url: string, opts: FetchFlags & { wait?: boolean }, io: CliIO) {
  const boss = await openQueue(url)
  try {
    const s = await enqueueSources(boss, specs, {
      ...(opts.glob ? { glob: opts.glob } : {}), allowPrivate: !!opts.allowPrivate,
      timeoutMs: parseDuration(opts.timeout, '--timeout'), maxBytes: parseBytes(opts.maxBytes, '--max-bytes'),
      ...(opts.published ? { defaultPublished: opts.published } : {}),
    })
    io.err(`enqueued ${s.jobs} job(s) for \`sitrep worker\`${s.failed ? `; ${s.failed} item(s) failed` : ''}`)
    for (const f of s.failures.slice(0, 50)) io.err(`  failed: ${f.ref}: ${f.reason}`)
    if (opts.wait) io.err(`all jobs done in ${(await drained(boss)).toFixed(1)} s`)
    if (s.failed) { io.err(`${s.failed} item(s) failed`); io.setExitCode(1) }
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true })
  }
}
