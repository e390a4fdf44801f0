// Durability under kill -9: ingests the same reports into one SQLite store, killing the ingest with
// SIGKILL at random points `kills` times, then lets it finish; the store must hold exactly what an
// uninterrupted ingest gives (same reports, same events, same merged ids) and pass integrity_check.
// node scripts/kill-ingest.mjs [--reports 10000] [--kills 20]   (npm run chaos)
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { syntheticReports } from './synthetic-reports.mjs'

const bin = fileURLToPath(new URL('../bin/sitrep', import.meta.url))
const env = { ...process.env, DATABASE_URL: '', SITREP_DB: '' }

const count = (db) => {
  try { const d = new Database(db, { readonly: true, fileMustExist: true }); try { return d.prepare('SELECT count(*) AS n FROM reports').get().n } finally { d.close() } } catch { return 0 }
}
const byReport = (db) => execFileSync(process.execPath, [bin, 'events', '--db', db, '--by-report', '--format', 'jsonl'], { env, encoding: 'utf8', maxBuffer: 1 << 30 })
  .trim().split('\n').map((l) => JSON.parse(l)).sort((a, b) => a.id.localeCompare(b.id))

/** Returns { kills, killedAt: [report counts], same, integrity, reports }. */
export async function killIngest({ reports = 10_000, kills = 20, seed = 7, log = () => {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-'))
  const file = join(dir, 'reports.jsonl')
  writeFileSync(file, [...syntheticReports(reports, { seed, days: Math.max(20, Math.round(reports / 40)) })].map((r) => JSON.stringify(r)).join('\n') + '\n')
  const ref = join(dir, 'reference.db'), victim = join(dir, 'victim.db')
  const run = (db) => {
    const p = spawn(process.execPath, [bin, 'ingest', file, '--db', db], { env, stdio: 'ignore' })
    const exited = new Promise((r) => p.on('exit', r))
    const state = { p, exited, done: false }
    void exited.then(() => { state.done = true })
    return state
  }
  const firstWrite = async (s, db, before) => { while (!s.done && count(db) === before) await new Promise((r) => setTimeout(r, 10)) }
  // the uninterrupted reference run also measures how long the writing part lasts, so kill moments
  // fall inside it on fast and slow machines alike (a fixed delay missed the whole run on a fast one)
  const r0 = run(ref)
  await firstWrite(r0, ref, 0)
  const w0 = performance.now()
  await r0.exited
  const writing = Math.max(50, performance.now() - w0)
  const killedAt = []
  for (let attempt = 0; killedAt.length < kills && attempt < kills * 3; attempt++) {
    const before = count(victim)
    if (before >= reports) {
      // a run finished before its kill: start over from an empty store so every kill asked for happens
      for (const f of ['', '-wal', '-shm']) rmSync(victim + f, { force: true })
      continue
    }
    // once this run is writing (its first batch committed), a random moment within the rest of the run:
    // while it codes, while it merges inside a transaction, or while it commits
    const s = run(victim)
    await firstWrite(s, victim, before)
    await new Promise((r) => setTimeout(r, Math.random() * 0.8 * writing * (reports - before) / reports))
    if (!s.done) { s.p.kill('SIGKILL'); await s.exited; killedAt.push(count(victim)); log(`kill ${killedAt.length}: at ${killedAt.at(-1)} stored reports`) }
    else await s.exited
  }
  execFileSync(process.execPath, [bin, 'ingest', file, '--db', victim], { env, stdio: 'ignore' })
  const d = new Database(victim, { readonly: true })
  const integrity = d.prepare('PRAGMA integrity_check').get().integrity_check
  d.close()
  const a = byReport(ref), b = byReport(victim)
  return { reports: b.length, kills: killedAt.length, killedAt, same: JSON.stringify(a) === JSON.stringify(b), integrity }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt }
  const t0 = performance.now()
  const r = await killIngest({ reports: arg('reports', 10_000), kills: arg('kills', 20), log: (s) => console.error(s) })
  console.log(`${r.kills} kill -9 during a ${r.reports}-report ingest; after re-running: ${r.same ? 'the same reports and events as an uninterrupted run' : 'DIFFERENT from an uninterrupted run'}; integrity_check ${r.integrity}; ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  console.log(JSON.stringify({ chaos: r }))
  if (!r.same || r.integrity !== 'ok') process.exit(1)
}
