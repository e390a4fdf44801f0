import { describe, expect, it } from 'vitest'
import { killIngest } from '../scripts/kill-ingest.mjs'

// The fast sample of `npm run chaos`: an ingest killed with SIGKILL at random moments, then re-run,
// must leave exactly the store an uninterrupted ingest leaves. Runs the compiled CLI (built by
// test/support/build-dist.ts before any test file).
describe('kill -9 during an ingest into SQLite', () => {
  it('loses nothing and duplicates nothing after the ingest is re-run', async () => {
    const r = await killIngest({ reports: 800, kills: 2, seed: 21 })
    expect(r.kills).toBeGreaterThanOrEqual(1)
    expect(r.integrity).toBe('ok')
    expect(r.reports).toBe(800)
    expect(r.same).toBe(true)
  }, 240_000)
})
