import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { clusterMentions, collectComponent } from './cluster.js'
import { mergeRules } from './rules.js'
import { mergeEvent } from './values.js'
import type { Mention } from './mention.js'
import { ev } from '../../test/support/events.js'
import type { SitrepEvent } from '../types.js'

const r = mergeRules()
const m = (report: string, idx: number, over: Partial<SitrepEvent> = {}, published = '2024-03-11'): Mention =>
  ({ key: `${report}#${idx}`, reportKey: report, reportId: report, idx, url: null, outlet: `Outlet ${report}`, published, title: null, event: ev(over) })
const ids = (clusters: Mention[][]) => clusters.map((c) => c.map((x) => x.key).sort().join('+')).sort()

describe('clustering mentions into incidents', () => {
  it('puts a city-level report with the district it matches best, never two events of one report together', () => {
    const karrada = m('a', 0, { location: 'Baghdad - Karrada', sub_event_type: 'Suicide bomb' })
    const shaab = m('a', 1, { location: 'Baghdad - Shaab' })
    const city = m('b', 0, { location: 'Baghdad', sub_event_type: 'Suicide bomb' })
    expect(ids(clusterMentions([karrada, shaab, city], r))).toEqual(['a#0+b#0', 'a#1'])
  })

  it('does not depend on the order of its input (property)', () => {
    const pool = [
      m('a', 0), m('b', 0, { fatalities: 7 }), m('c', 0, { location: 'Baghdad - Karrada' }), m('c', 1, { location: 'Baghdad - Adhamiya' }),
      m('d', 0, { event_date: '2024-03-12', time_precision: 2 }), m('e', 0, { location: 'Mosul', admin1: 'Ninawa' }), m('f', 0, { sub_event_type: 'Suicide bomb' }),
    ]
    const reference = ids(clusterMentions(pool, r))
    fc.assert(fc.property(fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), (shuffled) => {
      expect(ids(clusterMentions(shuffled, r))).toEqual(reference)
    }), { numRuns: 200 })
  })

  it('gathers the matching mentions and the other sources of their events, one hop only', async () => {
    const a = m('a', 0, { event_date: '2024-03-10' }), b = m('b', 0, { event_date: '2024-03-11' }), c = m('c', 0, { event_date: '2024-03-12' })
    const far = m('d', 0, { event_date: '2024-03-13' }), x = m('x', 0, { location: 'Basra', admin1: 'Basra' })
    const eventOf: Record<string, string> = { 'b#0': 'E1', 'c#0': 'E1', 'd#0': 'E2' }
    const comp = await collectComponent([a], () => [b, c, far, x], r, (ids) => (ids.includes('E1') ? [b, c] : []), (k) => eventOf[k] ?? '')
    expect(comp.map((y) => y.reportKey).sort()).toEqual(['a', 'b', 'c'])
  })

  it('never lets a chain of daily incidents grow into one event (complete linkage)', () => {
    const days = ['2024-03-10', '2024-03-11', '2024-03-12', '2024-03-13'].map((d, i) => m(`r${i}`, 0, { event_date: d }))
    const clusters = clusterMentions(days, r)
    for (const c of clusters) {
      const ds = c.map((y) => Date.parse(y.event.event_date!)).sort()
      expect(ds[ds.length - 1]! - ds[0]!).toBeLessThanOrEqual(86_400_000)
    }
    expect(clusters).toHaveLength(2)
  })
})

describe('merged values', () => {
  it('names the doer a later report identified, and keeps each source claim', () => {
    const e = mergeEvent([m('a', 0, { actor1: 'Unidentified Armed Group (Iraq)', fatalities: 20 }, '2024-03-10'), m('b', 0, { actor1: 'Islamic State', fatalities: 276 }, '2024-03-12')], r)
    expect(e.actor1).toBe('Islamic State')
    expect(e.merge_rules.actor1).toBe('named-over-unidentified')
    expect(e.fatalities).toBe(276)
    expect(e.sources.map((s) => [s.report_id, s.fatalities])).toEqual([['a', 20], ['b', 276]])
    expect(e.confidence).toBeGreaterThan(0.7)
    expect(e.notes).toContain('276 fatalities')
  })
  it('prefers the most precise place and date', () => {
    const e = mergeEvent([m('a', 0, { location: 'Al-Anbar', geo_precision: 3, event_date: '2024-03-12', time_precision: 2 }), m('b', 0, { location: 'Ramadi', geo_precision: 1, event_date: '2024-03-11' })], r)
    expect([e.location, e.geo_precision, e.event_date, e.time_precision]).toEqual(['Ramadi', 1, '2024-03-11', 1])
  })
  it('ignores a source that gives no death toll', () => {
    expect(mergeEvent([m('a', 0, { fatalities: 4 }, '2024-03-10'), m('b', 0, { fatalities: 0 }, '2024-03-12')], r).fatalities).toBe(4)
  })
})
