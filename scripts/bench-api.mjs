// HTTP API benchmark (issue 6): latency of /api/events, format=points and /api/stats over a large
// store, measured through a real socket with sequential requests after a warm-up.
// Usage: npm run build && node scripts/bench-api.mjs [--db scratch/bench/query-1000000.db] [--runs 40]
import { existsSync } from 'node:fs'
import http from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from '../dist/api/app.js'
import { openStore } from '../dist/store/open.js'

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt }
const DB = arg('db', 'scratch/bench/query-1000000.db')
const RUNS = Number(arg('runs', 40)), WARMUP = 5
const TARGET = { events: 50, stats: 200 }

if (!existsSync(DB)) {
  console.error(`no store at ${DB}: make the 1,000,000-event store first with\n  npm run build && node scripts/bench-store.mjs --reports 2000 --events 1000000\n(or pass --db FILE)`)
  process.exit(1)
}

const store = await openStore(DB)
const counts = await store.counts()
const server = await new Promise((resolve) => { const s = serve({ fetch: createApp(store).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)) })
const base = `http://127.0.0.1:${server.address().port}`
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

/** One GET read to its end: status, bytes, milliseconds to the last byte, and the body (its start, unless `whole`). */
function get(path, whole = false) {
  return new Promise((resolve, reject) => {
    const t = performance.now()
    http.get(base + path, { agent }, (res) => {
      let bytes = 0
      let body = ''
      res.on('data', (d) => { bytes += d.length; if (whole || body.length < 4096) body += d })
      res.on('end', () => resolve({ status: res.statusCode, bytes, ms: performance.now() - t, headers: res.headers, body }))
      res.on('error', reject)
    }).on('error', reject)
  })
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] }

async function measure(path) {
  for (let i = 0; i < WARMUP; i++) {
    const r = await get(path)
    if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status} ${r.body.slice(0, 300)}`)
  }
  const ms = []
  let bytes = 0
  for (let i = 0; i < RUNS; i++) { const r = await get(path); ms.push(r.ms); bytes = r.bytes }
  return { p50: +pct(ms, 50).toFixed(2), p95: +pct(ms, 95).toFixed(2), bytes }
}

// The filter mixes of scripts/bench-store.mjs, as query parameters; pages of 100 as JSON.
const firstPage = JSON.parse((await get('/api/events?country=Iraq', true)).body)
const groups = {
  events: {
    'newest page (no filter)': '/api/events',
    'country + type': '/api/events?country=Iraq&type=Battles',
    'country + date range': '/api/events?country=NGA&since=2019-01-01&until=2019-03-31',
    'admin1': '/api/events?admin1=Borno',
    'sub-type + min fatalities': '/api/events?sub-type=Attack&min-fatalities=20',
    'actor substring': '/api/events?actor=shabaab',
    'bbox (1 x 1 degree)': '/api/events?bbox=44,33,45,34',
    'full text': `/api/events?q=${encodeURIComponent('Place 4321')}`,
    'everything combined': '/api/events?country=Iraq&type=Violence%20against%20civilians&since=2018-01-01&until=2020-12-31&min-fatalities=5&bbox=42,31,46,35',
    'second page via cursor': `/api/events?country=Iraq&cursor=${firstPage.next}`,
  },
  points: {
    'points, one country (Somalia)': '/api/events?format=points&country=Somalia',
    'points, country + year': '/api/events?format=points&country=Somalia&since=2019-01-01&until=2019-12-31',
  },
  stats: {
    'week x event_type, no filter': '/api/stats?bucket=week&by=event_type',
    'week x event_type, Iraq': '/api/stats?bucket=week&by=event_type&country=Iraq',
    'month x admin1, no filter': '/api/stats?bucket=month&by=admin1',
  },
}

const results = { events: counts.events, runs: RUNS }
console.log(`HTTP API over ${counts.events.toLocaleString('en')} events (${RUNS} sequential requests each after ${WARMUP} warm-up), ms to the last byte:`)
for (const [group, paths] of Object.entries(groups)) {
  const rows = {}
  const all = []
  for (const [name, path] of Object.entries(paths)) {
    const r = await measure(path)
    rows[name] = r
    all.push(r.p95)
    console.log(`  ${group.padEnd(6)} ${name.padEnd(30)} p50 ${String(r.p50).padStart(8)}  p95 ${String(r.p95).padStart(8)}  ${(r.bytes / 1024).toFixed(0).padStart(7)} KiB`)
  }
  const worst = Math.max(...all)
  results[group] = { per_query_ms: rows, worst_p95_ms: worst, ...(TARGET[group] ? { target_p95_ms: TARGET[group], meets_target: worst < TARGET[group] } : {}) }
}
for (const [group, target] of Object.entries(TARGET)) {
  const r = results[group]
  console.log(`${group}: worst p95 ${r.worst_p95_ms} ms, target < ${target} ms: ${r.meets_target ? 'met' : 'MISSED'}`)
}

agent.destroy()
server.close()
await store.close()
console.log(JSON.stringify({ api: results }))
