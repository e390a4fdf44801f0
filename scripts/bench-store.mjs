// Store benchmarks (issue 5): reports ingested per second into SQLite with coding and merging, how
// ingest time grows from 10,000 to 100,000 reports, and filtered-query latency over 1,000,000 events.
// Usage: node scripts/bench-store.mjs [--reports 100000] [--events 1000000] [--dir scratch/bench]
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteStore } from '../dist/store/sqlite/sqlite-store.js'
import { ingestItems } from '../dist/store/ingest-batch.js'
import { makeCoder } from '../dist/pipeline.js'
import { coderVersion } from '../dist/coder-version.js'
import { syntheticReports } from './synthetic-reports.mjs'
import { openQueryStore } from './query-store.mjs'

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt }
const REPORTS = Number(arg('reports', 100_000)), EVENTS = Number(arg('events', 1_000_000))
const dir = arg('dir', 'scratch/bench')
mkdirSync(dir, { recursive: true })
const fresh = (name) => { const f = join(dir, name); for (const x of [f, `${f}-wal`, `${f}-shm`]) rmSync(x, { force: true }); return f }
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] }
const results = {}

// 1. ingest: code + store + merge, timed per block of 10,000 so growth shows
{
  const coder = makeCoder()
  const version = coderVersion()
  for (const r of syntheticReports(200, { seed: 99 })) coder(r) // warm-up: gazetteer countries load once
  const store = await SqliteStore.open(fresh('ingest.db'))
  const block = Math.min(10_000, REPORTS)
  let codeMs = 0, done = 0
  const blocks = []
  const all = syntheticReports(REPORTS, { seed: 1 })
  const t0 = performance.now()
  while (done < REPORTS) {
    const items = []
    for (let i = 0; i < block; i++) { const n = all.next(); if (n.done) break; items.push({ ref: n.value.id, report: n.value }) }
    if (!items.length) break
    const tb = performance.now()
    const s = await ingestItems(items, store, { code: (r) => { const c0 = performance.now(); const ev = coder(r).events ?? []; codeMs += performance.now() - c0; return ev }, coderVersion: version })
    done += items.length
    blocks.push({ upto: done, seconds: +((performance.now() - tb) / 1000).toFixed(2), failed: s.failed })
    process.stderr.write(`ingest: ${done}/${REPORTS} (${blocks.at(-1).seconds} s for the last ${items.length})\n`)
  }
  const secs = (performance.now() - t0) / 1000
  const counts = await store.counts()
  await store.close()
  const first = blocks[0].seconds, last = blocks.at(-1).seconds
  results.ingest = {
    reports: done, seconds: +secs.toFixed(1), reports_per_sec: +(done / secs).toFixed(0),
    store_share: +(1 - codeMs / 1000 / secs).toFixed(2), events: counts.events, mentions: counts.mentions,
    merged_away: counts.mentions - counts.events, seconds_per_block: blocks.map((b) => b.seconds), last_block_over_first: +(last / first).toFixed(2),
  }
  console.log(`ingest: ${done} reports in ${results.ingest.seconds} s = ${results.ingest.reports_per_sec} reports/s with coding and merging (store ${Math.round(results.ingest.store_share * 100)}% of the time); ${counts.mentions} coded events merged into ${counts.events}`)
  console.log(`ingest growth: seconds per ${block} reports: ${blocks.map((b) => b.seconds).join(', ')} (last/first ${results.ingest.last_block_over_first})`)
}

// 2. queries over EVENTS stored events (built once, reused while the count matches)
{
  const file = join(dir, `query-${EVENTS}.db`)
  const store = await openQueryStore(file, EVENTS, (m) => console.log(m))
  const queries = {
    // a newest-first page that matches nothing reads every candidate: the worst case
    'nothing matches': { country: ['SOM'], type: ['Riots'], since: '2030-01-01' },
    'newest page (no filter)': {},
    'country + type': { country: ['Iraq'], type: ['Battles'] },
    'country + date range': { country: ['NGA'], since: '2019-01-01', until: '2019-03-31' },
    'admin1': { admin1: ['Borno'] },
    'sub-type + min fatalities': { subType: ['Attack'], minFatalities: 20 },
    'actor substring': { actor: 'shabaab' },
    'bbox (1 x 1 degree)': { bbox: [44, 33, 45, 34] },
    'full text': { q: 'Place 4321' },
    'everything combined': { country: ['Iraq'], type: ['Violence against civilians'], since: '2018-01-01', until: '2020-12-31', minFatalities: 5, bbox: [42, 31, 46, 35] },
    'second page via cursor': 'cursor',
  }
  const lat = {}, all = []
  const firstPage = await store.queryEvents({ country: ['Iraq'], limit: 100 })
  for (const [name, q] of Object.entries(queries)) {
    const ms = []
    for (let i = 0; i < 40; i++) {
      const t = performance.now()
      await store.queryEvents(q === 'cursor' ? { country: ['Iraq'], limit: 100, cursor: firstPage.next } : { ...q, limit: 100 })
      ms.push(performance.now() - t)
    }
    lat[name] = { p50: +pct(ms, 50).toFixed(2), p95: +pct(ms, 95).toFixed(2) }
    all.push(...ms.slice(5))
  }
  await store.close()
  results.query = { events: EVENTS, page: 100, per_query_ms: lat, overall_p95_ms: +pct(all, 95).toFixed(2) }
  console.log(`filtered queries over ${EVENTS} events (pages of 100), ms:`)
  for (const [k, v] of Object.entries(lat)) console.log(`  ${k.padEnd(28)} p50 ${String(v.p50).padStart(7)}  p95 ${String(v.p95).padStart(7)}`)
  console.log(`  overall p95 ${results.query.overall_p95_ms} ms`)
}
console.log(JSON.stringify({ store: results }))
