import { readSources, type SourceOptions } from '../ingest/sources.js'
import { CODE_QUEUE, FETCH_QUEUE, pending, type CodeJob, type FetchJob } from './queue.js'
import type { PgBoss } from './pg-boss.js'

export type EnqueueSummary = { jobs: number; failed: number; failures: { ref: string; reason: string }[] }

/**
 * Puts sources on the queue for workers: a URL or feed becomes one fetch job (a worker on any
 * machine can fetch it); local files and directories are read here, since other machines cannot see
 * them, and each report becomes one coding job.
 */
export async function enqueueSources(boss: PgBoss, specs: string[], opts: SourceOptions & { timeoutMs: number; maxBytes: number }): Promise<EnqueueSummary> {
  const s: EnqueueSummary = { jobs: 0, failed: 0, failures: [] }
  const expireInSeconds = Number(process.env.SITREP_JOB_EXPIRE_SECONDS ?? 300)
  let batch: { name: string; data: CodeJob; retryLimit: number; expireInSeconds: number }[] = []
  const flush = async () => { if (batch.length) { await boss.insert(batch); s.jobs += batch.length; batch = [] } }
  for (const spec of specs) {
    if (/^https?:\/\//i.test(spec)) {
      const job: FetchJob = { spec, allowPrivate: !!opts.allowPrivate, timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, ...(opts.defaultPublished ? { defaultPublished: opts.defaultPublished } : {}) }
      await boss.send(FETCH_QUEUE, job, { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds })
      s.jobs++
      continue
    }
    for await (const item of readSources([spec], opts)) {
      if ('error' in item) { s.failed++; s.failures.push({ ref: item.ref, reason: item.error }); continue }
      if ('skipped' in item) continue
      batch.push({ name: CODE_QUEUE, data: { report: item.report, ...(opts.defaultPublished ? { defaultPublished: opts.defaultPublished } : {}) }, retryLimit: 5, expireInSeconds })
      if (batch.length >= 500) await flush()
    }
  }
  await flush()
  return s
}

/** Waits until every job is done (workers elsewhere do them); resolves with the seconds it took. */
export async function drained(boss: PgBoss, tick?: (left: number) => void): Promise<number> {
  const t0 = Date.now()
  for (;;) {
    const left = await pending(boss)
    tick?.(left)
    if (left === 0) return (Date.now() - t0) / 1000
    await new Promise((r) => setTimeout(r, 250))
  }
}
