import { describe, expect, it } from 'vitest'
import { ACLED_COLUMNS } from './acled-csv.js'
import { fixtureClaim, fixtureEvent } from './fixture-event.js'
import { geojsonWriter, toFeature } from './geojson.js'
import type { StoredEvent } from '../types.js'

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/** The structural rules of RFC 7946 this export relies on; returns the problems found, [] if none. */
function rfc7946Problems(doc: unknown): string[] {
  const problems: string[] = []
  if (!isObject(doc)) return ['not an object']
  if (doc.type !== 'FeatureCollection') problems.push(`type is ${String(doc.type)}`)
  if ('crs' in doc) problems.push('has a crs member (removed by RFC 7946 §4)')
  if (!Array.isArray(doc.features)) return [...problems, 'features is not an array']
  doc.features.forEach((f: unknown, i: number) => {
    if (!isObject(f)) return problems.push(`feature ${i} is not an object`)
    if (f.type !== 'Feature') problems.push(`feature ${i}: type is ${String(f.type)}`)
    if ('crs' in f) problems.push(`feature ${i}: has a crs member`)
    if (!(f.properties === null || isObject(f.properties))) problems.push(`feature ${i}: properties is neither an object nor null`)
    if (f.id !== undefined && typeof f.id !== 'string' && typeof f.id !== 'number') problems.push(`feature ${i}: id is neither string nor number`)
    const g = f.geometry
    if (g === null) return
    if (!isObject(g) || g.type !== 'Point') return problems.push(`feature ${i}: geometry is neither null nor a Point`)
    const c = g.coordinates
    if (!Array.isArray(c) || c.length !== 2 || !c.every((n) => typeof n === 'number' && Number.isFinite(n))) return problems.push(`feature ${i}: coordinates are not two finite numbers`)
    const [lon, lat] = c as [number, number]
    if (lon < -180 || lon > 180) problems.push(`feature ${i}: longitude ${lon} out of range`)
    if (lat < -90 || lat > 90) problems.push(`feature ${i}: latitude ${lat} out of range`)
  })
  return problems
}

function streamed(events: StoredEvent[]): string {
  const chunks: string[] = []
  const w = geojsonWriter((s) => chunks.push(s))
  for (const e of events) w.add(e)
  w.end()
  return chunks.join('')
}

describe('the RFC 7946 checker of these tests', () => {
  it('catches the mistakes it is there for', () => {
    expect(rfc7946Problems({ type: 'FeatureCollection', features: [] })).toEqual([])
    expect(rfc7946Problems({ type: 'FeatureCollection', features: [], crs: {} })).toHaveLength(1)
    expect(rfc7946Problems({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [33.4, 143.3] }, properties: {} }] })).toEqual(['feature 0: latitude 143.3 out of range'])
    expect(rfc7946Problems({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1] }, properties: {} }] })).toHaveLength(1)
    expect(rfc7946Problems({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: 'x' }] })).toHaveLength(1)
    expect(rfc7946Problems({ type: 'Feature' })).toHaveLength(2)
  })
})

describe('toFeature', () => {
  it('puts longitude first, rounded to 6 decimals', () => {
    const f = toFeature(fixtureEvent({ latitude: 33.42581234567, longitude: 43.29921234567 }))
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [43.299212, 33.425812] })
  })

  it('gives events without coordinates, or with impossible ones, a null geometry', () => {
    expect(toFeature(fixtureEvent({ latitude: null, longitude: null, geo_status: 'unresolved' })).geometry).toBeNull()
    expect(toFeature(fixtureEvent({ latitude: 33.4, longitude: null })).geometry).toBeNull()
    const swapped = toFeature(fixtureEvent({ latitude: 143.3, longitude: 33.4 }))
    expect(swapped.geometry).toBeNull()
    expect(swapped.properties.latitude).toBe(143.3)
  })

  it('uses event_id as id and carries the ACLED columns and Sitrep fields as properties', () => {
    const e = fixtureEvent({ event_id: 'IRQ42', background: true, confidence: 0.6, review: 'confirmed', n_sources: 2, civilian_targeting: 'Civilian targeting' })
    const f = toFeature(e)
    expect(f.id).toBe('IRQ42')
    expect(Object.keys(f.properties)).toEqual([...ACLED_COLUMNS, 'background', 'confidence', 'geo_status', 'n_sources', 'review', 'sources'])
    expect(f.properties).toMatchObject({ event_id_cnty: 'IRQ42', iso: 368, year: 2019, civilian_targeting: 'Civilian targeting', background: true, confidence: 0.6, review: 'confirmed', n_sources: 2, geo_status: 'resolved' })
    expect(f.properties.admin3).toBeNull()
  })

  it('keeps five fields of each source, not the report title', () => {
    const e = fixtureEvent({ sources: [fixtureClaim(), fixtureClaim({ report_id: 'r2', url: null, outlet: 'Other Wire', fatalities: 5 })] })
    expect(toFeature(e).properties.sources).toEqual([
      { report_id: 'r1', url: 'https://example.org/r1', outlet: 'Example News', published: '2019-04-15', fatalities: 3 },
      { report_id: 'r2', url: null, outlet: 'Other Wire', published: '2019-04-15', fatalities: 5 },
    ])
  })

  it('does not change the event it is given', () => {
    const e = fixtureEvent()
    const before = structuredClone(e)
    toFeature(e)
    expect(e).toEqual(before)
  })
})

describe('geojsonWriter', () => {
  const many = Array.from({ length: 250 }, (_, i) =>
    fixtureEvent({ event_id: `IRQ${i}`, latitude: i % 7 === 0 ? null : 30 + i / 100, longitude: i % 7 === 0 ? null : 40 + i / 100, notes: `note ${i}, "quoted"\nline two` }))

  it.each([
    ['no events', [] as StoredEvent[]],
    ['one event', [fixtureEvent()]],
    ['250 events', many],
  ])('streams valid GeoJSON for %s', (_, events) => {
    const doc = JSON.parse(streamed(events)) as { features: { id: string; properties: { notes: string } }[] }
    expect(rfc7946Problems(doc)).toEqual([])
    expect(doc.features.map((f) => f.id)).toEqual(events.map((e) => e.event_id))
    expect(doc.features.map((f) => f.properties.notes)).toEqual(events.map((e) => e.notes))
  })

  it('writes one feature a line and nothing before the first call', () => {
    const chunks: string[] = []
    const w = geojsonWriter((s) => chunks.push(s))
    expect(chunks).toEqual([])
    w.add(fixtureEvent({ event_id: 'A' }))
    w.add(fixtureEvent({ event_id: 'B' }))
    w.end()
    const lines = chunks.join('').split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[1]).toMatch(/^\{"type":"Feature","id":"A".*\},$/)
    expect(lines[2]).toMatch(/^\{"type":"Feature","id":"B".*\}$/)
    expect(lines[3]).toBe(']}')
  })

  it('refuses to add after end()', () => {
    const w = geojsonWriter(() => {})
    w.end()
    expect(() => w.add(fixtureEvent())).toThrow(/after end/)
    expect(() => w.end()).toThrow(/after end/)
  })
})
