import { afterAll, describe, it } from 'vitest'
import { PgStore } from '../src/store/postgres/pg-store.js'
import { storeConformance } from './store-conformance.js'
import { DATABASE_URL, dropSchemas, pgAvailability, testSchema } from './support/postgres.js'

const { run, why } = pgAvailability()
const schemas: string[] = []
afterAll(() => dropSchemas(schemas))

if (run) {
  storeConformance('PostgreSQL', async () => {
    const schema = testSchema('conf')
    schemas.push(schema)
    return PgStore.open(DATABASE_URL!, schema)
  })
} else {
  describe('Store conformance: PostgreSQL', () => { it.skip(why, () => undefined) })
}
