import { PgBoss } from './pg-boss.js'
import type { ReportInput } from '../types.js'

/** Job names: a report to code and store; a URL or feed for a worker to fetch, code and store. */
export const CODE_QUEUE = 'sitrep-code'
export const FETCH_QUEUE = 'sitrep-fetch'

export type CodeJob = { report: ReportInput; defaultPublished?: string }
export type FetchJob = { spec: string; allowPrivate: boolean; timeoutMs: number; maxBytes: number; defaultPublished?: string }

/**
 * The queue is pg-boss in the same PostgreSQL database (its own schema). A job whose worker dies is
 * retried once its time runs out (`expireInSeconds`); storing is idempotent, so a retried job never
 * duplicates a report or an event.
 */
export async function openQueue(url: string, opts: { schema?: string } = {}): Promise<PgBoss> {
  const expire = Number(process.env.SITREP_JOB_EXPIRE_SECONDS ?? 300)
  const boss = new PgBoss({
    connectionString: url, schema: opts.schema ?? process.env.SITREP_QUEUE_SCHEMA ?? 'sitrep_queue', max: 4,
    // expired jobs are found by maintenance: run it often enough that a killed worker's job comes back soon
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(expire / 2))),
  })
  boss.on('error', (e: Error) => process.stderr.write(`queue: ${e.message}\n`))
  await boss.start()
  for (const name of [CODE_QUEUE, FETCH_QUEUE]) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 1, expireInSeconds: expire })
  }
  return boss
}

/** Jobs not finished yet (waiting, retrying or running) on both queues. */
export async function pending(boss: PgBoss): Promise<number> {
  let n = 0
  for (const name of [CODE_QUEUE, FETCH_QUEUE]) n += await boss.getQueueSize(name, { before: 'completed' })
  return n
}

/** Whether commands should enqueue instead of coding in-process: a PostgreSQL store and SITREP_QUEUE set. */
export function queueConfigured(): string | null {
  const url = process.env.DATABASE_URL
  return url && process.env.SITREP_QUEUE && process.env.SITREP_QUEUE !== '0' ? url : null
}
