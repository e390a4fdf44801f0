import pg from 'pg'

/**
 * The PostgreSQL the tests use: DATABASE_URL. On a developer's machine without it the PostgreSQL
 * suites are skipped with a message; in CI (CI=true) a missing database fails them instead.
 */
export const DATABASE_URL = process.env.DATABASE_URL ?? null

export function pgAvailability(): { run: boolean; why: string } {
  if (DATABASE_URL) return { run: true, why: '' }
  if (process.env.CI) throw new Error('CI=true but DATABASE_URL is not set: the PostgreSQL tests must run in CI (.ci/run sets it)')
  const why = 'PostgreSQL tests skipped: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them'
  console.warn(why)
  return { run: false, why }
}

let n = 0
/** A schema name of this test run's own, so tests never touch another run's data. */
export const testSchema = (tag: string) => `sitrep_t_${tag}_${process.pid}_${Date.now() % 100000}_${n++}`

export async function dropSchemas(schemas: string[]) {
  if (!DATABASE_URL || !schemas.length) return
  const c = new pg.Client({ connectionString: DATABASE_URL })
  await c.connect()
  try {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`)
  } finally {
    await c.end()
  }
}
