import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run as cli } from './support/cli.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { PgStore } from '../src/store/postgres/pg-store.js'
import { DATABASE_URL, dropSchemas, pgAvailability, testSchema } from './support/postgres.js'

const { run, why } = pgAvailability()
const schemas: string[] = []
afterAll(() => dropSchemas(schemas))

describe.runIf(run)('sitrep migrate-store', () => {
  it('moves an embedded store to PostgreSQL with nothing lost: reports, merges, corrections', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'))
    const file = join(dir, 'from.db')
    const fixture = join(import.meta.dirname, 'fixtures/store/reports.jsonl')
    await cli(['ingest', fixture, '--db', file])
    const src = await SqliteStore.open(file)
    const [bomb] = (await src.queryEvents({ type: ['Explosions/Remote violence'] })).events
    await src.review(bomb!.event_id, { action: 'correct', fields: { fatalities: 6 }, comment: 'hospital count', author: 'analyst' })
    await src.close()

    const schema = testSchema('migrate')
    schemas.push(schema)
    process.env.SITREP_PG_SCHEMA = schema
    try {
      const r = await cli(['migrate-store', '--from', file, '--to', DATABASE_URL!])
      const err = r.err.join('\n')
      expect(r.exitCode).toBeUndefined()
      expect(err).toMatch(/copied 3 report\(s\), 1 review\(s\)/)
      const [, a, b] = /checksum of events by report: source (\w+), destination (\w+)/.exec(err)!
      expect(a).toBe(b)
      const dst = await PgStore.open(DATABASE_URL!, schema)
      try {
        expect(await dst.counts()).toEqual({ reports: 3, events: 2, mentions: 3 })
        const moved = await dst.getEvent(bomb!.event_id)
        expect(moved!.fatalities).toBe(6)
        expect(moved!.n_sources).toBe(2)
        expect((await dst.reviews(bomb!.event_id))[0]).toMatchObject({ action: 'correct', comment: 'hospital count', author: 'analyst' })
      } finally {
        await dst.close()
      }
    } finally {
      delete process.env.SITREP_PG_SCHEMA
    }
  }, 60_000)
})

if (!run) describe('sitrep migrate-store', () => { it.skip(why, () => undefined) })
