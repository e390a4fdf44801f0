import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { run } from './support/cli.js'
import { ACLED_COLUMNS } from '../src/store/export/acled-csv.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { ev, text } from './support/events.js'

// The store commands end to end, in-process: ingest, events in every format, show, recode.
const FIXTURE = join(import.meta.dirname, 'fixtures/store/reports.jsonl')
let dir = ''
const db = (name: string) => join(dir, name)
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'sitrep-store-cli-')) })

describe('sitrep ingest / events / show / recode', () => {
  it('stores the good reports, names the bad line, exits non-zero, and merges two reports of one bombing', async () => {
    const r = await run(['ingest', FIXTURE, '--db', db('a.db')])
    expect(r.exitCode).toBe(1)
    expect(r.err.join('\n')).toMatch(/reports\.jsonl:4: .*not valid JSON/)
    expect(r.err.join('\n')).toMatch(/3 stored, 0 already stored, 0 skipped, 1 failed; events: 2 new, 1 merged/)
    const again = await run(['ingest', FIXTURE, '--db', db('a.db')])
    expect(again.err.join('\n')).toMatch(/0 stored, 3 already stored/)
  })

  it('writes the referee format with shared event ids for merged reports', async () => {
    const r = await run(['events', '--db', db('a.db'), '--by-report', '--format', 'jsonl'])
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; events: { event_id: string; fatalities: number }[] })
    expect(rows.map((x) => x.id)).toEqual(['kirkuk-a', 'kirkuk-b', 'basra-protest'])
    expect(rows[0]!.events[0]!.event_id).toBe(rows[1]!.events[0]!.event_id)
    expect(rows[0]!.events[0]!.fatalities).toBe(4) // each report keeps its own claim
    expect(rows[2]!.events[0]!.event_id).not.toBe(rows[0]!.events[0]!.event_id)
  })

  it('gives the same events when the reports arrive in reverse order', async () => {
    const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(0, 3).reverse()
    const reversed = join(dir, 'reversed.jsonl')
    writeFileSync(reversed, lines.join('\n') + '\n')
    expect((await run(['ingest', reversed, '--db', db('b.db')])).exitCode).toBeUndefined()
    const strip = (s: string) => s.trim().split('\n').map((l): Record<string, unknown> => { const { timestamp: _t, sources, ...e } = JSON.parse(l) as Record<string, unknown> & { sources: { report_id: string }[] }; return { ...e, sources: sources.map((x) => x.report_id).sort() } })
      .sort((a, b) => String(a.event_id).localeCompare(String(b.event_id)))
    const a = await run(['events', '--db', db('a.db'), '--format', 'jsonl'])
    const b = await run(['events', '--db', db('b.db'), '--format', 'jsonl'])
    expect(strip(b.stdout)).toEqual(strip(a.stdout))
    expect(strip(a.stdout)).toHaveLength(2)
  })

  it('exports ACLED CSV that a standard parser reads with exactly the ACLED columns', async () => {
    const r = await run(['events', '--db', db('a.db'), '--format', 'csv'])
    const rows = parse(r.stdout, { columns: false }) as string[][]
    expect(rows[0]).toEqual([...ACLED_COLUMNS])
    expect(rows).toHaveLength(3)
    const bomb = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows.find((x) => x[6] === 'Remote explosive/landmine/IED')![i]]))
    expect(bomb).toMatchObject({ iso: '368', country: 'Iraq', region: 'Middle East', actor1: 'Islamic State', fatalities: '4', source: 'Tigris Wire; Northern Desk' })
  })

  it('exports GeoJSON features with [lon, lat] points', async () => {
    const r = await run(['events', '--db', db('a.db'), '--format', 'geojson', '--type', 'Protests'])
    const fc = JSON.parse(r.stdout) as { type: string; features: { geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[] }
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features).toHaveLength(1)
    const [lon, lat] = fc.features[0]!.geometry.coordinates
    expect(lat).toBeGreaterThan(29)
    expect(lat).toBeLessThan(32)
    expect(lon).toBeGreaterThan(46)
  })

  it('filters by text and refuses bad filters with the parameter named', async () => {
    const r = await run(['events', '--db', db('a.db'), '--format', 'jsonl', '--q', 'electricity'])
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { event_type: string }).event_type)).toEqual(['Protests'])
    const bad = await run(['events', '--db', db('a.db'), '--min-fatalities', 'lots'])
    expect(bad.exitCode).toBe(2)
    expect(bad.err.join('\n')).toMatch(/min-fatalities: expected a non-negative integer/)
    const country = await run(['events', '--db', db('a.db'), '--country', 'Narnia'])
    expect(country.err.join('\n')).toMatch(/unknown country "Narnia"/)
  })

  it('shows an event with both sources and their evidence marked', async () => {
    const rows = (await run(['events', '--db', db('a.db'), '--by-report', '--format', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { events: { event_id: string }[] })
    const r = await run(['show', rows[0]!.events[0]!.event_id, '--db', db('a.db')])
    const out = r.stdout
    expect(out).toMatch(/2 source\(s\)/)
    expect(out).toMatch(/\[1\] kirkuk-a/)
    expect(out).toMatch(/\[2\] kirkuk-b/)
    expect(out).toMatch(/\[\[Islamic State\]\]\{[^}]*actor1/)
    const missing = await run(['show', 'NOPE', '--db', db('a.db')])
    expect(missing.exitCode).toBe(1)
  })

  it('recodes only what an older coder coded, or everything with --all', async () => {
    expect((await run(['recode', '--db', db('a.db')])).err.join('\n')).toMatch(/3 stored report\(s\): 0 re-coded/)
    expect((await run(['recode', '--db', db('a.db'), '--all'])).err.join('\n')).toMatch(/3 re-coded with .*, 0 coded differently/)
  })
})

describe('sitrep events: confidence and the review queue', () => {
  const CONFIDENCES = [0.3, 0.8, 0.55, 0.3, 0.95]
  const dayOf = (i: number) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)
  beforeAll(async () => {
    const store = await SqliteStore.open(db('queue.db'))
    for (const [i, confidence] of CONFIDENCES.entries()) {
      await store.addReport({ id: `q${i}`, text: text(`q${i}`), published: dayOf(i) }, [ev({ confidence, event_date: dayOf(i) })], 'test')
    }
    const [least] = (await store.queryEvents({ order: 'confidence', limit: 1 })).events
    await store.review(least!.event_id, { action: 'reject' })
    await store.close()
  })
  const jsonl = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event_id: string; confidence: number; review: string })

  it('--min-confidence keeps the events at least that certain', async () => {
    const r = await run(['events', '--db', db('queue.db'), '--format', 'jsonl', '--min-confidence', '0.55'])
    expect(r.exitCode).toBeUndefined()
    expect(jsonl(r.stdout).map((e) => e.confidence).sort()).toEqual([0.55, 0.8, 0.95])
    const bad = await run(['events', '--db', db('queue.db'), '--min-confidence', '55%'])
    expect(bad.exitCode).toBe(2)
    expect(bad.err.join('\n')).toMatch(/min-confidence: expected a number from 0 to 1/)
  })

  it('--order confidence --review unreviewed is the review queue: a table with conf, paged by its own cursor', async () => {
    const first = await run(['events', '--db', db('queue.db'), '--order', 'confidence', '--review', 'unreviewed', '--limit', '2'])
    expect(first.out.join('\n')).toMatch(/^date\s+id\s+type\s+actors\s+location\s+dead\s+src\s+conf/)
    expect(first.stdout.trim().split('\n').slice(2).map((l) => l.match(/(\d\.\d\d)\s*$/)?.[1])).toEqual(['0.30', '0.55'])
    const hint = first.err.join('\n').match(/more events: add --cursor (\S+)/)
    expect(hint).not.toBeNull()
    const rest = await run(['events', '--db', db('queue.db'), '--order', 'confidence', '--review', 'unreviewed', '--format', 'jsonl', '--cursor', hint![1]!])
    expect(jsonl(rest.stdout).map((e) => e.confidence)).toEqual([0.8, 0.95])
    const all = jsonl((await run(['events', '--db', db('queue.db'), '--order', 'confidence', '--format', 'jsonl', '--review', 'unreviewed,rejected'])).stdout)
    expect(all.map((e) => [e.confidence, e.review])).toEqual([[0.3, 'rejected'], [0.3, 'unreviewed'], [0.55, 'unreviewed'], [0.8, 'unreviewed'], [0.95, 'unreviewed']])
    // the cursor continues only the order that made it
    const mixed = await run(['events', '--db', db('queue.db'), '--cursor', hint![1]!])
    expect(mixed.exitCode).toBe(2)
    expect(mixed.err.join('\n')).toMatch(/cursor: a cursor of order confidence, but the order is desc/)
    const order = await run(['events', '--db', db('queue.db'), '--order', 'newest'])
    expect(order.err.join('\n')).toMatch(/order: unknown order "newest" \(allowed: desc, asc, confidence\)/)
  })
})
