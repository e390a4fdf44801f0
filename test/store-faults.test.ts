import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { syntheticReports } from '../scripts/synthetic-reports.mjs'
import { coderVersion } from '../src/coder-version.js'
import { makeCoder } from '../src/pipeline.js'
import { ingestItems } from '../src/store/ingest-batch.js'
import type { IngestItem } from '../src/store/ingest-batch.js'
import { PgStore } from '../src/store/postgres/pg-store.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { storeFault } from '../src/store/store-fault.js'
import { run } from './support/cli.js'
import { DATABASE_URL, dropSchemas, pgAvailability, testSchema } from './support/postgres.js'

// A full disk and a read-only store: the ingest stops with a clear reason, what it committed before
// stays, the file passes integrity_check, and re-running once the store can be written completes it.
const dir = mkdtempSync(join(tmpdir(), 'sitrep-faults-'))
const coder = makeCoder()
const version = coderVersion()
const REPORTS = [...syntheticReports(400, { seed: 5, days: 60 })]
const items = (from: number, to: number): IngestItem[] => REPORTS.slice(from, to).map((r) => ({ ref: r.id, report: r }))
const ingest = (store: SqliteStore | PgStore, its: IngestItem[]) => ingestItems(its, store, { code: (r) => coder(r).events ?? [], coderVersion: version, batchSize: 50 })
const byReport = async (db: string) => (await run(['events', '--db', db, '--by-report', '--format', 'jsonl'])).stdout

describe('store faults are named, not per-report noise', () => {
  it.each([
    ['SQLITE_FULL', 'the disk is full'], ['ENOSPC', 'the disk is full'], ['53100', 'the disk is full'],
    ['SQLITE_READONLY', 'the store is read-only'], ['25006', 'the store is read-only'],
    ['SQLITE_READONLY_DIRECTORY', expect.stringMatching(/^its directory is read-only/)],
    ['SQLITE_IOERR_WRITE', 'the store cannot be written (I/O error)'],
    ['SQLITE_CONSTRAINT_UNIQUE', null], ['23505', null], [undefined, null],
  ])('%s -> %s', (code, reason) => {
    expect(storeFault(Object.assign(new Error('x'), { code }))).toEqual(reason)
  })
})

describe('SQLite: a full disk during an ingest', () => {
  it('stops at the first batch that does not fit, keeps the batches before, and a re-run completes the store', async () => {
    const file = join(dir, 'full.db'), ref = join(dir, 'full-ref.db')
    const reference = await SqliteStore.open(ref)
    expect((await ingest(reference, items(0, 400))).stored).toBe(400)
    await reference.close()

    const store = await SqliteStore.open(file)
    expect((await ingest(store, items(0, 50))).stored).toBe(50)
    // SQLite's own page limit gives the same SQLITE_FULL a full file system does, here, every time
    const pages = store.db.pragma('page_count', { simple: true }) as number
    store.db.pragma(`max_page_count = ${pages + 40}`)
    const s = await ingest(store, items(50, 400))
    expect(s.stopped).toMatch(/^the disk is full \(database or disk is full\); what was stored before is kept/)
    expect(s.stored).toBeLessThan(350)
    expect(s.read).toBeLessThan(350) // it stopped reading, rather than failing every remaining report
    expect(s.failures.every((f) => f.reason.startsWith('not stored: the disk is full'))).toBe(true)
    expect((await store.counts()).reports).toBe(50 + s.stored)
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')

    store.db.pragma('max_page_count = 1073741823') // space freed
    const again = await ingest(store, items(0, 400))
    expect(again).toMatchObject({ stored: 350 - s.stored, seen: 50 + s.stored, failed: 0 })
    await store.close()
    expect(await byReport(file)).toBe(await byReport(ref))
  }, 120_000)
})

describe('SQLite: a read-only store', () => {
  it('stops an ingest with "the store is read-only" and leaves the file unchanged', async () => {
    const file = join(dir, 'ro.db')
    const store = await SqliteStore.open(file)
    await ingest(store, items(0, 20))
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    const before = await byReport(file)
    // query_only makes SQLite refuse writes with SQLITE_READONLY, as a file without write permission does
    store.db.pragma('query_only = 1')
    const s = await ingest(store, items(0, 120))
    expect(s).toMatchObject({ stored: 0, seen: 20 })
    expect(s.stopped).toMatch(/^the store is read-only \(attempt to write a readonly database\)/)
    expect(s.read).toBeLessThan(120)
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    await store.close()
    expect(await byReport(file)).toBe(before)
  })

  // The CLI on a store file without write permission: as root permissions do not apply, so the
  // commands run as the unprivileged user `nobody` there.
  const root = process.getuid?.() === 0
  const project = join(import.meta.dirname, '..')
  const nobodyCanRun = !root || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(project, 'dist/cli/main.js'))})`], { uid: 65534, gid: 65534 }).status === 0
  if (!nobodyCanRun) console.warn(`read-only CLI test skipped: running as root and user nobody cannot read ${project}`)
  it.runIf(nobodyCanRun)('sitrep ingest and recode on a file without write permission: exit 1 with the reason; sitrep events still reads it', async () => {
    const ro = mkdtempSync(join(tmpdir(), 'sitrep-ro-'))
    chmodSync(ro, 0o777)
    const file = join(ro, 'ro.db')
    copyFileSync(join(dir, 'ro.db'), file)
    chmodSync(file, 0o444)
    const input = join(ro, 'new.jsonl')
    writeFileSync(input, items(20, 40).map((i) => JSON.stringify('report' in i ? i.report : {})).join('\n') + '\n')
    chmodSync(input, 0o644)
    const before = readFileSync(file)
    const sitrep = (...args: string[]) => spawnSync(process.execPath, [join(project, 'bin/sitrep'), ...args], {
      cwd: ro, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', SITREP_DB: '' }, ...(root ? { uid: 65534, gid: 65534 } : {}),
    })
    const ing = sitrep('ingest', input, '--db', file)
    expect(ing.status, ing.stderr).toBe(1)
    expect(ing.stderr).toMatch(/stopped: cannot write to the store: the store is read-only/)
    const rec = sitrep('recode', '--all', '--db', file)
    expect(rec.status, rec.stderr).toBe(1)
    expect(rec.stderr).toMatch(/stopped: cannot write to the store: the store is read-only/)
    const ev = sitrep('events', '--db', file, '--format', 'jsonl')
    expect(ev.status, ev.stderr).toBe(0)
    expect(ev.stdout.trim().split('\n').length).toBeGreaterThan(0)
    expect(readFileSync(file).equals(before)).toBe(true)
  }, 60_000)
})

const pgRun = pgAvailability()
describe.runIf(pgRun.run)('PostgreSQL: a read-only server', () => {
  const schemas: string[] = []
  afterAll(() => dropSchemas(schemas))
  it('stops an ingest with "the store is read-only", keeping what was stored', async () => {
    const schema = testSchema('ro')
    schemas.push(schema)
    const rw = await PgStore.open(DATABASE_URL!, schema)
    await ingest(rw, items(0, 20))
    await rw.close()
    // a role whose sessions are read-only, as on a hot standby: writes answer SQLSTATE 25006
    const role = `sitrep_ro_${process.pid}`
    const admin = new pg.Client({ connectionString: DATABASE_URL! })
    await admin.connect()
    await admin.query(`DROP ROLE IF EXISTS ${role}`)
    await admin.query(`CREATE ROLE ${role} LOGIN`)
    await admin.query(`GRANT ALL ON SCHEMA ${schema} TO ${role}; GRANT ALL ON ALL TABLES IN SCHEMA ${schema} TO ${role}; GRANT ALL ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`)
    await admin.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`)
    const url = new URL(DATABASE_URL!)
    url.username = role
    const ro = new PgStore(url.toString(), schema)
    try {
      const s = await ingest(ro, items(0, 120))
      expect(s).toMatchObject({ stored: 0, seen: 20 })
      expect(s.stopped).toMatch(/^the store is read-only \(cannot execute INSERT in a read-only transaction\)/)
      expect((await ro.counts()).reports).toBe(20)
    } finally {
      await ro.close()
      await admin.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`)
      await admin.end()
    }
  }, 60_000)
})
