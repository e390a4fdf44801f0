import type { Store } from '../store/store.js'
import { readyFor } from '../lang/detect.js'
import { makeCoder } from '../pipeline.js'
import { coderVersion } from '../coder-version.js'
import { readSources } from '../ingest/sources.js'
import { ingestItems } from '../store/ingest-batch.js'
import { CODE_QUEUE, FETCH_QUEUE, pending, type CodeJob, type FetchJob } from './queue.js'
import type { PgBoss } from './pg-boss.js'

export type WorkerTally = { coded: number; stored: number; seen: number; fetched: number; failed: number }

/**
 * Takes jobs until stopped. Its own fetch loop rather than boss.work(): work() waits a polling
 * interval after every job, which capped a worker at two reports a second. Here a worker asks again
 * at once while there is work, and sleeps only when the queue is empty. `concurrency` loops run in
 * this process (useful for fetch jobs that wait on the network; for CPU, run one process per core).
 */
export async function runWorker(boss: PgBoss, store: Store, opts: { concurrency: number; log: (s: string) => void; exitWhenIdle?: boolean }): Promise<WorkerTally> {
  const coder = makeCoder()
  const version = coderVersion()
  const t: WorkerTally = { coded: 0, stored: 0, seen: 0, fetched: 0, failed: 0 }
  let stopping = false
  const stop = () => { stopping = true }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  const codeJob = async (d: CodeJob) => {
    const r = !d.report.published && d.defaultPublished ? { ...d.report, published: d.defaultPublished } : d.report
    await readyFor(r.text)
    const res = await store.addReport(r, coder(r).events ?? [], version)
    t.coded++
    if (res.status === 'new') t.stored++
    else t.seen++
  }
  const fetchJob = async (d: FetchJob) => {
    const s = await ingestItems(readSources([d.spec], { allowPrivate: d.allowPrivate, timeoutMs: d.timeoutMs, maxBytes: d.maxBytes, isSeen: (link) => store.seen({ url: link }) }),
      store, { code: (r) => coder(r).events ?? [], coderVersion: version, ...(d.defaultPublished ? { defaultPublished: d.defaultPublished } : {}) })
    t.fetched++
    t.stored += s.stored
    t.seen += s.seen
    t.failed += s.failed
    for (const f of s.failures) opts.log(`fetch ${d.spec}: ${f.ref}: ${f.reason}`)
    // a full disk or a read-only store: fail the job so the queue retries it once the store is writable
    if (s.stopped) throw new Error(`cannot write to the store: ${s.stopped}`)
  }
  // a failed job goes back with its error; pg-boss retries it (retryLimit) and then keeps it as failed
  const take = async <T>(name: string, handle: (d: T) => Promise<void>): Promise<boolean> => {
    const [job] = await boss.fetch<T>(name, { batchSize: 1 })
    if (!job) return false
    try {
      await handle(job.data)
      await boss.complete(name, job.id)
    } catch (e) {
      opts.log(`job ${job.id} (${name}) failed: ${(e as Error).message}`)
      await boss.fail(name, job.id, { error: (e as Error).message })
    }
    return true
  }
  const loop = async () => {
    let idle = 0
    while (!stopping) {
      const did = (await take<CodeJob>(CODE_QUEUE, codeJob)) || (await take<FetchJob>(FETCH_QUEUE, fetchJob))
      if (did) { idle = 0; continue }
      if (opts.exitWhenIdle && (await pending(boss)) === 0 && ++idle >= 3) return
      await new Promise((r) => setTimeout(r, 300))
    }
  }
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, loop))
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    await boss.stop({ graceful: true, wait: true, close: true })
  }
  return t
}
