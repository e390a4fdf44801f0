import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { held, runLoad } from '../scripts/load.mjs'

// The fast sample of `npm run load`: `sitrep serve` over a 20,000-event store, 10 connections for
// 4 seconds while `sitrep ingest` writes into it. Every request must answer 2xx in time.
describe('sitrep serve under load while an ingest writes', () => {
  it('answers every request of the mix with 2xx, and the ingest does not fail', async () => {
    const r = await runLoad({ events: 20_000, seconds: 4, connections: 10, reports: 400, finishIngest: true, dir: mkdtempSync(join(tmpdir(), 'sitrep-load-store-')) })
    expect(r.requests).toBeGreaterThan(50)
    expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 })
    expect(r.ingest.exit, r.ingest.output).toBe(0)
    expect(held(r)).toBe(true)
    // the ingest's reports went into the store the server reads
    expect(r.store_after.counts.reports).toBe(400)
  }, 120_000)
})
