import { describe, it, expect, beforeAll, beforeEach, afterAll } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { BrowserContext, Page } from 'playwright-core'
import { createApp } from '../src/api/app.js'
import { coderVersion } from '../src/coder-version.js'
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import type { StoredEvent } from '../src/store/types.js'
import type { ReportInput, SitrepEvent, Span } from '../src/types.js'
import { ensureChromium, launchChromium } from './support/chromium.js'
import { buildWebStore, XSS_REPORT } from './support/web-store.js'
import { inBounds, intersects, lonGap, mapView, measureLayout } from './support/page-layout.js'

// The dashboard (web/) in headless Chromium against the real API over a store of the project's own
// invented reports plus one hostile report. The cases run in order on one page, as an analyst would.
const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts', 'browser')
// the layout cases' screenshots, one per case and window width (out/ is git-ignored)
const SCREENSHOTS = join(import.meta.dirname, '..', 'out', 'screenshots')
const TOKEN = 'test-token'
const PALETTE = ['#D55E00', '#E69F00', '#CC79A7', '#0072B2', '#009E73', '#56B4E9']

type Detail = { event: StoredEvent; sources: { report: { id: string; text: string }; idx: number; event: SitrepEvent }[] }
let dir = ''
let store: SqliteStore
let code: (r: ReportInput) => SitrepEvent[]
let server: ServerType
let base = ''
let context: BrowserContext
let page: Page
const problems: string[] = []
let allowUnauthorized = false
let shot = 0

const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(base + path)
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}
const apiCounts = async (qs: string) => ({
  points: (await api<{ count: number }>(`/api/events?format=points&limit=200000${qs ? `&${qs}` : ''}`)).count,
  rows: (await api<{ events: unknown[] }>(`/api/events?limit=1000${qs ? `&${qs}` : ''}`)).events.length,
})
const screenshot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${String(++shot).padStart(2, '0')}-${name}.png`) })

/** Waits until the map has drawn `points` events (all in view) and the table lists `rows`. */
async function waitForView(points: number, rows: number) {
  await page.waitForFunction(([p, r]) => {
    const map = document.querySelector<HTMLElement>('#map')
    const body = document.querySelector<HTMLElement>('#events-body')
    return map?.dataset.state === 'ready' && map.dataset.points === String(p) && map.dataset.shown === String(p) && body?.dataset.rows === String(r)
  }, [points, rows], { timeout: 20_000 })
}

// A set-up failure (above all: no Chromium and no way to install it) fails every case with its
// message; the cases are never skipped.
let setupError: Error | null = null
beforeEach(() => { if (setupError) throw setupError })

beforeAll(async () => {
  try {
    await setUp()
  } catch (e) {
    setupError = e as Error
  }
}, 600_000)

async function setUp() {
  // installs Chromium with apt-get when it is missing (a minute or two, once); throws when it cannot
  ensureChromium()
  rmSync(ARTIFACTS, { recursive: true, force: true })
  mkdirSync(ARTIFACTS, { recursive: true })
  dir = mkdtempSync(join(tmpdir(), 'sitrep-browser-'))
  const built = await buildWebStore(join(dir, 'web.db'))
  expect(built.summary.failed).toBe(0)
  store = built.store
  code = built.code
  const app = createApp(store, { token: TOKEN, log: (m) => problems.push(`server: ${m}`) })
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => { base = `http://127.0.0.1:${info.port}`; resolve() })
  })
  context = await launchChromium({ viewport: { width: 1366, height: 768 } })
  // CSP violations reach the console too; this names them plainly
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`))
  })
  page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() !== 'error' && !/Content Security Policy|CSP/i.test(m.text())) return
    if (allowUnauthorized && /status of 401/.test(m.text())) return
    problems.push(`console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
}

afterAll(async () => {
  await context?.close()
  await new Promise((r) => (server ? server.close(r) : r(undefined)))
  await store?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('dashboard in Chromium', () => {
  it('loads: the map canvas draws the events, with the legend and the timeline bars', async () => {
    const all = await apiCounts('')
    expect(all.points).toBeGreaterThan(5)
    await page.goto(base + '/')
    await waitForView(all.points, all.rows)
    // circles of the palette's colours on the events canvas
    const coloured = await page.evaluate((palette) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-events-pane canvas')
      if (!canvas) return -1
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      const rgb = palette.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)))
      let n = 0
      for (let i = 0; i < data.length; i += 4) if (rgb.some(([r, g, b]) => Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 40)) n++
      return n
    }, PALETTE)
    expect(coloured).toBeGreaterThan(50)
    await expect.poll(() => page.locator('#legend li').count()).toBe(6)
    expect(await page.locator('#legend').innerText()).toMatch(/Battles[\s\S]*Strategic developments[\s\S]*Fatalities/)
    expect(await page.locator('.timeline-svg path.bar').count()).toBeGreaterThan(3)
    expect(await page.locator('#summary').innerText()).toMatch(new RegExp(`^${all.points} events on the map`))
    await screenshot('loaded')
  })

  it('filters by event type and by country: map and table show what the API gives for the same filters', async () => {
    const all = await apiCounts('')
    await page.locator('.type-row', { hasText: 'Explosions/Remote violence' }).getByRole('button', { name: 'only' }).click()
    const type = await apiCounts('type=Explosions/Remote violence')
    expect(type.points).toBeLessThan(all.points)
    await waitForView(type.points, type.rows)

    await page.fill('#f-country', 'Iraq')
    await page.press('#f-country', 'Enter')
    const both = await apiCounts('type=Explosions/Remote violence&country=Iraq')
    expect(both.points).toBeLessThan(type.points)
    expect(both.points).toBeGreaterThan(0)
    await waitForView(both.points, both.rows)
    const url = new URL(page.url())
    expect(url.searchParams.get('type')).toBe('Explosions/Remote violence')
    expect(url.searchParams.get('country')).toBe('Iraq')
    await screenshot('filtered-type-country')
  })

  it('restores the filters from the URL on reload, and the timeline brush sets the dates', async () => {
    const both = await apiCounts('type=Explosions/Remote violence&country=Iraq')
    await page.reload()
    await waitForView(both.points, both.rows)
    expect(await page.inputValue('#f-country')).toBe('Iraq')
    expect(await page.isChecked('.type-row:has-text("Explosions/Remote violence") input')).toBe(true)
    expect(await page.isChecked('.type-row:has-text("Battles") input')).toBe(false)

    await page.click('#f-reset')
    const all = await apiCounts('')
    await waitForView(all.points, all.rows)
    // drag over the right half of the timeline: from mid-2021 to the end
    const box = (await page.locator('.timeline-svg .brush-overlay').boundingBox())!
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 4 })
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 4 })
    await page.mouse.up()
    await page.waitForFunction(() => new URL(location.href).searchParams.has('since'))
    const url = new URL(page.url())
    const since = url.searchParams.get('since')!, until = url.searchParams.get('until')!
    expect(since).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(until > since).toBe(true)
    const brushed = await apiCounts(`since=${since}&until=${until}`)
    expect(brushed.points).toBeLessThan(all.points)
    await waitForView(brushed.points, brushed.rows)
    expect(await page.inputValue('#f-since')).toBe(since)
    await screenshot('brushed')
    await page.click('#clear-brush')
    await waitForView(all.points, all.rows)
    expect(new URL(page.url()).searchParams.has('since')).toBe(false)
  })

  it('opens an event from its table row; a field\'s evidence is marked in every source text', async () => {
    const { events } = await api<{ events: StoredEvent[] }>('/api/events?limit=100')
    const kirkuk = events.find((e) => e.n_sources === 2)!
    expect(kirkuk).toBeTruthy()
    await page.click(`#events-body tr[data-event-id="${kirkuk.event_id}"]`)
    await page.waitForSelector(`#detail[data-event-id="${kirkuk.event_id}"] .source-text`)
    expect(new URL(page.url()).searchParams.get('event')).toBe(kirkuk.event_id)

    const detail = await api<Detail>(`/api/events/${kirkuk.event_id}`)
    const field = 'actor1'
    await page.click(`.evidence-btn[data-field="${field}"]`)
    await page.waitForSelector('#detail mark')
    let marked = 0
    for (const s of detail.sources) {
      // a report that names no doer ("a roadside bomb killed…") has no actor1 words to mark
      const ev = s.event.evidence[field]
      const spans: Span[] = !ev ? [] : ev.kind === 'spans' ? ev.spans : ev.spans ?? []
      const expected = spans.map((sp) => s.report.text.slice(sp.start, sp.end))
      const shown = await page.locator(`.source-text[data-report="${s.report.id}"] mark`).allInnerTexts()
      expect(shown).toEqual(expected)
      marked += shown.length
    }
    expect(marked).toBeGreaterThan(0)
    expect(await page.locator('#detail mark').first().isVisible()).toBe(true)
    await screenshot('evidence-actor1')
  })

  it('takes an analyst\'s correction of fatalities with the token, shows errors, and shows the corrected value', async () => {
    const id = new URL(page.url()).searchParams.get('event')!
    await expect.poll(() => page.locator('.review-hint').count()).toBe(1) // writable, but no token yet
    allowUnauthorized = true
    await page.fill('#token-input', 'wrong-token')
    await page.click('#token-form button[type=submit]')
    await page.selectOption('#review-field', 'fatalities')
    await page.fill('#review-value', '7')
    await page.click('#review-correct')
    await expect.poll(() => page.locator('.review-status.error').innerText()).toMatch(/Error 401: invalid token.*Check the analyst token/)
    await screenshot('review-error')
    allowUnauthorized = false
    expect(await page.evaluate(() => location.href)).not.toContain('token')

    await page.fill('#token-input', TOKEN)
    await page.click('#token-form button[type=submit]')
    await page.selectOption('#review-field', 'fatalities')
    await page.fill('#review-value', '7')
    await page.fill('#review-comment', 'second outlet\'s later toll checked by phone')
    await page.click('#review-correct')
    await expect.poll(() => page.locator('dd[data-field="fatalities"] .value').innerText()).toBe('7')
    expect(await page.locator('dd[data-field="fatalities"] .badge').innerText()).toBe('corrected')
    expect(await page.locator('#review-log').innerText()).toMatch(/correct[\s\S]*fatalities = 7[\s\S]*later toll/)
    expect(await page.locator('.review-status').innerText()).toContain('Saved: fatalities = 7')
    expect((await api<Detail>(`/api/events/${id}`)).event.fatalities).toBe(7)
    await page.click('#detail-close')
    expect(await page.locator(`#events-body tr[data-event-id="${id}"] td.c-num`).first().innerText()).toBe('7')
    await page.click(`#events-body tr[data-event-id="${id}"]`)
    await screenshot('corrected')
  })

  it('still shows the correction after the store re-codes the event\'s reports', async () => {
    const id = new URL(page.url()).searchParams.get('event')!
    const detail = await api<Detail>(`/api/events/${id}`)
    const version = coderVersion()
    for (const s of detail.sources) {
      const report = (await store.getReport(s.report.id))!
      // a coder that changed: same events, reworded notes, so the store really re-merges them
      const events = code({ id: report.id, text: report.text, ...(report.published ? { published: report.published } : {}) }).map((e) => ({ ...e, notes: `${e.notes} (re-coded)` }))
      expect((await store.recodeReport(report.id, events, `${version}-next`)).changed).toBe(true)
    }
    await page.reload()
    await page.waitForSelector('#detail .source-text')
    expect(await page.locator('dd[data-field="fatalities"] .value').innerText()).toBe('7')
    await screenshot('after-recode')
  })

  it('shows a report\'s markup as text and runs none of it', async () => {
    const { events } = await api<{ events: StoredEvent[] }>('/api/events?limit=100')
    const xss = events.find((e) => e.sources.some((s) => s.report_id === XSS_REPORT.id))!
    expect(xss).toBeTruthy()
    await page.goto(`${base}/?event=${xss.event_id}`)
    const text = page.locator(`.source-text[data-report="${XSS_REPORT.id}"]`)
    await text.waitFor()
    expect(await text.innerText()).toContain('<script>window.__xss = 1</script><img src=x onerror="window.__xss=2">')
    expect(await page.locator('#detail').innerText()).toContain('Shabelle <i>Desk</i>')
    await page.click('.evidence-btn[data-field="location"]')
    await page.waitForSelector(`.source-text[data-report="${XSS_REPORT.id}"] mark`)
    expect(await text.innerText()).toContain('<script>window.__xss = 1</script>')
    expect(await page.locator('#detail script, #detail img, #detail i, #detail b').count()).toBe(0)
    await page.waitForTimeout(200) // an injected image's onerror would have fired by now
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    await screenshot('xss-as-text')
  })

  it('opens an event from its point on the map', async () => {
    const { event_id: ids } = await api<{ event_id: string[] }>('/api/events?format=points&limit=10&country=Afghanistan')
    expect(ids).toHaveLength(1)
    await page.goto(`${base}/?country=Afghanistan`)
    await waitForView(1, 1)
    // one event: the map is fitted on it, so it sits in the middle of the map
    const box = (await page.locator('#map').boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForSelector(`#detail[data-event-id="${ids[0]!}"] .source-text`)
    await screenshot('opened-from-map')
  })

  it('filters by minimum confidence from its control, kept in the URL, and shows each event\'s confidence', async () => {
    const { events } = await api<{ events: StoredEvent[] }>('/api/events?limit=1000')
    const levels = [...new Set(events.map((e) => e.confidence))].sort((x, y) => x - y)
    expect(levels.length, 'the store\'s events differ in confidence').toBeGreaterThan(1)
    // a level that keeps some events and drops others
    const threshold = levels[Math.floor(levels.length / 2)]!
    await page.goto(`${base}/`)
    const all = await apiCounts('')
    await waitForView(all.points, all.rows)
    expect(await page.locator('#events-body td.c-conf').allInnerTexts()).toEqual(events.map((e) => e.confidence.toFixed(2)))
    await page.fill('#f-min-confidence', String(threshold))
    await page.press('#f-min-confidence', 'Enter')
    const some = await apiCounts(`min-confidence=${threshold}`)
    expect(some.rows).toBeLessThan(all.rows)
    expect(some.rows).toBeGreaterThan(0)
    await waitForView(some.points, some.rows)
    expect(new URL(page.url()).searchParams.get('min-confidence')).toBe(String(threshold))
    const shown = (await page.locator('#events-body td.c-conf').allInnerTexts()).map(Number)
    expect(shown).toHaveLength(some.rows)
    for (const c of shown) expect(c).toBeGreaterThanOrEqual(threshold)
    expect(await page.getAttribute('#export-csv', 'href')).toContain(`min-confidence=${threshold}`)
    await page.reload()
    await waitForView(some.points, some.rows)
    expect(await page.inputValue('#f-min-confidence')).toBe(String(threshold))
    await screenshot('min-confidence')
    // out of range: not sent, so the view is every event again
    await page.fill('#f-min-confidence', '7')
    await page.press('#f-min-confidence', 'Enter')
    // (the map stays fitted on the fewer events the reload showed, so not every point is in view)
    await page.waitForFunction(([p, r]) => document.querySelector<HTMLElement>('#map')?.dataset.points === String(p)
      && document.querySelector<HTMLElement>('#events-body')?.dataset.rows === String(r), [all.points, all.rows], { timeout: 20_000 })
    expect(new URL(page.url()).searchParams.has('min-confidence')).toBe(false)
    expect(await page.inputValue('#f-min-confidence')).toBe('')
  })

  it('opens the review queue: unreviewed events least certain first; a reviewed event leaves it', async () => {
    await page.goto(`${base}/`)
    const all = await apiCounts('')
    await waitForView(all.points, all.rows)
    const queue = (await api<{ events: StoredEvent[] }>('/api/events?order=confidence&review=unreviewed&limit=1000')).events
    expect(queue.length).toBeGreaterThan(1)
    expect(queue.length, 'the event corrected above is not in the queue').toBeLessThan(all.rows)
    const rowIds = () => page.locator('#events-body tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.eventId))
    const waitForRows = (n: number) => page.waitForFunction((r) => document.querySelector<HTMLElement>('#events-body')?.dataset.rows === String(r), n, { timeout: 20_000 })

    await page.click('#view-review')
    await waitForRows(queue.length)
    expect(await rowIds()).toEqual(queue.map((e) => e.event_id))
    const conf = await page.locator('#events-body td.c-conf').allInnerTexts()
    expect(conf).toEqual(queue.map((e) => e.confidence.toFixed(2)))
    expect(conf.map(Number)).toEqual([...conf.map(Number)].sort((x, y) => x - y))
    expect(new URL(page.url()).searchParams.get('view')).toBe('review')
    expect(await page.getAttribute('#view-review', 'aria-selected')).toBe('true')
    expect(await page.locator('#list-order').innerText()).toBe('unreviewed, least certain first')
    // the confidence column is in view: the table fits its panel without scrolling sideways
    expect(await page.locator('.table-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    // the queue is a list: the map still shows every event of the filters
    expect(await page.locator('#map').getAttribute('data-points')).toBe(String(all.points))
    await screenshot('review-queue')

    // the reviewer confirms the least certain event: it leaves the queue
    if ((await page.locator('#token-state').innerText()) !== 'Token set') {
      await page.fill('#token-input', TOKEN)
      await page.click('#token-form button[type=submit]')
    }
    const least = queue[0]!.event_id
    await page.click(`#events-body tr[data-event-id="${least}"]`)
    await page.waitForSelector(`#detail[data-event-id="${least}"] #review-confirm`)
    await page.click('#review-confirm')
    await expect.poll(() => page.locator('.review-status').innerText()).toContain('Saved: confirmed')
    expect((await api<Detail>(`/api/events/${least}`)).event.review).toBe('confirmed')
    await page.click('#detail-close')
    await waitForRows(queue.length - 1)
    expect(await rowIds()).toEqual(queue.slice(1).map((e) => e.event_id))

    // the queue lives in the URL, with the other filters
    await page.reload()
    await waitForRows(queue.length - 1)
    expect(await rowIds()).toEqual(queue.slice(1).map((e) => e.event_id))
    expect(await page.getAttribute('#view-review', 'aria-selected')).toBe('true')
    const threshold = queue[queue.length - 1]!.confidence
    await page.fill('#f-min-confidence', String(threshold))
    await page.press('#f-min-confidence', 'Enter')
    const surest = queue.slice(1).filter((e) => e.confidence >= threshold).map((e) => e.event_id)
    await waitForRows(surest.length)
    expect(await rowIds()).toEqual(surest)
    expect(new URL(page.url()).search).toMatch(/min-confidence=.*view=review|view=review.*min-confidence=/)

    // back to every event, newest first
    await page.click('#view-events')
    const some = await apiCounts(`min-confidence=${threshold}`)
    await waitForRows(some.rows)
    expect(new URL(page.url()).searchParams.has('view')).toBe(false)
    await page.click('#f-reset')
    await waitForView(all.points, all.rows)
  })

  // The same dashboard in a phone's, a tablet's and a wide desktop's window. The cases of one width
  // run in order; each starts from a fresh load.
  describe('in windows of several widths', () => {
    beforeAll(async () => {
      if (setupError) return
      // a report of one raid that tells, as past context, of two battles years before: two more
      // background events (in Iraq), so the header's count of hidden ones has a plural to say
      const report = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/kirkuk-raid-background/input.json'), 'utf8')) as ReportInput
      const res = await fetch(`${base}/api/reports`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(report) })
      expect(res.status, await res.text()).toBe(200)
    }, 120_000)

    describe.each([360, 768, 1400])('%i px wide', (width) => {
      const WIDE = 1100 // web/styles.css: from here on, filters | map over timeline | list, side by side
      const FOCUS_ZOOM = 7 // web/map.js: an event picked from the list or a link is shown this close at least
      type Points = { count: number; event_id: string[]; latitude: number[]; longitude: number[]; fatalities: number[] }
      const points = (qs = '') => api<Points>(`/api/events?format=points&limit=200000${qs ? `&${qs}` : ''}`)
      const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`) })
      /** Waits until the map has drawn `n` events and the table lists `rows` (not all need be in the map's view). */
      const waitForLoad = (n: number, rows: number) => page.waitForFunction(([p, r]) => {
        const map = document.querySelector<HTMLElement>('#map'), body = document.querySelector<HTMLElement>('#events-body')
        return map?.dataset.state === 'ready' && map.dataset.points === String(p) && body?.dataset.rows === String(r)
      }, [n, rows], { timeout: 20_000 })
      const openFresh = async (qs = '') => {
        const counts = await apiCounts(qs)
        await page.goto(`${base}/${qs ? `?${qs}` : ''}`)
        await waitForLoad(counts.points, counts.rows)
        return counts
      }
      /** Polls until the map is centred on lat/lon (within 0.1°) and returns its view. */
      const mapCentredOn = async (lat: number, lon: number) => {
        await expect.poll(async () => { const v = await mapView(page); return Math.max(Math.abs(v.lat - lat), lonGap(v.lon, lon)) }, { timeout: 10_000 }).toBeLessThan(0.1)
        return mapView(page)
      }

      beforeAll(async () => {
        if (setupError) return
        mkdirSync(SCREENSHOTS, { recursive: true })
        await page.setViewportSize({ width, height: 800 })
      })

      it('shows the map (200 px tall or more) with nothing overlapping the table and nothing past the window\'s right edge', async () => {
        await openFresh()
        const l = await measureLayout(page)
        expect(l.innerWidth).toBe(width)
        expect(await page.locator('#map').isVisible()).toBe(true)
        expect(l.map.height).toBeGreaterThanOrEqual(200)
        expect(l.map.width).toBeGreaterThanOrEqual(300)
        expect(l.map.x).toBeGreaterThanOrEqual(0)
        expect(l.map.x + l.map.width).toBeLessThanOrEqual(l.clientWidth + 0.5)
        // the map starts on the first screen
        expect(l.map.y).toBeLessThan(l.innerHeight / 3)
        expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth)
        expect(l.pastRightEdge).toEqual([])
        expect(l.headings.map((h) => h.text)).toEqual(expect.arrayContaining(['Sitrep', expect.stringMatching(/^Per week, by event type/)]))
        for (const h of l.headings) {
          for (const [what, b] of [['map', l.map], ['timeline chart', l.timelineChart], ['events table', l.table]] as const) {
            expect(intersects(h.box, b), `heading "${h.text}" overlaps the ${what}`).toBe(false)
          }
        }
        if (width < WIDE) {
          // one column of panels: map, then timeline, then the list
          expect(l.timeline.y).toBeGreaterThanOrEqual(l.map.y + l.map.height - 0.5)
          expect(l.table.y).toBeGreaterThanOrEqual(l.timeline.y + l.timeline.height - 0.5)
        }
        if (width >= 560) {
          // every column heading in full, left of the table panel's scroll bar: no column hides behind it
          expect(l.headerCells.map((c) => c.text)).toEqual(['Date', 'Type / sub-type', 'Actors', 'Location', 'Dead', 'Src', 'Conf'])
          for (const c of l.headerCells) {
            expect(c.box.x, c.text).toBeGreaterThanOrEqual(0)
            expect(c.box.x + c.box.width, c.text).toBeLessThanOrEqual(Math.min(l.tablePanelRight, l.clientWidth) + 0.5)
          }
          expect(l.tablePanel.scrollWidth).toBeLessThanOrEqual(l.tablePanel.clientWidth)
        } else {
          // too narrow for seven columns: each event is a card whose cells all stay in the window
          expect(l.headerCells).toEqual([])
          const cells = await page.locator('#events-body tr').first().locator('td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().right))
          expect(cells).toHaveLength(7)
          for (const right of cells) expect(right).toBeLessThanOrEqual(l.clientWidth + 0.5)
        }
        await shoot('layout')
      })

      it('lets the filters be reached and used', async () => {
        await openFresh()
        const country = page.locator('#f-country')
        const toggle = page.locator('#filters-toggle')
        if (width < 700) {
          // behind the top bar's button, so the map comes first
          expect(await country.isVisible()).toBe(false)
          expect(await toggle.getAttribute('aria-expanded')).toBe('false')
          await toggle.click()
          expect(await toggle.getAttribute('aria-expanded')).toBe('true')
        } else {
          expect(await toggle.isVisible()).toBe(false)
        }
        expect(await country.isVisible()).toBe(true)
        const box = (await country.boundingBox())!
        expect(box.x).toBeGreaterThanOrEqual(0)
        expect(box.x + box.width).toBeLessThanOrEqual(width)
        await country.fill('Iraq')
        await country.press('Enter')
        const iraq = await apiCounts('country=Iraq')
        expect(iraq.points).toBeGreaterThan(0)
        await waitForLoad(iraq.points, iraq.rows)
        expect(new URL(page.url()).searchParams.get('country')).toBe('Iraq')
        const l = await measureLayout(page)
        expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth)
        expect(l.pastRightEdge).toEqual([])
        await shoot('filters')
        await page.click('#f-reset')
        const all = await apiCounts('')
        await waitForLoad(all.points, all.rows)
        if (width < 700) {
          await toggle.click()
          expect(await country.isVisible()).toBe(false)
        }
      })

      it('brings the map to an event picked in the table, zoomed in on it', async () => {
        await openFresh()
        const pts = await points()
        const start = await mapView(page)
        const gap = (i: number, lat: number, lon: number) => Math.hypot(pts.latitude[i]! - lat, lonGap(pts.longitude[i]!, lon))
        // B: the event farthest from where the map starts; A: the event farthest from B
        const idx = [...pts.event_id.keys()]
        const b = idx.reduce((m, i) => (gap(i, start.lat, start.lon) > gap(m, start.lat, start.lon) ? i : m))
        const a = idx.reduce((m, i) => (gap(i, pts.latitude[b]!, pts.longitude[b]!) > gap(m, pts.latitude[b]!, pts.longitude[b]!) ? i : m))
        expect(gap(b, start.lat, start.lon), 'the event picked second is away from the first view').toBeGreaterThan(5)

        await page.click(`#events-body tr[data-event-id="${pts.event_id[a]!}"]`)
        await page.waitForSelector(`#detail[data-event-id="${pts.event_id[a]!}"]`)
        let view = await mapCentredOn(pts.latitude[a]!, pts.longitude[a]!)
        expect(view.zoom).toBeGreaterThanOrEqual(FOCUS_ZOOM)
        expect(inBounds(view.bounds, pts.latitude[b]!, pts.longitude[b]!), 'the second event is out of the map\'s view').toBe(false)

        await page.click('#detail-close')
        await page.click(`#events-body tr[data-event-id="${pts.event_id[b]!}"]`)
        await page.waitForSelector(`#detail[data-event-id="${pts.event_id[b]!}"] .source-text`)
        view = await mapCentredOn(pts.latitude[b]!, pts.longitude[b]!)
        expect(view.zoom).toBeGreaterThanOrEqual(FOCUS_ZOOM)
        expect(new URL(page.url()).searchParams.get('event')).toBe(pts.event_id[b])
        // the event's panel is where the analyst looks, also when the list it replaced was scrolled far down
        const detail = (await page.locator('#detail').boundingBox())!
        expect(detail.y).toBeGreaterThanOrEqual(0)
        expect(detail.y).toBeLessThan(800)
        const l = await measureLayout(page)
        expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth)
        expect(l.pastRightEdge).toEqual([])
        for (const h of l.headings) expect(intersects(h.box, l.map), `heading "${h.text}" overlaps the map`).toBe(false)
        await shoot('select-event')
      })

      it('opens a link to an event with the map centred and zoomed in on it', async () => {
        // the event farthest from the view of every event, so the map must move to show it
        const all = await openFresh()
        const start = await mapView(page)
        const pts = await points()
        const far = [...pts.event_id.keys()].reduce((m, i) => (Math.hypot(pts.latitude[i]! - start.lat, lonGap(pts.longitude[i]!, start.lon))
          > Math.hypot(pts.latitude[m]! - start.lat, lonGap(pts.longitude[m]!, start.lon)) ? i : m))
        expect(Math.hypot(pts.latitude[far]! - start.lat, lonGap(pts.longitude[far]!, start.lon))).toBeGreaterThan(5)
        const id = pts.event_id[far]!
        await page.goto(`${base}/?event=${id}`)
        await page.waitForSelector(`#detail[data-event-id="${id}"] .source-text`)
        await waitForLoad(all.points, all.rows)
        const view = await mapCentredOn(pts.latitude[far]!, pts.longitude[far]!)
        expect(view.zoom).toBeGreaterThanOrEqual(FOCUS_ZOOM)
        const l = await measureLayout(page)
        expect(l.map.height).toBeGreaterThanOrEqual(200)
        expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth)
        expect(l.pastRightEdge).toEqual([])
        await shoot('deep-link')
      })

      it('says in the header how many background events the filters hide, counted by the API for the same filters', async () => {
        // background events: those the API leaves out unless asked with background=true
        const hidden = async (qs: string) => (await api<{ events: StoredEvent[] }>(`/api/events?limit=1000&background=true${qs ? `&${qs}` : ''}`)).events.filter((e) => e.background).length
        const expected = async (qs: string) => {
          const p = await points(qs)
          const k = await hidden(qs)
          const dead = p.fatalities.reduce((s, f) => s + f, 0)
          return { k, text: `${p.count} event${p.count === 1 ? '' : 's'} on the map${k ? `, ${k} background event${k === 1 ? '' : 's'} hidden` : ''} · ${dead} fatalities` }
        }
        const cases = [['', 'several'], ['country=Afghanistan', 'one'], ['country=Syria', 'none']] as const
        for (const [qs, how] of cases) {
          const want = await expected(qs)
          // the store's data must give each case (the Iraqi report posted above adds two background events)
          if (how === 'several') expect(want.k, qs).toBeGreaterThan(1)
          else expect(want.k, qs).toBe(how === 'one' ? 1 : 0)
          await openFresh(qs)
          await expect.poll(() => page.locator('#summary').innerText(), { timeout: 10_000 }).toBe(want.text)
          if (how === 'several') await shoot('background-count')
        }
        expect(await page.locator('#summary').innerText()).not.toContain('hidden')
      })
    })
  })

  it('shows an Arabic source right to left, its evidence marked in the Arabic original', async () => {
    // an invented report in the Arabic of the local press (issue 15)
    const text = 'قتل ثلاثة جنود عراقيين في هجوم شنه مسلحون من تنظيم داعش على حاجز للجيش قرب الرمادي فجر اليوم، بحسب مصدر أمني.'
    const res = await fetch(`${base}/api/reports`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'ar-ramadi', text, published: '2023-06-10' }) })
    expect(res.status).toBe(200)
    const page1 = await api<{ events: { event_id: string; location: string; fatalities: number }[] }>('/api/events?q=%D8%A7%D9%84%D8%B1%D9%85%D8%A7%D8%AF%D9%8A&limit=10')
    const ev = page1.events.find((e) => e.location === 'Ramadi')
    expect(ev, JSON.stringify(page1.events)).toBeTruthy()
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${base}/?event=${ev!.event_id}`)
    const box = page.locator(`#detail[data-event-id="${ev!.event_id}"] .source-text[data-report="ar-ramadi"]`)
    await box.waitFor()
    expect(await box.getAttribute('dir')).toBe('auto')
    expect(await box.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl')
    await page.click('.evidence-btn[data-field="fatalities"]')
    await page.waitForSelector('.source-text[data-report="ar-ramadi"] mark')
    const marks = await box.locator('mark').allInnerTexts()
    expect(marks).toContain('ثلاثة')
    // the mark sits inside the right-to-left text: its right edge is left of the box's right edge, as in Arabic
    const [m, b] = await Promise.all([box.locator('mark').first().boundingBox(), box.boundingBox()])
    expect(m!.x + m!.width).toBeLessThanOrEqual(b!.x + b!.width + 1)
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOTS, 'arabic-source-1366.png') })
  })

  it('logged no console errors and no CSP violations', () => {
    expect(problems).toEqual([])
  })
})
