// PostgreSQL benchmarks (issue 7): reports/s with 1, 2 and 4 worker processes, and filtered-query
// latency over 1,000,000 events. Needs DATABASE_URL; uses schemas of its own and drops them after.
// Usage: DATABASE_URL=postgres://... node scripts/bench-pg.mjs [--reports 2000] [--events 1000000] [--workers 1,2,4]
import { spawn, execFileSync } from 'node:child_process'
import { writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { PgStore } from '../dist/store/postgres/pg-store.js'
import { syntheticReports } from './synthetic-reports.mjs'

const url = process.env.DATABASE_URL
if (!url) { console.log('bench-pg skipped: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test'); process.exit(0) }
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt }
const REPORTS = Number(arg('reports', 2000)), EVENTS = Number(arg('events', 1_000_000))
const WORKERS = arg("workers", "1,2,4").split(",").map(Number).filter((n) => n > 0)
const root = fileURLToPath(new URL('..', import.meta.url))
const bin = `${root}bin/sitrep`
mkdirSync(`${root}scratch`, { recursive: true })
const file = `${root}scratch/bench-pg-reports.jsonl`
writeFileSync(file, [...syntheticReports(REPORTS, { seed: 3, days: Math.max(30, Math.round(REPORTS / 20)) })].map((r) => JSON.stringify(r)).join('\n') + '\n')
const admin = new pg.Client({ connectionString: url })
await admin.connect()
const drop = async (s) => admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`)
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] }
const results = { workers: {} }

for (const n of WORKERS) {
  const store = `sitrep_bench_w${n}`, queue = `${store}_q`
  await drop(store); await drop(queue)
  const env = { ...process.env, SITREP_PG_SCHEMA: store, SITREP_QUEUE_SCHEMA: queue, SITREP_JOB_EXPIRE_SECONDS: '120' }
  execFileSync(process.execPath, [bin, 'migrate'], { env })
  execFileSync(process.execPath, [bin, 'ingest', file, '--queue'], { env, stdio: 'ignore' })
  // the clock starts when the workers start (their start-up, about a second, is included)
  const t0 = performance.now()
  const procs = Array.from({ length: n }, () => spawn(process.execPath, [bin, 'worker', '--exit-when-idle'], { env, stdio: 'ignore' }))
  await Promise.all(procs.map((p) => new Promise((r) => p.on('exit', r))))
  const secs = (performance.now() - t0) / 1000
  const counted = Number((await admin.query(`SELECT count(*) AS n FROM ${store}.reports`)).rows[0].n)
  results.workers[n] = { reports: counted, seconds: +secs.toFixed(1), reports_per_sec: +(counted / secs).toFixed(1) }
  console.log(`${n} worker process(es): ${counted} reports in ${secs.toFixed(1)} s = ${(counted / secs).toFixed(1)} reports/s`)
  await drop(store); await drop(queue)
}

// queries over EVENTS events, generated inside PostgreSQL (a million single inserts would take most of an hour)
{
  const schema = 'sitrep_bench_q'
  const existing = await admin.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'events'`, [schema])
  const have = existing.rowCount ? Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.events`)).rows[0].n) : 0
  if (have !== EVENTS) {
    await drop(schema)
    const s = await PgStore.open(url, schema)
    await s.close()
    const t0 = performance.now()
    await admin.query(`
      INSERT INTO ${schema}.events (event_id, event_date, iso, country, admin1, event_type, sub_event_type, actors, fatalities, background, review, latitude, longitude, updated, merged, tsv)
      SELECT c.iso || 'B' || g, d, c.iso, c.name, c.admin[1 + g % array_length(c.admin, 1)], t.et, t.st, grp || ' | Civilians (' || c.name || ')', fat, false, 'unreviewed',
        c.lat + (random() - 0.5) * 4, c.lon + (random() - 0.5) * 4, 0,
        jsonb_build_object('event_id', c.iso || 'B' || g, 'event_date', d, 'event_type', t.et, 'sub_event_type', t.st, 'actor1', grp, 'country', c.name, 'iso', c.iso,
          'fatalities', fat, 'notes', 'On ' || d || ', ' || grp || ' attacked in Place ' || (g % 5000) || '.', 'sources', '[]'::jsonb, 'corrections', '[]'::jsonb, 'review', 'unreviewed', 'merge_rules', '{}'::jsonb),
        to_tsvector('simple', 'Place ' || (g % 5000) || ' ' || grp)
      FROM generate_series(1, ${EVENTS}) g
      CROSS JOIN LATERAL (SELECT to_char(date '2015-01-01' + (random() * 3650)::int, 'YYYY-MM-DD') AS d,
        (ARRAY['Islamic State','Boko Haram','Al Shabaab','Taliban','Military Forces of Russia','Unidentified Armed Group','Rioters','Protesters'])[1 + (random() * 7)::int] AS grp,
        CASE WHEN random() < 0.5 THEN 0 ELSE (random() * random() * 60)::int END AS fat, g AS gg) x
      CROSS JOIN LATERAL (SELECT * FROM (VALUES
        ('IRQ','Iraq',33.0,44.0,ARRAY['Baghdad','Al-Anbar','Ninawa','Basra']), ('SYR','Syria',35.0,38.0,ARRAY['Idlib','Aleppo','Homs']),
        ('NGA','Nigeria',10.0,8.0,ARRAY['Borno','Kaduna','Zamfara']), ('SOM','Somalia',3.0,45.0,ARRAY['Banaadir','Bay']),
        ('AFG','Afghanistan',34.0,66.0,ARRAY['Kabul','Nangarhar']), ('UKR','Ukraine',48.0,35.0,ARRAY['Donetsk','Kharkiv'])) v(iso, name, lat, lon, admin)
        OFFSET (floor(random() * 6) + 0 * x.gg)::int LIMIT 1) c
      CROSS JOIN LATERAL (SELECT * FROM (VALUES ('Battles','Armed clash'), ('Explosions/Remote violence','Air/drone strike'), ('Explosions/Remote violence','Remote explosive/landmine/IED'),
        ('Violence against civilians','Attack'), ('Protests','Peaceful protest'), ('Riots','Mob violence')) v(et, st) OFFSET (floor(random() * 6) + 0 * x.gg)::int LIMIT 1) t`)
    await admin.query(`ANALYZE ${schema}.events`)
    console.log(`query store: ${EVENTS} events generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  }
  const store = await PgStore.open(url, schema)
  // a query that matches nothing is the worst case for a newest-first page: it reads every candidate
  const queries = {
    'nothing matches': { country: ['SOM'], type: ['Riots'], since: '2030-01-01' },
    'newest page (no filter)': {}, 'country + type': { country: ['Iraq'], type: ['Battles'] },
    'country + date range': { country: ['NGA'], since: '2019-01-01', until: '2019-03-31' }, admin1: { admin1: ['Borno'] },
    'sub-type + min fatalities': { subType: ['Attack'], minFatalities: 20 }, 'actor substring': { actor: 'shabaab' },
    'bbox (1 x 1 degree)': { bbox: [44, 33, 45, 34] }, 'full text': { q: 'Place 4321' },
    'everything combined': { country: ['Iraq'], type: ['Violence against civilians'], since: '2018-01-01', until: '2020-12-31', minFatalities: 5, bbox: [42, 31, 46, 35] },
  }
  const lat = {}, all = []
  for (const [name, q] of Object.entries(queries)) {
    const ms = []
    for (let i = 0; i < 30; i++) { const t = performance.now(); await store.queryEvents({ ...q, limit: 100 }); ms.push(performance.now() - t) }
    lat[name] = { p50: +pct(ms, 50).toFixed(2), p95: +pct(ms, 95).toFixed(2) }
    all.push(...ms.slice(3))
  }
  await store.close()
  results.query = { events: EVENTS, per_query_ms: lat, overall_p95_ms: +pct(all, 95).toFixed(2) }
  console.log(`PostgreSQL filtered queries over ${EVENTS} events (pages of 100), ms:`)
  for (const [k, v] of Object.entries(lat)) console.log(`  ${k.padEnd(28)} p50 ${String(v.p50).padStart(7)}  p95 ${String(v.p95).padStart(7)}`)
  console.log(`  overall p95 ${results.query.overall_p95_ms} ms`)
}
await admin.end()
console.log(JSON.stringify({ postgres: results }))
