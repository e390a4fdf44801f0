import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { DATABASE_URL, dropSchemas, pgAvailability, testSchema } from './support/postgres.js'

// Real worker processes on a real PostgreSQL: concurrent merging, and a worker killed mid-job.
// They run the compiled CLI, so the suite compiles first.
const { run, why } = pgAvailability()
const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin/sitrep')
let dir = ''
let reports = ''
const schemas: string[] = []

beforeAll(async () => {
  if (!run) return
  dir = mkdtempSync(join(tmpdir(), 'sitrep-workers-'))
  // 240 invented reports over 12 days: dense, so reports of one incident reach different workers at once
  const { syntheticReports } = await import('../scripts/synthetic-reports.mjs')
  reports = join(dir, 'reports.jsonl')
  writeFileSync(reports, [...syntheticReports(240, { seed: 11, days: 12 })].map((r) => JSON.stringify(r)).join('\n') + '\n')
}, 120_000)
afterAll(() => dropSchemas(schemas))

function env(tag: string) {
  const store = testSchema(tag), queue = `${store}_q`
  schemas.push(store, queue)
  return { ...process.env, DATABASE_URL: DATABASE_URL!, SITREP_PG_SCHEMA: store, SITREP_QUEUE_SCHEMA: queue, SITREP_JOB_EXPIRE_SECONDS: '8' }
}
const sitrep = (args: string[], e: NodeJS.ProcessEnv) => execFileSync(process.execPath, [bin, ...args], { env: e, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] })
const worker = (e: NodeJS.ProcessEnv, extra: string[] = []) => spawn(process.execPath, [bin, 'worker', ...extra], { env: e, stdio: ['ignore', 'ignore', 'pipe'] })
const exited = (p: ChildProcess) => new Promise<number | null>((r) => p.on('exit', (code) => r(code)))
type ByReport = { id: string; events: { event_id: string }[] }
const byReport = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as ByReport).sort((a, b) => a.id.localeCompare(b.id))

let reference: ByReport[] = []
function referenceRun() {
  if (reference.length) return reference
  const db = join(dir, 'reference.db')
  sitrep(['ingest', reports, '--db', db], { ...process.env, DATABASE_URL: '' })
  reference = byReport(sitrep(['events', '--db', db, '--by-report', '--format', 'jsonl'], { ...process.env, DATABASE_URL: '' }))
  return reference
}

describe.runIf(run)('workers on PostgreSQL', () => {
  it('three workers coding at once give exactly the events of one SQLite process', async () => {
    const e = env('three')
    sitrep(['migrate'], e)
    sitrep(['ingest', reports, '--queue'], e)
    const ws = [worker(e, ['--exit-when-idle']), worker(e, ['--exit-when-idle']), worker(e, ['--exit-when-idle'])]
    expect(await Promise.all(ws.map(exited))).toEqual([0, 0, 0])
    const got = byReport(sitrep(['events', '--by-report', '--format', 'jsonl'], e))
    expect(got).toHaveLength(240)
    expect(got).toEqual(referenceRun())
    const shared = new Set<string>(), seen = new Set<string>()
    for (const r of got) for (const ev of r.events) (seen.has(ev.event_id) ? shared : seen).add(ev.event_id)
    expect(shared.size).toBeGreaterThan(20) // many incidents really were merged across reports
  }, 180_000)

  it('a worker killed with SIGKILL mid-batch loses nothing and duplicates nothing', async () => {
    const e = env('kill')
    sitrep(['migrate'], e)
    sitrep(['ingest', reports, '--queue'], e)
    const victim = worker(e)
    const c = new pg.Client({ connectionString: DATABASE_URL! })
    await c.connect()
    try {
      for (let i = 0; i < 600; i++) { // until it has stored part of the batch, then kill it in the middle
        const n = Number((await c.query(`SELECT count(*) AS n FROM ${e.SITREP_PG_SCHEMA}.reports`)).rows[0].n)
        if (n >= 40) break
        await new Promise((r) => setTimeout(r, 100))
      }
    } finally {
      await c.end()
    }
    victim.kill('SIGKILL')
    expect(await exited(victim)).toBeNull()
    const rest = [worker(e, ['--exit-when-idle']), worker(e, ['--exit-when-idle'])]
    expect(await Promise.all(rest.map(exited))).toEqual([0, 0])
    const got = byReport(sitrep(['events', '--by-report', '--format', 'jsonl'], e))
    expect(got).toEqual(referenceRun())
    const counts = JSON.parse(sitrep(['migrate', '--json'], e)) as { counts: { reports: number } }
    expect(counts.counts.reports).toBe(240)
  }, 180_000)
})

if (!run) describe('workers on PostgreSQL', () => { it.skip(why, () => undefined) })
