import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { storeConformance } from './store-conformance.js'
import { ev, text } from './support/events.js'
import { expectConfidenceBackfilled } from './support/confidence-backfill.js'
import { describe, expect, it } from 'vitest'
import { eventPage } from '../src/store/sqlite/event-sql.js'
import type { EventQuery } from '../src/store/types.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'))
let n = 0
storeConformance('SQLite', () => SqliteStore.open(join(dir, `s${n++}.db`)))

describe('SQLite migration 2 (actor_counts)', () => {
  it('fills the counts from the events of a store made before it', async () => {
    const store = await SqliteStore.open(join(dir, `m${n++}.db`))
    await store.addReport({ id: 'a', text: text('a'), published: '2024-03-11' }, [ev()], 'test')
    await store.addReport({ id: 'b', text: text('b'), published: '2024-03-11' }, [ev({ actor1: 'Al Shabaab', assoc_actor_1: 'Al Shabaab; Local Militia', actor2: 'Civilians (Somalia)', iso: 'SOM', country: 'Somalia', admin1: 'Banaadir', location: 'Mogadishu', latitude: 2.03, longitude: 45.34 })], 'test')
    await store.addReport({ id: 'c', text: text('c'), published: '2024-03-11' }, [ev({ background: true, actor1: 'Old Militia', location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })], 'test')
    const kept = await store.actors(null, 100)
    store.db.exec("DROP TABLE actor_counts; DELETE FROM schema_migrations WHERE version = 2")
    expect(await store.migrate()).toEqual({ applied: [2] })
    expect(await store.actors(null, 100)).toEqual(kept)
    expect(kept.map((a) => a.name).sort()).toEqual(['Al Shabaab', 'Civilians (Iraq)', 'Civilians (Somalia)', 'Islamic State', 'Local Militia'])
    await store.close()
  })
})

describe('SQLite migration 3 (events.confidence)', () => {
  const seed = async (store: SqliteStore) => {
    await store.addReport({ id: 'a', text: text('a'), published: '2024-03-11' }, [ev({ confidence: 0.5 })], 'test')
    await store.addReport({ id: 'b', text: text('b'), published: '2024-03-11' }, [ev({ confidence: 0.6 })], 'test') // merges: 0.8
    await store.addReport({ id: 'c', text: text('c'), published: '2024-03-11' }, [ev({ confidence: 0.35, location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })], 'test')
    await store.addReport({ id: 'd', text: text('d'), published: '2024-03-11' }, [ev({ confidence: 0.9, location: 'Ramadi', admin1: 'Al-Anbar', latitude: 33.42, longitude: 43.30 })], 'test')
  }
  const columns = (store: SqliteStore) => (store.db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((c) => c.name)

  it('fills the column from the merged events of a store written before it', async () => {
    const store = await SqliteStore.open(join(dir, `m${n++}.db`))
    await seed(store)
    const [first] = (await store.queryEvents({ order: 'confidence' })).events
    await store.review(first!.event_id, { action: 'confirm' })
    // back to what a store of version 2 holds: the events without the column, its indexes or its migration
    store.db.exec('DROP INDEX events_review_confidence; DROP INDEX events_confidence; ALTER TABLE events DROP COLUMN confidence; DELETE FROM schema_migrations WHERE version = 3')
    expect(columns(store)).not.toContain('confidence')
    expect(await store.migrate()).toEqual({ applied: [3] })
    const rows = store.db.prepare(`SELECT e.confidence AS col, json_extract(j.merged, '$.confidence') AS json FROM events e JOIN event_json j ON j.id = e.id ORDER BY e.id`).all() as { col: number; json: number }[]
    await expectConfidenceBackfilled(store, rows)
    await store.close()
  })

  it('serves the review queue and the confidence order from their indexes, without sorting', async () => {
    const store = await SqliteStore.open(join(dir, `m${n++}.db`))
    await seed(store)
    store.db.exec('ANALYZE')
    const plan = async (q: EventQuery) => {
      const next = (await store.queryEvents({ ...q, limit: 1 })).next!
      return [q, { ...q, cursor: next }].map((x) => {
        const page = eventPage(x, 10)
        return (store.db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(...page.params) as { detail: string }[]).map((r) => r.detail).join('\n')
      })
    }
    for (const p of await plan({ order: 'confidence', review: ['unreviewed'] })) {
      expect(p).toMatch(/INDEX events_review_confidence \(review=\?/)
      expect(p).not.toMatch(/TEMP B-TREE/)
    }
    const [all, after] = await plan({ order: 'confidence' })
    expect(all).toMatch(/INDEX events_confidence/)
    expect(after).toMatch(/INDEX events_confidence \(\(confidence,event_id\)>\(\?,\?\)\)/)
    for (const p of [all, after]) expect(p).not.toMatch(/TEMP B-TREE/)
    await store.close()
  })
})
