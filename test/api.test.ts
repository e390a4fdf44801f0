import { gunzipSync } from 'node:zlib'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest'
import { createApp, type AppOptions } from '../src/api/app.js'
import { tileSource } from '../src/api/security-headers.js'
import { ACLED_COLUMNS } from '../src/store/export/acled-csv.js'
import { fixtureEvent } from '../src/store/export/fixture-event.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import type { Store } from '../src/store/store.js'
import type { StoredEvent } from '../src/store/types.js'
import type { SitrepEvent } from '../src/types.js'
import { serve } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ev, text } from './support/events.js'
import { run } from './support/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'))
let n = 0
const freshStore = () => SqliteStore.open(join(dir, `s${n++}.db`))
const TOKEN = 'test-token-0123456789abcdef'
const quiet: AppOptions = { log: () => {} }
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const body = async (res: Response): Promise<Json> => (await res.json()) as Json

/** Each request is refused with 400, an error naming the problem, and nothing but `error` and `detail`. */
async function expectRefused(get: (path: string) => Response | Promise<Response>, cases: [string, string][]) {
  for (const [path, message] of cases) {
    const res = await get(path)
    expect(res.status, path).toBe(400)
    const j = await body(res)
    expect(j.error, path).toContain(message)
    expect(Object.keys(j).every((k) => k === 'error' || k === 'detail'), path).toBe(true)
  }
}

// An event whose event_type evidence is the first word of its report text ("Gunmen" / "A" ...), so
// the API's sources can be checked against the report text.
const add = (store: Store, id: string, events: SitrepEvent[], published = '2024-03-11', body?: string) =>
  store.addReport({ id, text: text(id, body), published, source: `Outlet ${id}` }, events, 'test')

/** Seven events in three countries (two reports merge into one Baghdad event), one background, one unlocated. */
async function seed(store: Store) {
  const b = await add(store, 'b', [ev({ fatalities: 9, location: 'Baghdad - Karrada', latitude: 33.29698, longitude: 44.42407 })], '2024-03-11')
  const a = await add(store, 'a', [ev({ fatalities: 5, evidence: { fatalities: { kind: 'spans', spans: [{ start: 2, end: 6 }] } } })], '2024-03-10', 'A bomb exploded at a market.')
  await add(store, 'c', [ev({ event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Hayat Tahrir al-Sham', country: 'Syria', iso: 'SYR', admin1: 'Aleppo', location: 'Aleppo', latitude: 36.2, longitude: 37.16, event_date: '2024-02-01', fatalities: 12 })])
  await add(store, 'd', [ev({ event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: 'Boko Haram', country: 'Nigeria', iso: 'NGA', admin1: 'Borno', location: 'Maiduguri', latitude: 11.85, longitude: 13.16, event_date: '2023-12-05', fatalities: 3 })])
  await add(store, 'e', [ev({ event_type: 'Battles', sub_event_type: 'Armed clash', location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119, event_date: '2024-01-15', fatalities: 0 })])
  await add(store, 'f', [ev({ location: 'Basra', admin1: 'Basra', latitude: 30.5, longitude: 47.8, event_date: '2024-01-02', fatalities: 1 })])
  await add(store, 'g', [ev({ location: 'Kirkuk', admin1: 'Kirkuk', latitude: 35.47, longitude: 44.39, event_date: '2023-11-20', fatalities: 2 })])
  await add(store, 'h', [ev({ location: 'Some village', admin1: 'Diyala', latitude: null, longitude: null, geo_precision: null, geo_status: 'unresolved', event_date: '2023-10-01', fatalities: 4 })])
  await add(store, 'i', [ev({ background: true, location: 'Falluja', admin1: 'Al-Anbar', latitude: 33.35, longitude: 43.78, event_date: '2016-06-01' })])
  return { merged: b.eventIds[0]!, current: a.eventIds[0]! }
}

describe('HTTP API: reads', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let ids: { merged: string; current: string }
  beforeAll(async () => {
    store = await freshStore()
    ids = await seed(store)
    app = createApp(store, quiet)
  })
  afterAll(async () => { await store.close() })
  const get = (path: string) => app.request(path)

  it('lists events newest first as { events, next }, with the filters of `sitrep events`', async () => {
    const res = await get('/api/events')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const j = await body(res)
    expect(j.next).toBeNull()
    const dates = (j.events as StoredEvent[]).map((e) => e.event_date)
    expect(dates).toEqual([...dates].sort().reverse())
    // 9 reports, a and b merged, i background: 7 events
    expect(j.events).toHaveLength(7)
    const syria = await body(await get('/api/events?country=SYR'))
    expect(syria.events.map((e: StoredEvent) => e.location)).toEqual(['Aleppo'])
    const battles = await body(await get('/api/events?type=battles&country=Iraq,Syria'))
    expect(battles.events.map((e: StoredEvent) => e.location).sort()).toEqual(['Aleppo', 'Mosul'])
    const bg = await body(await get('/api/events?background=true&since=2016-01-01&until=2016-12-31'))
    expect(bg.events.map((e: StoredEvent) => e.location)).toEqual(['Falluja'])
    const box = await body(await get('/api/events?bbox=43,36,44,37&min-fatalities=0'))
    expect(box.events.map((e: StoredEvent) => e.location)).toEqual(['Mosul'])
  })

  it('pages through every event exactly once by following next', async () => {
    const all = (await body(await get('/api/events?limit=100'))).events.map((e: StoredEvent) => e.event_id) as string[]
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const j: Json = await body(await get(`/api/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`))
      seen.push(...j.events.map((e: StoredEvent) => e.event_id))
      cursor = j.next
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toEqual(all)
    expect(new Set(seen).size).toBe(7)
  })

  it('refuses bad parameters with 400, naming each one', async () => {
    const cases: [string, string][] = [
      ['/api/events?limit=0', 'limit:'],
      ['/api/events?since=2024-02-30', 'since:'],
      ['/api/events?bbox=1,2,3', 'bbox:'],
      ['/api/events?type=Skirmish', 'type:'],
      ['/api/events?country=Narnia', 'country: unknown country "Narnia"'],
      ['/api/events?format=xml', 'format: expected one of json, geojson, csv, points'],
      ['/api/events?colour=red', 'colour: unknown parameter'],
      ['/api/events?cursor=not-a-cursor!', 'cursor:'],
      ['/api/events?format=points&limit=200001', 'limit: expected an integer from 1 to 200000'],
      ['/api/events?format=points&cursor=abc', 'cursor: not used with format=points'],
      ['/api/stats?bucket=year', 'bucket: expected one of day, week, month'],
      ['/api/stats?by=actor', 'by: expected one of'],
      ['/api/stats?limit=5', 'limit: not used by /api/stats'],
      ['/api/actors?limit=1001', 'limit: expected an integer from 1 to 1000'],
      ['/api/places?q=a', 'q: expected 2 to 100 characters'],
      ['/api/places', 'q: required'],
      ['/api/health?x=1', 'x: unknown parameter'],
    ]
    await expectRefused(get, cases)
    // every problem at once
    const both = await body(await get('/api/events?limit=0&since=nope'))
    expect(both.error).toMatch(/limit:.*; since:|since:.*; limit:/)
  })

  it('exports the whole filtered set as ACLED CSV when no limit is given', async () => {
    const res = await get('/api/events?format=csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=sitrep-events.csv')
    expect(res.headers.get('x-next-cursor')).toBeNull()
    const lines = (await res.text()).split('\r\n').filter(Boolean)
    expect(lines[0]).toBe(ACLED_COLUMNS.join(','))
    expect(lines).toHaveLength(1 + 7)
    const paged = await get('/api/events?format=csv&limit=2')
    expect((await paged.text()).split('\r\n').filter(Boolean)).toHaveLength(3)
    expect(paged.headers.get('x-next-cursor')).toBe((await body(await get('/api/events?limit=2'))).next)
  })

  it('exports GeoJSON as an RFC 7946 FeatureCollection, a page with X-Next-Cursor', async () => {
    const res = await get('/api/events?format=geojson&country=Iraq')
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8')
    const fc = await body(res)
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.crs).toBeUndefined()
    expect(fc.features).toHaveLength(5)
    const mosul = fc.features.find((f: Json) => f.properties.location === 'Mosul')
    expect(mosul.geometry).toEqual({ type: 'Point', coordinates: [43.119, 36.335] })
    expect(fc.features.find((f: Json) => f.properties.location === 'Some village').geometry).toBeNull()
    const page = await get('/api/events?format=geojson&limit=3')
    expect((await body(page)).features).toHaveLength(3)
    const cursor = page.headers.get('x-next-cursor')
    expect(cursor).toBeTruthy()
    const rest = await body(await get(`/api/events?format=geojson&cursor=${cursor}`))
    expect(rest.features).toHaveLength(4)
  })

  it('gives map points of located events as columns, newest first', async () => {
    const j = await body(await get('/api/events?format=points&country=Iraq'))
    expect(Object.keys(j).sort()).toEqual(['count', 'event_date', 'event_id', 'fatalities', 'latitude', 'longitude', 'type', 'types'])
    expect(j.count).toBe(4)
    for (const col of ['event_id', 'latitude', 'longitude', 'type', 'fatalities', 'event_date']) expect(j[col]).toHaveLength(4)
    expect(j.event_date[0]).toBe('2024-03-10')
    expect(j.types[j.type[0]]).toMatch(/^(Battles|Explosions\/Remote violence|Violence against civilians|Protests|Riots|Strategic developments)$/)
    expect((await body(await get('/api/events?format=points&limit=2'))).count).toBe(2)
  })

  it('shows one event with its sources, evidence spans into each report text, history and reviews', async () => {
    const res = await get(`/api/events/${ids.current}`)
    expect(res.status).toBe(200)
    const j = await body(res)
    expect(j.event.event_id).toBe(ids.current)
    expect(j.event.n_sources).toBe(2)
    expect(j.sources).toHaveLength(2)
    const a = j.sources.find((s: Json) => s.report.id === 'a')
    expect(Object.keys(a.report).sort()).toEqual(['id', 'published', 'source', 'text', 'title', 'url'])
    const span = a.event.evidence.fatalities.spans[0]
    expect(a.report.text.slice(span.start, span.end)).toBe('bomb')
    expect(j.history).toEqual(expect.any(Array))
    expect(j.reviews).toEqual([])
  })

  it('resolves an id merged into another event to the event under its current id', async () => {
    expect(ids.merged).not.toBe(ids.current)
    const j = await body(await get(`/api/events/${ids.merged}`))
    expect(j.event.event_id).toBe(ids.current)
    expect(j.history.some((h: Json) => h.old_id === ids.merged && h.new_id === ids.current)).toBe(true)
  })

  it('answers 404 for an unknown event id and an unknown route, in the error shape', async () => {
    const res = await get('/api/events/NOPE123')
    expect(res.status).toBe(404)
    expect(await body(res)).toEqual({ error: 'no event with id "NOPE123"' })
    const route = await get('/api/nothing-here')
    expect(route.status).toBe(404)
    expect((await body(route)).error).toContain('/api/nothing-here')
  })

  it('answers 405 with Allow for a wrong method on a known route', async () => {
    const res = await app.request('/api/events', { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    expect((await body(res)).error).toContain('DELETE')
  })

  it('counts events and fatalities per period and key', async () => {
    const j = await body(await get('/api/stats'))
    expect(j.bucket).toBe('week')
    expect(j.by).toBe('event_type')
    // the merged Baghdad event (2024-03-10, a Sunday) falls in the week of Monday 4 March
    expect(j.series).toContainEqual({ period: '2024-03-04', key: 'Explosions/Remote violence', events: 1, fatalities: 9 })
    expect(j.series.reduce((s: number, r: Json) => s + r.events, 0)).toBe(7)
    const m = await body(await get('/api/stats?bucket=month&by=country&type=Battles'))
    expect(m.series).toEqual([
      { period: '2024-01-01', key: 'Iraq', events: 1, fatalities: 0 },
      { period: '2024-02-01', key: 'Syria', events: 1, fatalities: 12 },
    ])
    const a1 = await body(await get('/api/stats?by=admin1&bucket=day&country=NGA'))
    expect(a1.series).toEqual([{ period: '2023-12-05', key: 'Borno', events: 1, fatalities: 3 }])
  })

  it('counts background events in stats only when asked, under the same filters (the dashboard\'s "background events hidden")', async () => {
    const total = async (qs: string) => (await body(await get(`/api/stats?bucket=month${qs}`))).series.reduce((s: number, r: Json) => s + r.events, 0)
    // read from the per-day counts, and from the events themselves (a filter those counts do not keep)
    for (const f of ['', '&min-fatalities=0']) {
      expect(await total(f), f).toBe(7)
      expect(await total(`${f}&background=true`), f).toBe(8)
    }
    expect(await total('&background=true&country=Syria')).toBe(1)
  })

  it('lists actors by number of events, filtered by substring', async () => {
    const all = await body(await get('/api/actors'))
    // actor2 counts too: every seeded event targets Iraqi civilians
    expect(all.actors.slice(0, 2)).toEqual([{ name: 'Civilians (Iraq)', events: 7 }, { name: 'Islamic State', events: 5 }])
    const boko = await body(await get('/api/actors?q=boko&limit=5'))
    expect(boko.actors).toEqual([{ name: 'Boko Haram', events: 1 }])
    expect((await body(await get('/api/actors?q=&limit=1'))).actors).toHaveLength(1)
  })

  it('searches the gazetteer by place name, the city before smaller namesakes', async () => {
    const j = await body(await get('/api/places?q=Ramadi'))
    expect(j.places.length).toBeGreaterThan(0)
    expect(j.places.length).toBeLessThanOrEqual(20)
    expect(j.places[0]).toMatchObject({ name: 'Ramadi', country: 'Iraq', admin1: 'Anbar', kind: 'locality' })
    expect(j.places[0].population).toBeGreaterThan(100_000)
    expect(Object.keys(j.places[0]).sort()).toEqual(['admin1', 'country', 'kind', 'latitude', 'longitude', 'name', 'population'])
    expect((await body(await get('/api/places?q=Zzyzxqwv'))).places).toEqual([])
  })

  it('reports health and config', async () => {
    expect(await body(await get('/api/health'))).toEqual({ status: 'ok', backend: 'sqlite', counts: { reports: 9, events: 8, mentions: 9 } })
    expect(await body(await get('/api/config'))).toEqual({ tiles: null, writable: false })
    const tiles = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png'
    const configured = createApp(store, { ...quiet, token: TOKEN, tiles })
    expect(await body(await configured.request('/api/config'))).toEqual({ tiles, writable: true })
  })

  it('puts the security headers on every response and no CORS header', async () => {
    for (const path of ['/api/events', '/api/events/NOPE', '/api/events?limit=0', '/nothing', '/vendor/supercluster.js']) {
      const res = await app.request(path, { headers: { Origin: 'https://evil.example' } })
      expect(res.headers.get('content-security-policy'), path).toBe(CSP)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull()
    }
    expect((await get('/api/health')).headers.get('cache-control')).toBe('no-store')
  })

  it('allows the tile host in img-src when tiles are configured', async () => {
    const withTiles = createApp(store, { ...quiet, tiles: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png' })
    const csp = (await withTiles.request('/api/health')).headers.get('content-security-policy')
    expect(csp).toContain("img-src 'self' data: https://*.tile.openstreetmap.org;")
    expect(tileSource('http://localhost:8081/tiles/{z}/{x}/{y}.png')).toBe('http://localhost:8081')
    expect(() => tileSource('https://tiles.example.org/{z}/{y}.png')).toThrow(/\{x\}/)
    expect(() => tileSource("https://x.org; script-src 'unsafe-inline'/{z}/{x}/{y}")).toThrow()
    expect(() => createApp(store, { tiles: 'ftp://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(/--tiles/)
  })

  it('refuses a token in the query string, even on a read', async () => {
    for (const path of ['/api/events?token=abc', '/api/health?access_token=abc']) {
      const res = await get(path)
      expect(res.status, path).toBe(400)
      expect((await body(res)).error, path).toMatch(/^(token|access_token): never put the token in the URL/)
    }
  })

  it('answers 500 without a stack trace and logs the error', async () => {
    const logged: string[] = []
    const broken = { ...store, backend: 'sqlite', counts: async () => { throw new Error('disk on fire') } } as unknown as Store
    const res = await createApp(broken, { log: (m) => logged.push(m) }).request('/api/health')
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('disk on fire')
    expect(text).not.toMatch(/\bat .*\.ts/)
    expect(JSON.parse(text).error).toContain('internal error')
    expect(logged.join('\n')).toContain('disk on fire')
  })

  it('describes every /api route in the OpenAPI document, and nothing else', async () => {
    const doc = await body(await get('/api/openapi.json'))
    expect(doc.openapi).toBe('3.1.0')
    const inApp = new Set(app.routes
      .filter((r) => r.path.startsWith('/api/') && (r.method === 'GET' || r.method === 'POST'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`))
    const inDoc = new Set(Object.entries(doc.paths as Record<string, Json>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)))
    expect(inApp.size).toBe(10)
    expect([...inDoc].sort()).toEqual([...inApp].sort())
  })
})

describe('HTTP API: large exports', () => {
  let store: Store
  beforeAll(async () => {
    store = await freshStore()
    const events: StoredEvent[] = []
    for (let i = 0; i < 2500; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0')
      events.push(fixtureEvent({ event_id: `IRQB${String(i).padStart(5, '0')}`, event_date: `2020-0${1 + (i % 9)}-${day}` }))
    }
    await store.importEvents(events)
  })
  afterAll(async () => { await store.close() })

  it('streams the whole set past the store\'s page size, each event once', async () => {
    const app = createApp(store, quiet)
    const csv = (await (await app.request('/api/events?format=csv')).text()).split('\r\n').filter(Boolean)
    expect(csv).toHaveLength(2501)
    expect(new Set(csv.slice(1).map((l) => l.split(',')[0])).size).toBe(2500)
    const fc = await body(await app.request('/api/events?format=geojson&since=2020-09-01'))
    expect(fc.features).toHaveLength(2500 / 9 | 0)
  })

  it('gzips large event answers for clients that accept it (the map\'s points are megabytes)', async () => {
    const app = createApp(store, quiet)
    const res = await app.request('/api/events?format=points', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const plain = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as { count: number }
    expect(plain.count).toBe(2500)
    expect((await app.request('/api/events?format=points')).headers.get('content-encoding')).toBeNull()
  })
})

describe('HTTP API: confidence and the review queue', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  // six incidents at one place a week apart (no two merge), with a tie at 0.3
  const CONFIDENCES = [0.3, 0.8, 0.55, 0.3, 0.95, 0.6]
  const dayOf = (i: number) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)
  beforeAll(async () => {
    store = await freshStore()
    for (const [i, confidence] of CONFIDENCES.entries()) await add(store, `q${i}`, [ev({ confidence, event_date: dayOf(i) })], dayOf(i))
    app = createApp(store, { ...quiet, token: TOKEN })
  })
  afterAll(async () => { await store.close() })
  const get = (path: string) => app.request(path)
  /** Every page of a json query, following next. */
  const follow = async (query: string) => {
    const events: StoredEvent[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res: Response = await get(`/api/events?${query}${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status, query).toBe(200)
      const j: Json = await body(res)
      events.push(...(j.events as StoredEvent[]))
      cursor = j.next
      pages++
    } while (cursor && pages < 20)
    return { events, pages }
  }

  it('filters by min-confidence in every format alike', async () => {
    const json = (await body(await get('/api/events?min-confidence=0.55'))).events as StoredEvent[]
    expect(json.map((e) => e.confidence).sort()).toEqual([0.55, 0.6, 0.8, 0.95])
    const csv = (await (await get('/api/events?format=csv&min-confidence=0.55')).text()).split('\r\n').filter(Boolean)
    expect(csv.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(json.map((e) => e.event_id).sort())
    const fc = await body(await get('/api/events?format=geojson&min-confidence=0.55'))
    expect(fc.features.map((f: Json) => f.properties.confidence).sort()).toEqual([0.55, 0.6, 0.8, 0.95])
    expect((await body(await get('/api/events?format=points&min-confidence=0.8'))).count).toBe(2)
    const stats = await body(await get('/api/stats?bucket=month&min-confidence=0.8'))
    expect(stats.series.reduce((n: number, r: Json) => n + r.events, 0)).toBe(2)
    expect((await body(await get('/api/events?min-confidence=1'))).events).toEqual([])
  })

  it('pages the review queue least certain first with next: each unreviewed event once; a reviewed one leaves it', async () => {
    const before = await follow('order=confidence&review=unreviewed&limit=2')
    expect(before.pages).toBe(3)
    expect(before.events.map((e) => e.confidence)).toEqual([...CONFIDENCES].sort((x, y) => x - y))
    expect(new Set(before.events.map((e) => e.event_id)).size).toBe(CONFIDENCES.length)
    // the export of the queue comes in the same order
    const csv = (await (await get('/api/events?format=csv&order=confidence&review=unreviewed')).text()).split('\r\n').filter(Boolean)
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(before.events.map((e) => e.event_id))
    const least = before.events[0]!.event_id
    const res = await app.request(`/api/events/${least}/review`, { method: 'POST', body: JSON.stringify({ action: 'confirm' }), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` } })
    expect(res.status).toBe(200)
    const after = await follow('order=confidence&review=unreviewed&limit=2')
    expect(after.events.map((e) => e.event_id)).toEqual(before.events.slice(1).map((e) => e.event_id))
    expect((await body(await get('/api/events?review=confirmed'))).events.map((e: StoredEvent) => e.event_id)).toEqual([least])
    // the default order and its cursor are as they were: newest first
    const newest = await follow('limit=4')
    expect(newest.events.map((e) => e.event_date)).toEqual(CONFIDENCES.map((_, i) => dayOf(i)).reverse())
  })

  it('refuses a cursor of another order, a bad min-confidence, review or order, naming the parameter', async () => {
    const queueNext = (await body(await get('/api/events?order=confidence&limit=1'))).next as string
    const dateNext = (await body(await get('/api/events?limit=1'))).next as string
    const cases: [string, string][] = [
      [`/api/events?cursor=${queueNext}`, 'cursor: a cursor of order confidence, but the order is desc'],
      [`/api/events?format=csv&order=asc&cursor=${queueNext}`, 'cursor: a cursor of order confidence, but the order is asc'],
      [`/api/events?order=confidence&cursor=${dateNext}`, 'cursor: a cursor of the date order (desc or asc), but the order is confidence'],
      ['/api/events?min-confidence=2', 'min-confidence: expected a number from 0 to 1 such as 0.6, got "2"'],
      ['/api/events?min-confidence=high', 'min-confidence: expected a number from 0 to 1'],
      ['/api/events?review=pending', 'review: unknown review status "pending"'],
      ['/api/events?order=newest', 'order: unknown order "newest" (allowed: desc, asc, confidence)'],
      ['/api/events?format=points&order=confidence', 'order: not used with format=points'],
      ['/api/stats?order=confidence', 'order: not used by /api/stats'],
    ]
    await expectRefused(get, cases)
  })

  it('describes min-confidence, review and order in the OpenAPI document', async () => {
    const doc = await body(await get('/api/openapi.json'))
    const params = (path: string) => (doc.paths[path].get.parameters as Json[]).map((p) => p.name)
    expect(params('/api/events')).toEqual(expect.arrayContaining(['min-confidence', 'review', 'order', 'cursor']))
    expect(params('/api/stats')).toEqual(expect.arrayContaining(['min-confidence', 'review']))
    expect(params('/api/stats')).not.toContain('order')
    const order = (doc.paths['/api/events'].get.parameters as Json[]).find((p) => p.name === 'order')
    expect(order?.schema.enum).toEqual(['desc', 'asc', 'confidence'])
  })
})

describe('HTTP API: writes', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  // The coder is replaced so these tests say what events a report gives; the real one is tested below.
  const coder = (r: { id: string; text: string }) => (r.text.includes('no events') ? [] : [ev({ notes: r.text.slice(0, 40), location: `Place ${r.id}`, latitude: null, longitude: null, geo_status: 'unresolved' })])
  beforeEach(async () => {
    store = await freshStore()
    app = createApp(store, { ...quiet, token: TOKEN, coder, maxBodyBytes: 4096 })
  })
  afterEach(async () => { await store.close() })
  const auth = { Authorization: `Bearer ${TOKEN}` }
  const post = (path: string, payload: unknown, headers: Record<string, string> = {}, a = app) =>
    a.request(path, { method: 'POST', body: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'Content-Type': 'application/json', ...auth, ...headers } })

  it('stores a JSON report and says so; the same report again is already stored', async () => {
    const res = await post('/api/reports', { text: text('r1'), id: 'r1', published: '2024-03-11', title: 'Blast', source: 'Wire', url: 'https://example.org/r1' })
    expect(res.status).toBe(200)
    const j = await body(res)
    expect(j.summary).toMatchObject({ read: 1, stored: 1, seen: 0, failed: 0, eventsNew: 1, failures: [] })
    expect((await store.getReport('r1'))?.title).toBe('Blast')
    const again = await body(await post('/api/reports', { text: text('r1') }))
    expect(again.summary).toMatchObject({ read: 1, stored: 0, seen: 1 })
  })

  it('stores JSONL lines, listing the lines that failed and keeping the rest', async () => {
    const lines = [JSON.stringify({ id: 'l1', text: text('l1') }), '{not json', JSON.stringify({ title: 'no text' }), '', JSON.stringify({ text: text('l2') })].join('\n')
    for (const type of ['application/x-ndjson', 'text/plain; charset=utf-8']) {
      const s = await freshStore()
      const res = await post('/api/reports', lines, { 'Content-Type': type }, createApp(s, { ...quiet, token: TOKEN, coder }))
      expect(res.status, type).toBe(200)
      const j = await body(res)
      expect(j.summary).toMatchObject({ read: 4, stored: 2, failed: 2 })
      expect(j.summary.failures.map((f: Json) => f.ref)).toEqual(['line 2', 'line 3'])
      await s.close()
    }
  })

  it('answers 422 when every report failed', async () => {
    const res = await post('/api/reports', '{oops\n{"text": 5}', { 'Content-Type': 'application/x-ndjson' })
    expect(res.status).toBe(422)
    const j = await body(res)
    expect(j.error).toContain('no report could be stored')
    expect(j.detail.summary.failed).toBe(2)
  })

  it('answers 503 naming the cause when the store cannot be written, and keeps what it held', async () => {
    await post('/api/reports', { text: text('k1'), id: 'k1' })
    ;(store as SqliteStore).db.pragma('query_only = 1') // SQLite refuses writes as on a read-only file
    const res = await post('/api/reports', { text: text('k2'), id: 'k2' })
    expect(res.status).toBe(503)
    const j = await body(res)
    expect(j.error).toMatch(/^cannot write to the store: the store is read-only/)
    expect(j.detail.summary).toMatchObject({ stored: 0, failed: 1 })
    expect((await store.counts()).reports).toBe(1)
  })

  it('fetches { url } with the server\'s address policy: loopback refused unless allowed', async () => {
    const res = await post('/api/reports', { url: 'http://127.0.0.1:9/report.html' })
    expect(res.status).toBe(422)
    expect((await body(res)).error).toMatch(/private|loopback|refused/i)
  })

  it('refuses bad report bodies with 400, naming the field', async () => {
    const cases: [unknown, string][] = [
      ['{"text": ', 'body: not valid JSON'],
      [[{ text: 'a' }], 'application/x-ndjson'],
      [{ text: 'x', colour: 'red' }, 'colour'],
      [{ text: '' }, 'text:'],
      [{ text: 'x', published: 'yesterday' }, 'published:'],
      [{ url: 'file:///etc/passwd' }, 'url:'],
      [{ title: 'no text' }, 'text:'],
    ]
    for (const [payload, message] of cases) {
      const res = await post('/api/reports', payload)
      expect(res.status, JSON.stringify(payload)).toBe(400)
      expect((await body(res)).error, JSON.stringify(payload)).toContain(message)
    }
    const empty = await post('/api/reports', '\n\n', { 'Content-Type': 'application/x-ndjson' })
    expect(empty.status).toBe(400)
  })

  it('guards writes: 401 without or with a wrong token, 400 for a token in the URL, 403 with no token configured', async () => {
    const none = await app.request('/api/reports', { method: 'POST', body: JSON.stringify({ text: 'x' }), headers: { 'Content-Type': 'application/json' } })
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/)
    const wrong = await post('/api/reports', { text: 'x' }, { Authorization: `Bearer ${TOKEN}x` })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/)
    const basic = await post('/api/reports', { text: 'x' }, { Authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` })
    expect(basic.status).toBe(401)
    const inUrl = await post(`/api/reports?token=${TOKEN}`, { text: 'x' })
    expect(inUrl.status).toBe(400)
    const readOnly = createApp(store, { ...quiet, coder })
    const disabled = await post('/api/reports', { text: 'x' }, {}, readOnly)
    expect(disabled.status).toBe(403)
    expect((await body(disabled)).error).toBe('writes are disabled: set SITREP_TOKEN')
    const review = await post('/api/events/X/review', { action: 'confirm' }, {}, readOnly)
    expect(review.status).toBe(403)
    expect((await store.counts()).reports).toBe(0)
  })

  it('refuses a body over the limit with 413 and an unsupported type with 415', async () => {
    const big = await post('/api/reports', { text: 'x'.repeat(5000) })
    expect(big.status).toBe(413)
    expect((await body(big)).error).toContain('4096')
    const defaultLimit = createApp(store, { ...quiet, token: TOKEN, coder })
    const mib = await post('/api/reports', { text: 'y'.repeat(1024 * 1024) }, {}, defaultLimit)
    expect(mib.status).toBe(413)
    const form = await post('/api/reports', 'text=x', { 'Content-Type': 'application/x-www-form-urlencoded' })
    expect(form.status).toBe(415)
    expect((await body(form)).error).toContain('application/json')
    const reviewAsText = await post('/api/events/X/review', '{"action":"confirm"}', { 'Content-Type': 'text/plain' })
    expect(reviewAsText.status).toBe(415)
    expect((await store.counts()).reports).toBe(0)
  })

  it('applies a correction: GET shows the corrected value and the review log', async () => {
    const [id] = (await add(store, 'a', [ev({ fatalities: 5 })])).eventIds
    const res = await post(`/api/events/${id}/review`, { action: 'correct', fields: { fatalities: 7, location: 'Baghdad - Karrada' }, comment: 'the ministry\'s later toll' })
    expect(res.status).toBe(200)
    expect((await body(res)).event).toMatchObject({ event_id: id, fatalities: 7, review: 'corrected' })
    const j = await body(await app.request(`/api/events/${id}`))
    expect(j.event.fatalities).toBe(7)
    expect(j.event.location).toBe('Baghdad - Karrada')
    expect(j.reviews).toEqual([expect.objectContaining({ action: 'correct', fields: { fatalities: 7, location: 'Baghdad - Karrada' }, comment: 'the ministry\'s later toll', author: 'api' })])
    expect(j.event.corrections.map((c: Json) => c.field).sort()).toEqual(['fatalities', 'location'])
  })

  it('rejects an event: it leaves the default list', async () => {
    const [id] = (await add(store, 'a', [ev()])).eventIds
    expect((await body(await post(`/api/events/${id}/review`, { action: 'reject' }))).event.review).toBe('rejected')
    expect((await body(await app.request('/api/events'))).events).toEqual([])
  })

  it('refuses bad reviews: 400 naming the problem, 404 for an unknown event', async () => {
    const [id] = (await add(store, 'a', [ev()])).eventIds
    const cases: [unknown, string][] = [
      [{ action: 'approve' }, 'action'],
      [{ action: 'confirm', extra: 1 }, 'extra'],
      [{ action: 'correct' }, 'fields'],
      [{ action: 'confirm', comment: 'x'.repeat(2001) }, 'comment'],
      [{ action: 'correct', fields: { event_id: 'X' } }, 'cannot be corrected: event_id'],
      [{ action: 'correct', fields: {} }, 'at least one field'],
      [{ action: 'correct', fields: { fatalities: 'ten' } }, 'fields.fatalities'],
      [{ action: 'correct', fields: { event_date: '2024-02-30' } }, 'fields.event_date'],
    ]
    for (const [payload, message] of cases) {
      const res = await post(`/api/events/${id}/review`, payload)
      expect(res.status, JSON.stringify(payload)).toBe(400)
      expect((await body(res)).error, JSON.stringify(payload)).toContain(message)
    }
    const missing = await post('/api/events/NOPE/review', { action: 'confirm' })
    expect(missing.status).toBe(404)
    expect((await body(missing)).error).toContain('no event with id "NOPE"')
    expect(await store.reviews(id!)).toEqual([])
  })

  it('codes a posted report with the real coder and serves its event', async () => {
    const real = createApp(store, { ...quiet, token: TOKEN })
    const report = { id: 'wire-1', published: '2024-03-04', text: 'BAGHDAD, March 3 — A car bomb exploded at a market in Ramadi on Sunday, killing seven people, police said.' }
    const res = await post('/api/reports', report, {}, real)
    expect(res.status).toBe(200)
    expect((await body(res)).summary).toMatchObject({ stored: 1, eventsNew: 1 })
    const [e] = (await body(await real.request('/api/events?q=market'))).events
    expect(e).toMatchObject({ location: 'Ramadi', fatalities: 7, event_date: '2024-03-03' })
    const shown = await body(await real.request(`/api/events/${e.event_id}`))
    const ev0 = shown.sources[0].event
    const spans = ev0.evidence.fatalities.spans as { start: number; end: number }[]
    expect(spans.map((s) => shown.sources[0].report.text.slice(s.start, s.end)).join(' ')).toMatch(/seven|killing/)
  })
})

describe('HTTP API: the dashboard files', () => {
  let store: Store
  beforeAll(async () => { store = await freshStore() })
  afterAll(async () => { await store.close() })

  it('serves web/ by path, / as index.html, and the vendored libraries', async () => {
    const web = mkdtempSync(join(tmpdir(), 'sitrep-web-'))
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Sitrep</title>')
    mkdirSync(join(web, 'js'))
    writeFileSync(join(web, 'js', 'app.js'), 'export const x = 1')
    writeFileSync(join(web, '.secret'), 'no')
    const app = createApp(store, { ...quiet, webDir: web })
    const index = await app.request('/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await index.text()).toContain('<title>Sitrep</title>')
    expect(index.headers.get('content-security-policy')).toBe(CSP)
    expect(await (await app.request('/js/app.js')).text()).toBe('export const x = 1')
    const css = await app.request('/vendor/leaflet/leaflet.css')
    expect(css.status).toBe(200)
    expect(await css.text()).toContain('.leaflet-container')
    const sc = await app.request('/vendor/supercluster.js')
    expect(sc.status).toBe(200)
    expect(await sc.text()).toMatch(/supercluster|Supercluster/i)
    expect((await app.request('/.secret')).status).toBe(404)
  })

  it('refuses path traversal', async () => {
    const web = mkdtempSync(join(tmpdir(), 'sitrep-web-'))
    writeFileSync(join(web, 'index.html'), 'ok')
    const app = createApp(store, { ...quiet, webDir: web })
    for (const path of ['/%2e%2e/package.json', '/..%2fpackage.json', '/vendor/leaflet/%2e%2e/%2e%2e/%2e%2e/package.json', '/vendor/leaflet/..%2F..%2F..%2Fpackage.json', '/js/%2e%2e%2f%2e%2e%2fpackage.json', '/%5c..%5cpackage.json']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(await res.text(), path).not.toContain('"devDependencies"')
    }
  })

  it('answers 404 at / while web/index.html does not exist yet', async () => {
    const app = createApp(store, { ...quiet, webDir: join(dir, 'no-web-yet') })
    expect((await app.request('/')).status).toBe(404)
  })
})

describe('HTTP API: over a socket, as `sitrep serve` runs it', () => {
  it('serves JSON and a streamed export through @hono/node-server', async () => {
    const store = await freshStore()
    await seed(store)
    const app = createApp(store, { ...quiet, token: TOKEN, maxBodyBytes: 1024 })
    const server = await new Promise<Server>((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) })
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const health = await fetch(`${base}/api/health`)
      expect(health.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect((await health.json() as Json).status).toBe('ok')
      const csv = await (await fetch(`${base}/api/events?format=csv`)).text()
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(8)
      // a real request carries Content-Length, which the limit checks before reading the body
      const big = await fetch(`${base}/api/reports`, { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(5000) }), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` } })
      expect(big.status).toBe(413)
      expect((await store.counts()).reports).toBe(9)
    } finally {
      server.close()
      await store.close()
    }
  })

  it('refuses a bad --port or --tiles before listening', async () => {
    const port = await run(['serve', '--port', '70000', '--db', join(dir, 'serve.db')])
    expect(port.exitCode).toBe(2)
    expect(port.err.join('\n')).toContain('--port must be an integer from 0 to 65535')
    const tiles = await run(['serve', '--port', '0', '--tiles', 'ftp://tiles.example.org/{z}/{x}/{y}.png', '--db', join(dir, 'serve.db')])
    expect(tiles.exitCode).toBe(2)
    expect(tiles.err.join('\n')).toContain('--tiles must be an http(s) URL template')
  })
})
