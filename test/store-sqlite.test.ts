import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { storeConformance } from './store-conformance.js'
import { ev, text } from './support/events.js'
import { describe, expect, it } from 'vitest'

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
