// Load test (issue 8): `sitrep serve` over a large store, hit by autocannon on loopback with a mix of
// the dashboard's and analysts' requests while `sitrep ingest` writes into the same store. Held when
// no request errors, times out or answers other than 2xx, and the ingest finishes cleanly.
// node scripts/load.mjs [--events 1000000] [--seconds 30] [--connections 50] [--reports 20000]   (npm run load)
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { openQueryStore } from './query-store.mjs'
import { syntheticReports } from './synthetic-reports.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'bin/sitrep')
const env = { ...process.env, DATABASE_URL: '', SITREP_DB: '', SITREP_TOKEN: '' }

/** Starts `sitrep serve` on a free port; resolves with its base URL once it prints it. */
function startServer(db) {
  const p = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  p.stderr.on('data', (d) => { stderr += d })
  return new Promise((resolve, reject) => {
    let out = ''
    p.stdout.on('data', (d) => {
      out += d
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (m) resolve({ p, base: m[1], stderr: () => stderr })
    })
    p.on('exit', (code) => reject(new Error(`sitrep serve exited (${code}) before listening: ${stderr}`)))
  })
}

/** The requests the dashboard makes on load and on filtering, and what analysts script against. */
function requestMix(eventId) {
  return [
    '/api/events?country=Iraq&type=Battles',
    '/api/events?admin1=Borno&since=2019-01-01',
    '/api/events?bbox=44,33,45,34',
    `/api/events?q=${encodeURIComponent('Place 4321')}`,
    '/api/events?actor=shabaab&min-fatalities=10',
    '/api/events?country=Somalia&since=2019-01-01&until=2019-12-31&format=points',
    '/api/events?country=Nigeria&format=csv&limit=500',
    '/api/stats?bucket=week&by=event_type&country=Iraq',
    '/api/stats?bucket=month&by=country&since=2020-01-01',
    `/api/events/${encodeURIComponent(eventId)}`,
    '/api/actors?q=state',
    '/api/places?q=Mosul',
    '/api/health',
    '/',
    '/app.js',
  ].map((path) => ({ method: 'GET', path, headers: { 'accept-encoding': 'gzip' } }))
}

/**
 * Returns { requests, rps, latency: {p50, p99, max}, errors, timeouts, non2xx, ingest: {...} }.
 * The store is copied first, so the one built for benchmarks is left as it was. The ingest still
 * running when the load ends is stopped, or waited for with `finishIngest`.
 */
export async function runLoad({ events = 1_000_000, seconds = 30, connections = 50, reports = 20_000, finishIngest = false, dir = 'scratch/bench', log = () => {} } = {}) {
  mkdirSync(dir, { recursive: true })
  const source = join(dir, `query-${events}.db`)
  const built = await openQueryStore(source, events, log)
  await built.close()
  const work = mkdtempSync(join(tmpdir(), 'sitrep-load-'))
  const db = join(work, 'load.db')
  copyFileSync(source, db)
  const feed = join(work, 'reports.jsonl')
  writeFileSync(feed, [...syntheticReports(reports, { seed: 11 })].map((r) => JSON.stringify(r)).join('\n') + '\n')

  const server = await startServer(db)
  try {
    const first = await (await fetch(`${server.base}/api/events?limit=1`)).json()
    const eventId = first.events[0].event_id
    // the ingest writes while the server reads: SQLite's one writer beside many readers (WAL)
    const t0 = performance.now()
    const ingest = spawn(process.execPath, [bin, 'ingest', feed, '--db', db], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let ingestOut = ''
    ingest.stdout.on('data', (d) => { ingestOut += d })
    ingest.stderr.on('data', (d) => { ingestOut += d })
    const ingestDone = new Promise((resolve) => ingest.on('exit', (code) => resolve({ code, seconds: (performance.now() - t0) / 1000 })))
    let ingestEnded = null
    void ingestDone.then((r) => { ingestEnded = r })
    log(`load: ${connections} connections for ${seconds} s against ${server.base} over ${events.toLocaleString('en')} events, ingest of ${reports.toLocaleString('en')} reports running`)
    const result = await autocannon({ url: server.base, connections, duration: seconds, requests: requestMix(eventId), timeout: 10 })
    const ingestRanThroughout = ingestEnded === null || ingestEnded.seconds >= seconds
    // the rest of the ingest is not load: stop it unless asked to wait (a re-run resumes where it stopped)
    const stoppedByUs = ingestEnded === null && !finishIngest
    if (stoppedByUs) ingest.kill('SIGTERM')
    const ing = await ingestDone
    const stored = await (await fetch(`${server.base}/api/health`)).json()
    return {
      events, seconds, connections,
      requests: result.requests.total, rps: Math.round(result.requests.average),
      latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      bytes_per_sec: Math.round(result.throughput.average),
      errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx,
      ingest: { ran_throughout: ingestRanThroughout, exit: ing.code, stopped_by_us: stoppedByUs, seconds: +ing.seconds.toFixed(1), output: ingestOut.slice(-400) },
      store_after: stored,
    }
  } finally {
    server.p.kill('SIGTERM')
    await new Promise((r) => server.p.once('exit', r))
    rmSync(work, { recursive: true, force: true })
  }
}

/** Held: every request answered 2xx in time, and the ingest did not fail. */
export const held = (r) => r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && (r.ingest.stopped_by_us || r.ingest.exit === 0)

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt }
  const t0 = performance.now()
  const r = await runLoad({ events: arg('events', 1_000_000), seconds: arg('seconds', 30), connections: arg('connections', 50), reports: arg('reports', 20_000), log: (s) => console.error(s) })
  console.log(`${r.requests.toLocaleString('en')} requests in ${r.seconds} s (${r.rps} req/s) over ${r.events.toLocaleString('en')} events with ${r.connections} connections; latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; ingest ${r.ingest.ran_throughout ? 'ran throughout' : 'finished early'} (exit ${r.ingest.stopped_by_us ? 'stopped after the load' : r.ingest.exit}); ${((performance.now() - t0) / 1000).toFixed(0)} s in all`)
  console.log(JSON.stringify({ load: r }))
  if (!held(r)) { console.error('load NOT held'); process.exit(1) }
}
