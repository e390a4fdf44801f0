import { afterAll, describe, expect, it } from 'vitest'
import { PgStore } from '../src/store/postgres/pg-store.js'
import { pgEventPage } from '../src/store/postgres/event-sql.js'
import type { EventQuery } from '../src/store/types.js'
import { storeConformance } from './store-conformance.js'
import { ev, text } from './support/events.js'
import { expectConfidenceBackfilled } from './support/confidence-backfill.js'
import { DATABASE_URL, dropSchemas, pgAvailability, testSchema } from './support/postgres.js'

const { run, why } = pgAvailability()
const schemas: string[] = []
afterAll(() => dropSchemas(schemas))

const open = (tag: string) => {
  const schema = testSchema(tag)
  schemas.push(schema)
  return PgStore.open(DATABASE_URL!, schema)
}

/** Two reports of one Baghdad bombing (0.5 and 0.6: 0.8 merged), Mosul 0.35, Ramadi 0.9. */
async function seed(store: PgStore) {
  await store.addReport({ id: 'a', text: text('a'), published: '2024-03-11' }, [ev({ confidence: 0.5 })], 'test')
  await store.addReport({ id: 'b', text: text('b'), published: '2024-03-11' }, [ev({ confidence: 0.6 })], 'test')
  await store.addReport({ id: 'c', text: text('c'), published: '2024-03-11' }, [ev({ confidence: 0.35, location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })], 'test')
  await store.addReport({ id: 'd', text: text('d'), published: '2024-03-11' }, [ev({ confidence: 0.9, location: 'Ramadi', admin1: 'Al-Anbar', latitude: 33.42, longitude: 43.30 })], 'test')
}

if (run) {
  storeConformance('PostgreSQL', () => open('conf'))

  describe('PostgreSQL migration 2 (events.confidence)', () => {
    it('fills the column from the merged events of a store written before it', async () => {
      const store = await open('mig')
      try {
        await seed(store)
        const [first] = (await store.queryEvents({ order: 'confidence' })).events
        await store.review(first!.event_id, { action: 'confirm' })
        // back to what a store of version 1 holds: no column (its indexes go with it), no record of the migration
        await store.pool.query('ALTER TABLE events DROP COLUMN confidence; DELETE FROM schema_migrations WHERE version = 2')
        expect(await store.migrate()).toEqual({ applied: [2] })
        const rows = (await store.pool.query<{ col: number; json: number }>(`SELECT confidence AS col, (merged->>'confidence')::float8 AS json FROM events ORDER BY id`)).rows
        await expectConfidenceBackfilled(store, rows)
      } finally {
        await store.close()
      }
    })

    it('can serve the review queue and the confidence order from their indexes, without a sort', async () => {
      const store = await open('plan')
      const c = await store.pool.connect()
      try {
        await seed(store)
        // a handful of rows is cheapest to scan and sort: the question is whether the index CAN give the order
        await c.query('BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off')
        const plan = async (q: EventQuery) => {
          const next = (await store.queryEvents({ ...q, limit: 1 })).next!
          const out: string[] = []
          for (const x of [q, { ...q, cursor: next }]) {
            const page = pgEventPage(x, 10)
            out.push((await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${page.sql}`, page.params)).rows.map((r) => r['QUERY PLAN']).join('\n'))
          }
          return out
        }
        for (const p of await plan({ order: 'confidence', review: ['unreviewed'] })) {
          expect(p).toMatch(/Index (Only )?Scan using events_review_confidence/)
          expect(p).not.toMatch(/Sort/)
        }
        for (const p of await plan({ order: 'confidence' })) {
          expect(p).toMatch(/Index (Only )?Scan using events_confidence/)
          expect(p).not.toMatch(/Sort/)
        }
      } finally {
        await c.query('ROLLBACK').catch(() => undefined)
        c.release()
        await store.close()
      }
    })
  })
} else {
  describe('Store conformance: PostgreSQL', () => { it.skip(why, () => undefined) })
}
