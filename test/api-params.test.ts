import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/api/app.js'
import { loadGazetteer } from '../src/geo/gazetteer.js'
import type { Gazetteer } from '../src/geo/types.js'
import { encodeCursor } from '../src/store/query.js'
import { PgStore } from '../src/store/postgres/pg-store.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import type { Store } from '../src/store/store.js'
import type { SitrepEvent } from '../src/types.js'
import { ev, text } from './support/events.js'
import { DATABASE_URL, dropSchemas, pgAvailability, testSchema } from './support/postgres.js'

// A sweep of every query parameter of every GET route of the API with hostile values, against each
// store backend. The routes and their parameters come from the OpenAPI document the app serves, so a
// parameter added there is swept without touching this file. Every answer must be 200 or 400 (404
// only for an unknown event id), a 400 must name the parameter, a 200 must be a well-formed body that
// never holds more than the route gives unfiltered, and an injection must match nothing.

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** One hostile value: `raw` goes into the query string as is (already percent-encoded, or deliberately not). */
type Value = { label: string; raw: string; injection?: boolean }
const val = (v: string, label = JSON.stringify(v)): Value => ({ label, raw: encodeURIComponent(v) })
const inj = (v: string): Value => ({ label: JSON.stringify(v), raw: encodeURIComponent(v), injection: true })
const raw = (r: string, label = `raw ${r}`): Value => ({ label, raw: r })

const SQL_INJECTIONS = [
  `' OR 1=1 --`, '1; DROP TABLE events; --', '") OR ("1"="1', `%' UNION SELECT sql FROM sqlite_master --`, '1) OR (1=1',
  `'; SELECT pg_sleep(5); --`, `' OR ''='`, `1' AND 1=CAST((SELECT version()) AS int) --`, `\\'; DELETE FROM reports; --`,
]

/** Tried on every parameter of every route (and as an event id). */
const VALUES: Value[] = [
  ...SQL_INJECTIONS.map(inj),
  // full-text syntax of FTS5 and tsquery
  ...['"', 'NEAR(', '*', 'a AND', 'col:x', '^', '-', 'a OR b NOT c', '(', 'x:*', '!a & b | c', '<->'].map((v) => val(v)),
  val(Array.from({ length: 1000 }, (_, i) => `t${i}`).join(' OR '), '1,000-term OR chain'),
  val(Array.from({ length: 80 }, (_, i) => `w${i}`).join(' OR '), '80-term OR chain (under the length caps)'),
  // LIKE wildcards and escapes
  ...['%', '_', '\\', '%%', '\\%'].map((v) => val(v)),
  // huge values
  val('x'.repeat(100_000), '"x" × 100,000'),
  val('IRQ,'.repeat(1000), '"IRQ," × 1,000 (a 1,000-item list)'),
  // numbers
  ...['1e309', '-1e309', '99999999999999999999', 'NaN', 'Infinity', '-Infinity', '-0', '0x10', '+5', ' 5 ', '1.5', '1e3', '٣', '５'].map((v) => val(v)),
  // wrong types
  ...['true', 'false', '[]', '{}', 'null', 'undefined', '', ' ', '2024-13-45', '2024-02-30', '2024-2-3', '0000-00-00', '+275760-09-13', '2024-01-01T00:00:00Z'].map((v) => val(v)),
  ...['1,2,3', '1,2,3,4,5', '40,91,41,92', '181,10,182,11', '50,40,40,30', '40,40,50,30', '-180,-90,180,90', ',,,', '1e1,1,2,2', 'NaN,NaN,NaN,NaN'].map((v) => val(v)),
  ...['-1', '0', '1000000', '200001', '10001', '1001'].map((v) => val(v)),
  // Unicode and encoding
  val('\u202EqarI\u202C', 'RTL override'), val('I\u200Braq', 'zero-width space'), val('\uFEFFIRQ', 'BOM'), val('İ'.repeat(200), '"İ" × 200 (longer lowercased)'),
  val('بغداد', 'Arabic'), val('💥🔥', 'emoji'), val('e\u0301'.repeat(50), 'combining marks'),
  raw('%ED%A0%80', 'lone surrogate %ED%A0%80'), raw('%00', 'NUL %00'), raw('a%00b', 'NUL inside a%00b'), raw('%E0%A4%A', 'malformed %E0%A4%A'),
  raw('%', 'bare %'), raw('%ZZ', 'raw %ZZ'), raw('%0A%0D', 'CR LF'), raw('a+b', 'a+b (plus is space)'), raw('a%26b%3Dc', 'encoded & and ='),
  raw('%C0%AE%C0%AE%2F', 'overlong UTF-8'), raw('%FF%FE', 'invalid UTF-8 bytes'),
]

/** Values that only make sense for one parameter, on top of VALUES. */
const cursorOf = (event_date: string | null, event_id: string) => encodeCursor({ kind: 'date', event_date, event_id })
const queueCursorOf = (confidence: number, event_id: string) => encodeCursor({ kind: 'confidence', confidence, event_id })
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
const EXTRA: Record<string, Value[]> = {
  cursor: [
    ...SQL_INJECTIONS.map((s) => ({ label: `cursor with id ${JSON.stringify(s)}`, raw: cursorOf('2024-01-01', s) })),
    { label: 'cursor with a NUL id', raw: cursorOf('2024-01-01', '\u0000') },
    { label: 'cursor with a NUL date-less id', raw: cursorOf(null, 'a\u0000b') },
    { label: 'cursor with a lone-surrogate id', raw: cursorOf('2024-01-01', '\uD800') },
    { label: 'cursor far in the future', raw: cursorOf('9999-12-31', 'zzz') },
    { label: 'cursor far in the past', raw: cursorOf(null, '0') },
    { label: 'cursor with an injected date', raw: b64(JSON.stringify([`2024-01-01' OR 1=1 --`, 'x'])) },
    { label: 'cursor of a number', raw: b64('42') },
    { label: 'cursor of an object', raw: b64('{"event_date":"2024-01-01","event_id":"x"}') },
    { label: 'cursor of a long array', raw: b64('["2024-01-01","x","y"]') },
    { label: 'cursor with an empty id', raw: b64('["2024-01-01",""]') },
    { label: 'cursor over the length cap', raw: cursorOf('2024-01-01', 'y'.repeat(800)) },
    // cursors of the review queue (order=confidence), given here without that order: refused
    ...SQL_INJECTIONS.map((s) => ({ label: `confidence cursor with id ${JSON.stringify(s)}`, raw: queueCursorOf(0.5, s) })),
    { label: 'confidence cursor of a huge confidence', raw: queueCursorOf(1e308, 'x') },
    { label: 'confidence cursor with a string confidence', raw: b64('{"order":"confidence","confidence":"0.5 OR 1=1","event_id":"x"}') },
    { label: 'confidence cursor with a NUL id', raw: queueCursorOf(0.5, '\u0000') },
  ],
  order: [val('confidence'), val('asc'), val('desc'), val('CONFIDENCE'), val('confidence,desc')],
  'min-confidence': ['0', '1', '0.5', '.75', '1.0', '1.0000001', '0.', '00.5'].map((v) => val(v)),
  review: ['unreviewed', 'confirmed,corrected', 'rejected', 'UNREVIEWED', 'unreviewed,unreviewed'].map((v) => val(v)),
}

/** A valid value of a list parameter: the same value with an injection appended must give the same answer. */
const LIST_SAMPLES: Record<string, string> = { country: 'IRQ', admin1: 'Baghdad', type: 'Battles', 'sub-type': 'Armed clash', review: 'unreviewed' }
const UNKNOWN_PARAMS = ['drop', 'DROP', 'Country', 'country[]', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '1', '%00', "'"]
const SLOW_MS = 5000
const PLACES_MAX = 20

const add = (store: Store, id: string, events: SitrepEvent[], published = '2024-03-11') =>
  store.addReport({ id, text: text(id), published, source: `Outlet ${id}` }, events, 'test')

/** Five events in three countries, one of them background, one unlocated (two reports merge into one). */
async function seed(store: Store) {
  await add(store, 'a', [ev({ fatalities: 5 })], '2024-03-10')
  await add(store, 'b', [ev({ fatalities: 9, location: 'Baghdad - Karrada', latitude: 33.29698, longitude: 44.42407 })], '2024-03-11')
  await add(store, 'c', [ev({ event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Hayat Tahrir al-Sham', country: 'Syria', iso: 'SYR', admin1: 'Aleppo', location: 'Aleppo', latitude: 36.2, longitude: 37.16, event_date: '2024-02-01', fatalities: 12 })])
  await add(store, 'd', [ev({ event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: 'Boko Haram', country: 'Nigeria', iso: 'NGA', admin1: 'Borno', location: 'Maiduguri', latitude: 11.85, longitude: 13.16, event_date: '2023-12-05', fatalities: 3 })])
  await add(store, 'e', [ev({ location: 'Some village', admin1: 'Diyala', latitude: null, longitude: null, geo_precision: null, geo_status: 'unresolved', event_date: '2023-10-01', fatalities: 4 })])
  await add(store, 'f', [ev({ background: true, location: 'Falluja', admin1: 'Al-Anbar', latitude: 33.35, longitude: 43.78, event_date: '2016-06-01' })])
}

/** How many items a 200 answer holds (null for routes that return no list), or why its body is malformed. */
async function readAnswer(route: string, res: Response): Promise<{ count: number | null; problem?: string }> {
  const type = res.headers.get('content-type') ?? ''
  const body = await res.text()
  if (type.startsWith('text/csv')) {
    if (type !== 'text/csv; charset=utf-8') return { count: null, problem: `content-type ${type}` }
    try {
      const rows = parseCsv(body, { relax_column_count: false }) as string[][]
      if (rows.length === 0 || rows[0]![0] !== 'event_id_cnty') return { count: null, problem: `CSV without its header: ${body.slice(0, 80)}` }
      return { count: rows.length - 1 }
    } catch (e) {
      return { count: null, problem: `invalid CSV: ${(e as Error).message}` }
    }
  }
  if (type !== 'application/json; charset=utf-8' && type !== 'application/geo+json; charset=utf-8') return { count: null, problem: `content-type ${type}` }
  let j: Json
  try {
    j = JSON.parse(body) as Json
  } catch (e) {
    return { count: null, problem: `invalid JSON: ${(e as Error).message}` }
  }
  if (type.startsWith('application/geo+json')) {
    return j.type === 'FeatureCollection' && Array.isArray(j.features) ? { count: j.features.length } : { count: null, problem: 'not a FeatureCollection' }
  }
  if (route === '/api/events') {
    if (Array.isArray(j.events)) return { count: j.events.length }
    if (typeof j.count === 'number' && Array.isArray(j.event_id) && j.event_id.length === j.count) return { count: j.count }
    return { count: null, problem: `neither a page nor points: ${body.slice(0, 80)}` }
  }
  if (route === '/api/stats') {
    if (!Array.isArray(j.series)) return { count: null, problem: 'no series' }
    return { count: (j.series as Json[]).reduce((s, r) => s + (r.events as number), 0) }
  }
  if (route === '/api/actors') return Array.isArray(j.actors) ? { count: j.actors.length } : { count: null, problem: 'no actors' }
  if (route === '/api/places') return Array.isArray(j.places) ? { count: j.places.length } : { count: null, problem: 'no places' }
  return { count: null }
}

/** What a 400 (or 404) body must be: JSON `{ error, detail? }` with `error` a string naming `param` if given. */
async function readError(res: Response, param: string | null): Promise<string | null> {
  if (res.headers.get('content-type') !== 'application/json; charset=utf-8') return `error with content-type ${res.headers.get('content-type')}`
  let j: Json
  try {
    j = JSON.parse(await res.text()) as Json
  } catch (e) {
    return `error body is not JSON: ${(e as Error).message}`
  }
  if (typeof j.error !== 'string' || !Object.keys(j).every((k) => k === 'error' || k === 'detail')) return `error body is not { error, detail? }: ${JSON.stringify(j).slice(0, 200)}`
  // bad values are quoted shortened: a 100,000-character value must not come back whole
  if (j.error.length > 10_000) return `error message of ${j.error.length} characters`
  if (param !== null && !(j.error.startsWith(`${param}:`) || j.error.includes(`; ${param}:`))) return `400 does not name ${param}: ${j.error.slice(0, 200)}`
  return null
}

type Sweep = { requests: number; slowest: { ms: number; what: string }; failures: string[] }

function apiParamSweep(name: string, open: () => Promise<Store>, integrity: (store: Store) => Promise<string | null>) {
  describe(`API parameter sweep: ${name}`, () => {
    let store: Store
    let app: ReturnType<typeof createApp>
    let before: { counts: Awaited<ReturnType<Store['counts']>>; ids: string[] }
    const sweep: Sweep = { requests: 0, slowest: { ms: 0, what: '' }, failures: [] }

    const allIds = async () => (await store.queryEvents({ includeBackground: true, includeRejected: true, limit: 10_000 })).events.map((e) => e.event_id).sort()

    beforeAll(async () => {
      store = await open()
      await seed(store)
      app = createApp(store, { log: () => {}, gazetteer: gazetteer() })
      before = { counts: await store.counts(), ids: await allIds() }
    }, 60_000)
    afterAll(async () => { await store?.close() })

    /** One timed request; the response is read by the caller. */
    async function get(path: string, what: string): Promise<Response> {
      const t = performance.now()
      const res = await app.request(path)
      await res.clone().arrayBuffer()
      const ms = performance.now() - t
      sweep.requests++
      if (ms > sweep.slowest.ms) sweep.slowest = { ms, what }
      return res
    }

    /** The GET routes without a path parameter and their query parameters, from the served OpenAPI document. */
    /** The GET routes without a path parameter, their query parameters and the values of their `format` parameter, from the served OpenAPI document. */
    async function routesFromOpenApi(): Promise<{ route: string; params: string[]; formats: (string | null)[] }[]> {
      const doc = (await (await app.request('/api/openapi.json')).json()) as Json
      return Object.entries(doc.paths as Record<string, Json>)
        .filter(([path, ops]) => ops.get && !path.includes('{'))
        .map(([route, ops]) => {
          const query = ((ops.get.parameters ?? []) as Json[]).filter((p) => p.in === 'query')
          const formats = (query.find((p) => p.name === 'format')?.schema?.enum ?? [null]) as (string | null)[]
          return { route, params: query.map((p) => p.name as string), formats }
        })
    }

    it('derives the routes and their parameters from /api/openapi.json', async () => {
      const routes = await routesFromOpenApi()
      const events = routes.find((r) => r.route === '/api/events')
      expect(events?.params).toEqual(expect.arrayContaining(['format', 'limit', 'cursor', 'country', 'q', 'bbox', 'since', 'min-fatalities', 'background']))
      expect(events?.formats).toEqual(expect.arrayContaining(['json', 'points', 'csv', 'geojson']))
      expect(routes.map((r) => r.route)).toEqual(expect.arrayContaining(['/api/events', '/api/stats', '/api/actors', '/api/places', '/api/health', '/api/config']))
    })

    it('answers every hostile value of every query parameter with 200 or 400, never widening the results', async () => {
      const routes = await routesFromOpenApi()
      const fail = (what: string, why: string) => { sweep.failures.push(`${what}: ${why}`) }

      // What each route (and format) returns unfiltered: background=true is the widest legitimate answer.
      const baseline = new Map<string, number | null>()
      const withFormat = (route: string, format: string | null, query: string) =>
        `${route}?${[format ? `format=${format}` : '', query].filter(Boolean).join('&')}`.replace(/\?$/, '')
      for (const { route, params, formats } of routes) {
        for (const format of formats) {
          let widest: number | null = null
          for (const q of ['', ...(params.includes('background') ? ['background=true'] : [])]) {
            const res = await get(withFormat(route, format, q), `${route} baseline`)
            if (res.status !== 200) { if (route !== '/api/places') fail(`${route} ${q}`, `baseline answered ${res.status}`); continue }
            const { count } = await readAnswer(route, res)
            if (count !== null) widest = Math.max(widest ?? 0, count)
          }
          baseline.set(`${route}|${format}`, widest)
        }
      }
      expect(baseline.get('/api/events|json'), 'the unfiltered baseline sees the seeded events').toBe(5)

      /** Requests one query and checks the answer; returns the result count of a 200, else null. */
      async function probe(route: string, format: string | null, param: string | null, query: string, label: string, opts: { injection?: boolean } = {}): Promise<number | null> {
        const path = withFormat(route, format, query)
        const what = `${route}${format ? ` format=${format}` : ''} ${param ?? '(route)'} = ${label}`
        const res = await get(path, what)
        if (res.status === 400) {
          const problem = await readError(res, param)
          if (problem) fail(what, problem)
          return null
        }
        if (res.status !== 200) {
          fail(what, `status ${res.status}: ${(await res.text()).slice(0, 200)}`)
          return null
        }
        const { count, problem } = await readAnswer(route, res)
        if (problem) { fail(what, problem); return null }
        const widest = baseline.get(`${route}|${format}`)
        if (count !== null && widest != null && count > widest) fail(what, `${count} results, more than the ${widest} of the unfiltered route`)
        // Only routes that list something unfiltered read the store with the value. /api/places has no
        // unfiltered answer: it searches the gazetteer in memory, by design ignoring punctuation (so
        // "' OR ''='" is the place name "Or"); there the cap is what bounds the answer.
        if (route === '/api/places' && count !== null && count > PLACES_MAX) fail(what, `${count} places, more than ${PLACES_MAX}`)
        if (opts.injection && widest != null && count !== null && count > 0) fail(what, `an injection matched ${count} results (expected 0 or a 400)`)
        return count
      }

      // each parameter under every format: the formats read the store differently (a page, points, a stream)
      for (const { route, params, formats } of routes) {
        for (const format of formats) {
          for (const param of params) {
            if (param === 'format' && format !== formats[0]) continue // the format parameter itself is swept once
            const f = param === 'format' ? null : format
            for (const v of [...VALUES, ...(EXTRA[param] ?? [])]) {
              await probe(route, f, param, `${param}=${v.raw}`, v.label, { injection: v.injection })
            }
            // given twice, and given bare (no "=")
            await probe(route, f, param, `${param}=IRQ&${param}=SYR`, 'given twice (IRQ, SYR)')
            await probe(route, f, param, `${param}=1&${param}=1`, 'given twice (1, 1)')
            await probe(route, f, param, `${param}=${encodeURIComponent(`' OR 1=1 --`)}&${param}=${encodeURIComponent(`' OR 1=1 --`)}`, 'an injection given twice', { injection: true })
            await probe(route, f, param, param, 'bare (no =)')
            // an injection next to a valid value of a list must not change what the valid value matches
            const sample = LIST_SAMPLES[param]
            if (sample !== undefined) {
              const alone = await probe(route, f, param, `${param}=${encodeURIComponent(sample)}`, JSON.stringify(sample))
              for (const s of SQL_INJECTIONS) {
                const label = JSON.stringify(`${sample},${s}`)
                const n = await probe(route, f, param, `${param}=${encodeURIComponent(`${sample},${s}`)}`, label)
                if (n !== null && n !== alone) fail(`${route} ${format ?? ''} ${param} = ${label}`, `${n} results, but ${alone} for ${JSON.stringify(sample)} alone`)
              }
            }
          }
          // parameters the route does not know
          for (const u of UNKNOWN_PARAMS) await probe(route, format, u === '%00' ? '\u0000' : u, `${u}=1`, 'unknown parameter')
        }
      }

      expect(sweep.failures.slice(0, 50), `${sweep.failures.length} of ${sweep.requests} requests failed`).toEqual([])
      expect(sweep.requests).toBeGreaterThan(2000)
    })

    it('answers hostile event ids with 404 (or 400), and a real id with 200', async () => {
      const failures: string[] = []
      const ids = await allIds()
      const real = await get(`/api/events/${encodeURIComponent(ids[0]!)}`, 'a real id')
      expect(real.status).toBe(200)
      expect(((await real.json()) as Json).event.event_id).toBe(ids[0])
      for (const v of [...VALUES, ...SQL_INJECTIONS.map((s) => val(`${ids[0]}${s}`, `a real id + ${JSON.stringify(s)}`)), val('../health', '../health'), val('/../../etc/passwd', 'a path')]) {
        const what = `/api/events/{id} id = ${v.label}`
        const res = await get(`/api/events/${v.raw}`, what)
        if (res.status !== 404 && res.status !== 400) { failures.push(`${what}: status ${res.status}: ${(await res.text()).slice(0, 200)}`); continue }
        const problem = await readError(res, null)
        if (problem) failures.push(`${what}: ${problem}`)
      }
      for (const u of UNKNOWN_PARAMS) {
        const what = `/api/events/{id} ${u}=1`
        const res = await get(`/api/events/${encodeURIComponent(ids[0]!)}?${u}=1`, what)
        if (res.status !== 400) failures.push(`${what}: status ${res.status}`)
        else { const problem = await readError(res, u === '%00' ? '\u0000' : u); if (problem) failures.push(`${what}: ${problem}`) }
      }
      expect(failures.slice(0, 50), `${failures.length} hostile ids failed`).toEqual([])
    })

    it('leaves the store exactly as seeded, and no request took long', async () => {
      expect(sweep.requests, 'the sweep ran').toBeGreaterThan(2000)
      expect(await store.counts()).toEqual(before.counts)
      expect(await allIds()).toEqual(before.ids)
      const res = await app.request('/api/events?background=true&limit=10000')
      expect(((await res.json()) as Json).events).toHaveLength(before.ids.length)
      expect(await integrity(store)).toBeNull()
      expect(sweep.slowest.ms, `slowest request: ${sweep.slowest.what}`).toBeLessThan(SLOW_MS)
    })
  })
}

// The gazetteer of /api/places, loaded once for both backends. Its world index is built on the first
// lookup (seconds): done here, so the slowest-request guard times the requests, not that warm-up.
let gaz: Gazetteer | undefined
const gazetteer = () => {
  if (!gaz) { gaz = loadGazetteer(); gaz.lookup('Ramadi') }
  return gaz
}

apiParamSweep('SQLite', async () => SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'sitrep-api-params-')), 'sweep.db')), async (store) => {
  const check = (store as SqliteStore).db.pragma('integrity_check', { simple: true })
  return check === 'ok' ? null : `integrity_check: ${String(check)}`
})

const { run, why } = pgAvailability()
const schemas: string[] = []
afterAll(() => dropSchemas(schemas))

if (run) {
  apiParamSweep('PostgreSQL', async () => {
    const schema = testSchema('params')
    schemas.push(schema)
    return PgStore.open(DATABASE_URL!, schema)
  }, async (store) => {
    // the tables the injections name are still there
    const c = new pg.Client({ connectionString: DATABASE_URL! })
    await c.connect()
    try {
      const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('events', 'reports', 'mentions')`, [(store as PgStore).schema])
      return r.rows[0]?.n === '3' ? null : `expected the events, reports and mentions tables, found ${r.rows[0]?.n}`
    } finally {
      await c.end()
    }
  })
} else {
  describe('API parameter sweep: PostgreSQL', () => { it.skip(why, () => undefined) })
}
