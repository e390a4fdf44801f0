#!/usr/bin/env node
// Dashboard benchmark: the time from navigation to the map having drawn every one of 100,000 events
// (window.__sitrepRendered from web/app.js), in headless Chromium, median of 5 loads, each in a
// fresh browser context (cold cache). Target: under 2 s.
// Usage: npm run build && node scripts/bench-web.mjs [--db scratch/bench100k/query-100000.db] [--loads 5]
// Without the store it first runs: node scripts/bench-store.mjs --reports 2000 --events 100000 --dir scratch/bench100k
// Needs Chromium at /usr/bin/chromium (the browser tests install it: npx vitest run test/browser.test.ts).
import { existsSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { chromium } from 'playwright-core'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt }
const DB = arg('db', join(ROOT, 'scratch/bench100k/query-100000.db'))
const LOADS = Number(arg('loads', 5))
const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
const log = (s) => process.stderr.write(`${s}\n`)

if (!existsSync(join(ROOT, 'dist/api/app.js'))) throw new Error('dist/api/app.js missing: run `npm run build` first')
if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run the browser tests once (they install it) or apt-get install -y chromium`)
function makeStore(why) {
  log(`${DB} ${why}: creating it with scripts/bench-store.mjs (100,000 events, about a minute)`)
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) rmSync(f, { force: true })
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bench-store.mjs'), '--reports', '2000', '--events', '100000', '--dir', dirname(DB)], { stdio: ['ignore', 'ignore', 'inherit'], cwd: ROOT })
  if (r.status !== 0 || !existsSync(DB)) throw new Error('scripts/bench-store.mjs failed')
}
if (!existsSync(DB)) makeStore('missing')

const { SqliteStore } = await import('../dist/store/sqlite/sqlite-store.js')
const { createApp } = await import('../dist/api/app.js')
let store = await SqliteStore.open(DB)
try {
  await store.stats({}, 'week', 'event_type')
} catch (e) {
  // a store written by an older build of the schema: made anew rather than benchmarked half-working
  await store.close()
  makeStore(`does not fit this build (${e.message})`)
  store = await SqliteStore.open(DB)
}
const { events } = await store.counts()
const app = createApp(store, {})
const server = await new Promise((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ s, port: info.port })) })
const base = `http://127.0.0.1:${server.port}/`

// Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir in launch())
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 }
const runs = []
const floor = []
try {
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(base)
    await page.waitForFunction((n) => { const r = window.__sitrepRendered; return r && r.points === n && r.shown === n }, events, { timeout: 60_000 })
    const m = await page.evaluate(() => {
      const r = window.__sitrepRendered
      const points = performance.getEntriesByType('resource').find((e) => e.name.includes('format=points'))
      const parsed = performance.getEntriesByName('sitrep:points-parsed')[0]
      return {
        rendered_ms: r.at, markers: r.markers,
        points_request_start_ms: points?.requestStart, points_server_ms: points ? points.responseStart - points.requestStart : null,
        points_download_ms: points ? points.responseEnd - points.responseStart : null, points_bytes: points?.encodedBodySize ?? null,
        parse_ms: parsed && points ? parsed.startTime - points.responseEnd : null, cluster_and_draw_ms: parsed ? r.at - parsed.startTime : null,
      }
    })
    const banner = await page.locator('#error-banner:not([hidden])').count() ? await page.locator('#error-text').innerText() : ''
    if (banner) errors.push(`the page shows an error: ${banner}`)
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    runs.push(m)
    log(`load ${i + 1}: ${m.rendered_ms.toFixed(0)} ms (points requested at ${m.points_request_start_ms?.toFixed(0)} ms, ${m.points_server_ms?.toFixed(0)} ms server + ${m.points_download_ms?.toFixed(0)} ms download, parse ${m.parse_ms?.toFixed(0)} ms, cluster+draw ${m.cluster_and_draw_ms?.toFixed(0)} ms)`)
    await context.close()
  }
  // the floor: the same points request fetched and parsed by an empty page (no map, no app)
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${base}favicon.svg`)
    floor.push(await page.evaluate(async () => {
      const t0 = performance.now()
      const json = await (await fetch('/api/events?format=points&limit=200000')).json()
      if (!json.count) throw new Error('no points')
      return performance.now() - t0
    }))
    await context.close()
  }
} finally {
  await browser.close()
  server.s.close()
  await store.close()
}
const med = (k) => +median(runs.map((r) => r[k] ?? 0)).toFixed(0)
const rendered = runs.map((r) => +r.rendered_ms.toFixed(0))
console.log(JSON.stringify({ web: {
  events, loads: LOADS, viewport: '1366x768', target_ms: 2000,
  first_render_ms: { median: med('rendered_ms'), min: Math.min(...rendered), max: Math.max(...rendered), all: rendered },
  median_parts_ms: { points_requested_at: med('points_request_start_ms'), points_server: med('points_server_ms'), points_download: med('points_download_ms'), json_parse: med('parse_ms'), cluster_and_draw: med('cluster_and_draw_ms') },
  points_fetch_and_parse_alone_ms: +median(floor).toFixed(0),
  points_bytes: runs[0]?.points_bytes, circles_drawn: runs[0]?.markers,
  under_target: median(rendered) < 2000,
} }))
