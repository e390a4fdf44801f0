import { describe, it, expect } from 'vitest'
import { noEventRate, subTypeAccuracy, outcomes, calibration } from './real-metrics.js'

const ev = (over: Record<string, unknown>) => ({
  event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Mali', actor2: 'Unidentified Armed Group (Mali)',
  country: 'Mali', admin1: 'Mopti', latitude: 14.5, longitude: -4.2, geo_precision: 1, event_date: '2020-01-02', background: false, ...over,
})

describe('real-corpus metrics', () => {
  it('counts events written on cases whose gold reports none (background gold aside)', () => {
    const gold = [{ id: 'a', events: [] }, { id: 'b', events: [ev({ background: true })] }, { id: 'c', events: [ev({})] }]
    const sys = [{ id: 'a', events: [ev({}), ev({ background: true })] }, { id: 'b', events: [ev({}), ev({})] }, { id: 'c', events: [ev({})] }]
    expect(noEventRate(gold, sys)).toEqual({ cases: 2, events: 3, casesWithEvents: 2, per100: 150 })
  })

  it('scores a short input right only when its event is matched with the same sub-type', () => {
    const gold = [{ id: 'a', events: [ev({})] }, { id: 'b', events: [ev({ sub_event_type: 'Government regains territory' })] }, { id: 'c', events: [ev({})] }]
    const sys = [{ id: 'a', events: [ev({})] }, { id: 'b', events: [ev({})] }]
    expect(subTypeAccuracy(gold, sys)).toEqual({ n: 3, right: 1, accuracy: 0.333 })
  })

  it('calls an event right when it pairs with a gold event of its type, and bins confidence', () => {
    const gold = [{ id: 'a', events: [ev({})] }, { id: 'b', events: [] }]
    const sys = [{ id: 'a', events: [ev({ confidence: 0.9 })] }, { id: 'b', events: [ev({ confidence: 0.85 }), ev({ confidence: 0.15 })] }]
    const xs = outcomes(gold, sys)
    expect(xs).toEqual([{ confidence: 0.9, right: true }, { confidence: 0.85, right: false }, { confidence: 0.15, right: false }])
    const c = calibration(xs)
    expect(c.table.map((r) => [r.from, r.n, r.accuracy])).toEqual([[0.1, 1, 0], [0.8, 1, 0], [0.9, 1, 1]])
    // |0 - 0.15| + |0 - 0.85| + |1 - 0.9|, each a third
    expect(c.ece).toBeCloseTo((0.15 + 0.85 + 0.1) / 3, 3)
  })
})
