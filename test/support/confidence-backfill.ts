import { expect } from 'vitest'
import type { Store } from '../../src/store/store.js'
import { ev, text } from './events.js'

/**
 * After the confidence migration refilled a store seeded with three events (one confirmed): the column equals
 * each event's merged confidence, the queue and the filter read it, and new writes keep it. Shared by both backends.
 */
export async function expectConfidenceBackfilled(store: Store, rows: { col: number; json: number }[]) {
  expect(rows.map((r) => r.col).sort()).toEqual([0.35, 0.8, 0.9])
  for (const r of rows) expect(r.col).toBe(r.json)
  expect((await store.queryEvents({ order: 'confidence', review: ['unreviewed'] })).events.map((e) => [e.location, e.confidence])).toEqual([['Baghdad', 0.8], ['Ramadi', 0.9]])
  expect((await store.queryEvents({ minConfidence: 0.85 })).events.map((e) => e.location)).toEqual(['Ramadi'])
  // and the store goes on writing it
  await store.addReport({ id: 'e', text: text('e'), published: '2024-03-11' }, [ev({ confidence: 0.1, location: 'Basra', admin1: 'Basra', latitude: 30.5, longitude: 47.8 })], 'test')
  expect((await store.queryEvents({ order: 'confidence', limit: 1 })).events[0]!.location).toBe('Basra')
}
