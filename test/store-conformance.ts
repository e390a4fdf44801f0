import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import type { Store } from '../src/store/store.js'
import type { EventQuery, StoredEvent } from '../src/store/types.js'
import { ev, text } from './support/events.js'
import { actorsText, countActors } from '../src/store/rows.js'

/** What every Store backend must do; run by test/store-sqlite.test.ts (and the PostgreSQL suite). */
export function storeConformance(name: string, make: () => Promise<Store>) {
  describe(`Store conformance: ${name}`, () => {
    let store: Store
    beforeEach(async () => { store = await make() })
    afterEach(async () => { await store.close() })

    const add = (id: string, events = [ev()], extra: { published?: string; url?: string; source?: string; body?: string } = {}) =>
      store.addReport({ id, text: text(id, extra.body), published: extra.published ?? '2024-03-11', ...(extra.url ? { url: extra.url } : {}), source: extra.source ?? `Outlet ${id}` }, events, 'test')
    const comparable = (e: StoredEvent) => { const { timestamp: _t, ...rest } = e; return rest }
    const all = async (q = {}) => { const out: StoredEvent[] = []; for await (const e of store.streamEvents(q)) out.push(e); return out }

    it('migrating again applies nothing', async () => {
      expect((await store.migrate()).applied).toEqual([])
    })

    it('stores a report once: same URL, or same text up to case and spacing', async () => {
      expect((await add('a', [ev()], { url: 'https://example.org/a' })).status).toBe('new')
      expect((await store.addReport({ id: 'a2', text: 'different text', url: 'https://example.org/a' }, [], 'test')).status).toBe('seen')
      expect((await store.addReport({ id: 'a3', text: `  ${text('a').toUpperCase()}\n` }, [], 'test')).status).toBe('seen')
      expect(await store.seen({ url: 'https://example.org/a' })).toBe(true)
      expect(await store.seen({ text: 'never stored' })).toBe(false)
      expect(await store.counts()).toEqual({ reports: 1, events: 1, mentions: 1 })
    })

    it('merges two reports of one incident into one event with both sources and their own claims', async () => {
      const a = await add('a', [ev({ fatalities: 5 })], { published: '2024-03-10' })
      const b = await add('b', [ev({ fatalities: 9, location: 'Baghdad - Karrada', latitude: 33.29698, longitude: 44.42407 })], { published: '2024-03-11' })
      expect(b.eventIds[0]).toBeDefined()
      expect(b.eventsMerged).toBe(1)
      const events = await all()
      expect(events).toHaveLength(1)
      const e = events[0]!
      expect(e.n_sources).toBe(2)
      expect(e.sources.map((s) => s.fatalities).sort()).toEqual([5, 9])
      expect(e.fatalities).toBe(9) // the later day's figure: an updated toll
      expect(e.location).toBe('Baghdad') // both precision 1: the earlier report's name... or the most precise
      expect(e.source).toBe('Outlet a; Outlet b')
      expect(await store.getEvent(a.eventIds[0]!)).not.toBeNull() // an id merged away still resolves
    })

    it('takes the lowest figure when reports of the same day conflict', async () => {
      await add('a', [ev({ fatalities: 12 })], { published: '2024-03-11' })
      await add('b', [ev({ fatalities: 7 })], { published: '2024-03-11' })
      expect((await all())[0]!.fatalities).toBe(7)
    })

    it('gives the same events whatever the order of ingest', async () => {
      const reports: [string, ReturnType<typeof ev>[]][] = [
        ['r1', [ev({ fatalities: 3 })]],
        ['r2', [ev({ fatalities: 4, sub_event_type: 'Suicide bomb', actor1: 'Unidentified Armed Group (Iraq)' }), ev({ location: 'Baghdad - Sadr City', latitude: 33.39, longitude: 44.46, fatalities: 2 })]],
        ['r3', [ev({ event_date: '2024-03-11', fatalities: 6 })]],
        ['r4', [ev({ location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })]],
      ]
      for (const [id, es] of reports) await add(id, es)
      const forward = (await all()).map(comparable)
      await store.close()
      store = await make()
      for (const [id, es] of [...reports].reverse()) await add(id, es)
      const backward = (await all()).map(comparable)
      expect(backward.map((e) => e.event_id).sort()).toEqual(forward.map((e) => e.event_id).sort())
      const byId = new Map(backward.map((e) => [e.event_id, e]))
      for (const e of forward) {
        const o = byId.get(e.event_id)!
        expect({ ...o, sources: [...o.sources].sort((x, y) => x.report_id.localeCompare(y.report_id)) })
          .toEqual({ ...e, sources: [...e.sources].sort((x, y) => x.report_id.localeCompare(y.report_id)) })
      }
      expect(forward).toHaveLength(3) // Baghdad (r1+r2+r3), Sadr City, Mosul
    })

    it('keeps two attacks on one day in one province at different towns apart', async () => {
      await add('a', [ev({ location: 'Ramadi', admin1: 'Al-Anbar', latitude: 33.42, longitude: 43.30 })])
      await add('b', [ev({ location: 'Fallujah', admin1: 'Al-Anbar', latitude: 33.35, longitude: 43.78 })])
      expect(await all()).toHaveLength(2)
    })

    it('keeps different districts of one city and different sub-event types apart', async () => {
      await add('a', [ev({ location: 'Baghdad - Karrada' })])
      await add('b', [ev({ location: 'Baghdad - Shaab' })])
      await add('c', [ev({ event_type: 'Violence against civilians', sub_event_type: 'Attack' })])
      expect(await all()).toHaveLength(3)
    })

    it('never merges a background mention, and hides it unless asked', async () => {
      await add('a', [ev()])
      await add('b', [ev({ background: true })])
      expect(await all()).toHaveLength(1)
      expect(await all({ includeBackground: true })).toHaveLength(2)
    })

    it('lets a week-precision event join a day inside its week, not one outside it', async () => {
      await add('a', [ev({ event_date: '2024-03-10' })])
      await add('b', [ev({ event_date: '2024-03-12', time_precision: 2 })])
      await add('c', [ev({ event_date: '2024-03-20', time_precision: 2 })])
      const events = await all()
      expect(events).toHaveLength(2)
      expect(events.find((e) => e.n_sources === 2)!.event_date).toBe('2024-03-10') // the day beats the week
    })

    it('filters by country, type, admin1, actor, dates, box, text and fatalities, and pages without gaps', async () => {
      await add('a', [ev({ fatalities: 1 })], { body: 'Gunmen stormed a wedding hall.' })
      await add('b', [ev({ event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Iraq', actor2: 'Islamic State', location: 'Ramadi', admin1: 'Al-Anbar', latitude: 33.42, longitude: 43.30, event_date: '2024-02-01', fatalities: 12 })])
      await add('c', [ev({ country: 'Syria', iso: 'SYR', admin1: 'Idlib', location: 'Idlib', latitude: 35.93, longitude: 36.63, actor2: 'Civilians (Syria)', event_date: '2024-01-05' })])
      const ids = async (q: object) => (await all(q)).map((e) => e.location).sort()
      expect(await ids({ country: ['Syria'] })).toEqual(['Idlib'])
      expect(await ids({ country: ['IQ'] })).toEqual(['Baghdad', 'Ramadi'])
      expect(await ids({ country: ['irq'], type: ['Battles'] })).toEqual(['Ramadi'])
      expect(await ids({ admin1: ['Al-Anbar'] })).toEqual(['Ramadi'])
      expect(await ids({ actor: 'military forces of iraq' })).toEqual(['Ramadi'])
      expect(await ids({ since: '2024-01-10', until: '2024-02-28' })).toEqual(['Ramadi'])
      expect(await ids({ bbox: [35, 34, 40, 37] })).toEqual(['Idlib'])
      expect(await ids({ q: 'wedding' })).toEqual(['Baghdad'])
      expect(await ids({ minFatalities: 10 })).toEqual(['Ramadi'])
      expect(await ids({ subType: ['Armed clash'] })).toEqual(['Ramadi'])
      await expect(store.queryEvents({ country: ['Atlantis'] })).rejects.toThrow(/unknown country "Atlantis"/)
      const seen: string[] = []
      let page = await store.queryEvents({ limit: 2 })
      seen.push(...page.events.map((e) => e.event_id))
      expect(page.events.map((e) => e.event_date)).toEqual(['2024-03-10', '2024-02-01'])
      while (page.next) { page = await store.queryEvents({ limit: 2, cursor: page.next }); seen.push(...page.events.map((e) => e.event_id)) }
      expect(seen).toHaveLength(3)
      expect(new Set(seen).size).toBe(3)
    })

    it('keeps an analyst correction through re-coding and through a merge that renames the event', async () => {
      const a = await add('zz-late-key', [ev({ fatalities: 5 })])
      const id = a.eventIds[0]!
      const corrected = await store.review(id, { action: 'correct', fields: { fatalities: 4, location: 'Baghdad - Bab al-Sharqi' }, comment: 'hospital count', author: 'analyst' })
      expect(corrected.fatalities).toBe(4)
      expect(corrected.review).toBe('corrected')
      expect(corrected.corrections.map((c) => c.field).sort()).toEqual(['fatalities', 'location'])
      const recoded = await store.recodeReport('zz-late-key', [ev({ fatalities: 6, confidence: 0.8 })], 'test-2')
      expect(recoded.changed).toBe(true)
      expect((await store.getEvent(id))!.fatalities).toBe(4)
      for (let i = 0; i < 5; i++) await add(`other-${i}`, [ev({ fatalities: 8 })])
      const after = await store.getEvent(id)
      expect(after!.n_sources).toBe(6)
      expect(after!.event_id).not.toBe(id) // the merged event took a new id (its smallest mention key changed)
      expect((await store.history(id)).map((h) => h.reason)).toContain('merged')
      expect(after!.fatalities).toBe(4)
      expect((await store.reviews(after!.event_id)).map((r) => r.action)).toEqual(['correct'])
      await expect(store.review(id, { action: 'correct', fields: { event_id: 'X' } })).rejects.toThrow(/cannot be corrected: event_id/)
      await expect(store.review('NOPE', { action: 'confirm' })).rejects.toThrow(/no event with id "NOPE"/)
    })

    it('hides a rejected event from default queries but keeps it', async () => {
      const a = await add('a', [ev()])
      await store.review(a.eventIds[0]!, { action: 'reject', comment: 'not an event' })
      expect(await all()).toHaveLength(0)
      expect(await all({ includeRejected: true })).toHaveLength(1)
    })

    it('lists every report with its own coding and the merged event ids', async () => {
      await add('a', [ev({ fatalities: 5 })])
      await add('b', [ev({ fatalities: 9 }), ev({ location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })])
      await store.addReport({ id: 'c', text: 'Nothing happened.' }, [], 'test')
      const rows: { id: string; events: { event_id: string; fatalities: number }[] }[] = []
      for await (const r of store.eventsByReport()) rows.push(r)
      expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c'])
      expect(rows[0]!.events[0]!.fatalities).toBe(5) // the report's own claim, not the merged figure
      expect(rows[0]!.events[0]!.event_id).toBe(rows[1]!.events[0]!.event_id)
      expect(rows[1]!.events[1]!.event_id).not.toBe(rows[1]!.events[0]!.event_id)
      expect(rows[2]!.events).toEqual([])
      const mentions = await store.eventMentions(rows[0]!.events[0]!.event_id)
      expect(mentions.map((m) => m.report.id).sort()).toEqual(['a', 'b'])
      expect(mentions[0]!.report.text).toContain('Report')
    })

    it('recoding with the same events changes nothing', async () => {
      await add('a', [ev()])
      expect((await store.recodeReport('a', [ev()], 'test-2')).changed).toBe(false)
      await expect(store.recodeReport('missing', [], 'x')).rejects.toThrow(/no stored report/)
    })

    it('counts events and fatalities by week, month and key, with filters', async () => {
      await add('a', [ev({ event_date: '2024-03-06', fatalities: 2 })]) // a Wednesday: week of Monday 4 March
      await add('b', [ev({ event_date: '2024-03-10', fatalities: 3, location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })])
      await add('c', [ev({ event_date: '2024-04-02', fatalities: 1, event_type: 'Battles', sub_event_type: 'Armed clash', actor2: 'Islamic State' })])
      expect(await store.stats({}, 'week', 'event_type')).toEqual([
        { period: '2024-03-04', key: 'Explosions/Remote violence', events: 2, fatalities: 5 },
        { period: '2024-04-01', key: 'Battles', events: 1, fatalities: 1 },
      ])
      expect(await store.stats({ admin1: ['Ninawa'] }, 'month', 'admin1')).toEqual([{ period: '2024-03-01', key: 'Ninawa', events: 1, fatalities: 3 }])
      expect((await store.stats({}, 'day', 'country')).map((r) => r.period)).toEqual(['2024-03-06', '2024-03-10', '2024-04-02'])
      // the per-day counts a store may keep must agree with counting the events themselves
      const fast = await store.stats({ country: ['Iraq'] }, 'month', 'event_type')
      expect(await store.stats({ country: ['Iraq'], minFatalities: 0 }, 'month', 'event_type')).toEqual(fast)
      const [first] = (await store.queryEvents({ since: '2024-04-01' })).events
      await store.review(first!.event_id, { action: 'correct', fields: { fatalities: 7, event_date: '2024-04-03' } })
      await add('d', [ev({ event_date: '2024-03-06', fatalities: 4 })]) // merges into the first event: its day count moves
      const after = await store.stats({}, 'day', 'event_type')
      expect(after).toEqual(await store.stats({ minFatalities: 0 }, 'day', 'event_type'))
      expect(after.find((r) => r.period === '2024-04-03')).toMatchObject({ events: 1, fatalities: 7 })
      await store.review(first!.event_id, { action: 'reject' })
      expect((await store.stats({}, 'day', 'event_type')).find((r) => r.period === '2024-04-03')).toBeUndefined()
    })

    it('keeps actor counts equal to a recount of the events through merges, corrections, rejections and re-coding', async () => {
      const recount = async () => countActors((await all()).filter((e) => !e.background).map((e) => ({ actors: actorsText(e) })), null, 1000)
      await add('a', [ev()])
      await add('b', [ev({ fatalities: 9 })]) // merges into a's event
      await add('c', [ev({ actor1: 'Al Shabaab', actor2: 'Civilians (Somalia)', iso: 'SOM', country: 'Somalia', admin1: 'Banaadir', location: 'Mogadishu', latitude: 2.03, longitude: 45.34 })])
      await add('d', [ev({ background: true, actor1: 'Old Militia' })])
      await add('e', [ev({ actor1: 'Islamic State', assoc_actor_1: 'Islamic State; Local Allies', location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })])
      expect(await store.actors(null, 1000)).toEqual(await recount())
      const byName = new Map((await store.actors(null, 1000)).map((a) => [a.name, a.events]))
      expect(byName.get('Islamic State')).toBe(byName.get('Civilians (Iraq)')) // e names it twice: counted once
      const [som] = (await store.queryEvents({ country: ['Somalia'] })).events
      await store.review(som!.event_id, { action: 'correct', fields: { actor1: 'Hizbul Islam' } })
      expect(await store.actors(null, 1000)).toEqual(await recount())
      expect(await store.actors('shab', 10)).toEqual([])
      await store.review(som!.event_id, { action: 'reject' })
      expect(await store.actors('hizbul', 10)).toEqual([])
      await store.recodeReport('e', [ev({ actor1: 'Unidentified Armed Group (Iraq)', location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })], 'test-2')
      expect(await store.actors(null, 1000)).toEqual(await recount())
      expect(await store.actors('local allies', 10)).toEqual([])
    })

    it('lists actors by number of events, and the points a map needs', async () => {
      await add('a', [ev()])
      await add('b', [ev({ location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })])
      await add('c', [ev({ actor1: 'Al Shabaab', actor2: 'Civilians (Somalia)', iso: 'SOM', country: 'Somalia', admin1: 'Banaadir', location: 'Mogadishu', latitude: 2.03, longitude: 45.34, geo_status: 'unresolved' })])
      expect((await store.actors(null, 10))[0]).toEqual({ name: 'Civilians (Iraq)', events: 2 })
      expect(await store.actors('SHAB', 10)).toEqual([{ name: 'Al Shabaab', events: 1 }])
      const pts = await store.points({ country: ['Iraq'] }, 10)
      expect(pts.count).toBe(2)
      expect([...pts.latitude].sort()).toEqual([33.34058, 36.335])
      expect(pts.types[pts.type[0]!]).toBe('Explosions/Remote violence')
      expect(pts.event_id).toHaveLength(2)
      expect((await store.points({}, 1)).count).toBe(1)
    })

    /** Ids the store's confidence filter returns, against the same filter applied to each event's own JSON. */
    const confidenceAgrees = async (thresholds: number[]) => {
      const every = await all({ includeBackground: true, includeRejected: true })
      for (const t of thresholds) {
        const bySql = (await all({ includeBackground: true, includeRejected: true, minConfidence: t })).map((e) => e.event_id).sort()
        expect(bySql, `min-confidence ${t}`).toEqual(every.filter((e) => e.confidence >= t).map((e) => e.event_id).sort())
      }
    }
    /** Every page of q, following `next`, and how many pages it took. */
    const pages = async (q: EventQuery) => {
      const out: StoredEvent[] = []
      let page = await store.queryEvents(q)
      let n = 1
      out.push(...page.events)
      while (page.next && n < 100) { page = await store.queryEvents({ ...q, cursor: page.next }); out.push(...page.events); n++ }
      return { events: out, pages: n }
    }
    // Ten incidents at one place five days apart (day-precision dates never merge across that gap),
    // with ties in confidence, so the queue's tie-break and its cursor are both exercised.
    const QUEUE_CONFIDENCES = [0.5, 0.2, 0.9, 0.2, 0.7, 0.5, 0.2, 0.35, 0.99, 0.6]
    const dayOf = (i: number) => new Date(Date.UTC(2024, 0, 1 + 5 * i)).toISOString().slice(0, 10)
    const addQueue = async () => {
      const ids: string[] = []
      for (const [i, confidence] of QUEUE_CONFIDENCES.entries()) {
        ids.push((await add(`q${i}`, [ev({ confidence, event_date: dayOf(i) })], { published: dayOf(i) })).eventIds[0]!)
      }
      expect(new Set(ids).size).toBe(QUEUE_CONFIDENCES.length)
      return ids
    }

    it('filters by minimum confidence, the bound included, a merged event by its corroborated confidence', async () => {
      await add('a', [ev({ confidence: 0.3, location: 'Ramadi', admin1: 'Al-Anbar', latitude: 33.42, longitude: 43.30 })])
      await add('b', [ev({ confidence: 0.9, location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })])
      await add('c', [ev({ confidence: 0.5 })])
      await add('d', [ev({ confidence: 0.6 })]) // the same Baghdad bombing: 1 - 0.5 × 0.4 = 0.8
      await add('e', [ev({ confidence: 0.95, background: true, event_date: '2016-06-01' })], { published: '2024-03-11' })
      const where = async (q: EventQuery) => (await all(q)).map((e) => e.location).sort()
      expect(await where({ minConfidence: 0.75 })).toEqual(['Baghdad', 'Mosul'])
      expect((await all({ minConfidence: 0.75 })).find((e) => e.location === 'Baghdad')!.confidence).toBe(0.8)
      expect(await where({ minConfidence: 0.9 })).toEqual(['Mosul'])
      expect(await where({ minConfidence: 0.8 })).toEqual(['Baghdad', 'Mosul'])
      expect(await where({ minConfidence: 0.81 })).toEqual(['Mosul'])
      expect(await where({ minConfidence: 0 })).toEqual(['Baghdad', 'Mosul', 'Ramadi'])
      expect(await where({ minConfidence: 1 })).toEqual([])
      expect(await where({ minConfidence: 0.9, includeBackground: true })).toEqual(['Baghdad', 'Mosul'])
      // with the other filters, in stats and on the map
      expect(await where({ minConfidence: 0.5, admin1: ['Ninawa', 'Al-Anbar'] })).toEqual(['Mosul'])
      expect((await store.stats({ minConfidence: 0.75 }, 'month', 'admin1')).map((r) => [r.key, r.events])).toEqual([['Baghdad', 1], ['Ninawa', 1]])
      expect((await store.points({ minConfidence: 0.85 }, 10)).latitude).toEqual([36.335])
      await confidenceAgrees([0, 0.3, 0.31, 0.8, 0.9, 0.95, 1])
      // bulk-imported events get the column too
      const [one] = await all({ minConfidence: 0.9 })
      await store.importEvents([{ ...one!, event_id: 'IRQBULK1', location: 'Basra', admin1: 'Basra', latitude: 30.5, longitude: 47.8, confidence: 0.33 }])
      expect(await where({ minConfidence: 0.33, admin1: ['Basra'] })).toEqual(['Basra'])
      expect(await where({ minConfidence: 0.34, admin1: ['Basra'] })).toEqual([])
    })

    it('orders least certain first and pages the queue with its own cursor: no event twice, none missing', async () => {
      const ids = await addQueue()
      const unpaged = (await store.queryEvents({ order: 'confidence', limit: 1000 })).events
      expect(unpaged.map((e) => e.confidence)).toEqual([...QUEUE_CONFIDENCES].sort((x, y) => x - y))
      for (const limit of [1, 2, 3, 4, 10]) {
        const { events, pages: n } = await pages({ order: 'confidence', limit })
        expect(events.map((e) => e.event_id), `limit ${limit}`).toEqual(unpaged.map((e) => e.event_id))
        expect(n, `limit ${limit}`).toBe(Math.ceil(ids.length / limit))
      }
      expect(new Set(unpaged.map((e) => e.event_id))).toEqual(new Set(ids))
      // the queue's ties (three events of 0.2) keep one order across pages
      const ties = unpaged.filter((e) => e.confidence === 0.2).map((e) => e.event_id)
      expect(ties).toHaveLength(3)
      expect((await pages({ order: 'confidence', limit: 1 })).events.slice(0, 3).map((e) => e.event_id)).toEqual(ties)
      // with a filter too
      const certain = await pages({ order: 'confidence', minConfidence: 0.5, limit: 2 })
      expect(certain.events.map((e) => e.confidence)).toEqual([0.5, 0.5, 0.6, 0.7, 0.9, 0.99])
      // exports stream the whole queue in its order
      expect((await all({ order: 'confidence' })).map((e) => e.event_id)).toEqual(unpaged.map((e) => e.event_id))
      // the date orders and their cursors are unchanged
      const newest = await pages({ limit: 3 })
      expect(newest.events.map((e) => e.event_date)).toEqual(QUEUE_CONFIDENCES.map((_, i) => dayOf(i)).reverse())
      const oldest = await pages({ order: 'asc', limit: 4 })
      expect(oldest.events.map((e) => e.event_date)).toEqual(QUEUE_CONFIDENCES.map((_, i) => dayOf(i)))
      // a cursor only continues the order it was made in
      const queueNext = (await store.queryEvents({ order: 'confidence', limit: 2 })).next!
      const dateNext = (await store.queryEvents({ limit: 2 })).next!
      await expect(store.queryEvents({ cursor: queueNext })).rejects.toThrow(/invalid cursor: a cursor of order confidence, but the order is desc/)
      await expect(store.queryEvents({ order: 'asc', cursor: queueNext })).rejects.toThrow(/invalid cursor/)
      await expect(store.queryEvents({ order: 'confidence', cursor: dateNext })).rejects.toThrow(/invalid cursor: a cursor of the date order/)
    })

    it('lists the review queue: unreviewed events least certain first, each reviewed one leaving it', async () => {
      const ids = await addQueue()
      const queue = async (limit = 3) => (await pages({ order: 'confidence', review: ['unreviewed'], limit })).events
      expect((await queue()).map((e) => e.confidence)).toEqual([...QUEUE_CONFIDENCES].sort((x, y) => x - y))
      const [first, second, third, fourth] = (await queue()).map((e) => e.event_id)
      await store.review(first!, { action: 'confirm' })
      await store.review(second!, { action: 'correct', fields: { fatalities: 1 } })
      await store.review(third!, { action: 'reject' })
      await store.review(fourth!, { action: 'confirm' })
      const left = await queue(2)
      expect(left.map((e) => e.event_id)).toEqual((await store.queryEvents({ order: 'confidence', limit: 100 })).events
        .filter((e) => e.review === 'unreviewed').map((e) => e.event_id))
      expect(left).toHaveLength(ids.length - 4)
      expect(left.every((e) => e.review === 'unreviewed')).toBe(true)
      expect(left.map((e) => e.confidence)).toEqual([...left.map((e) => e.confidence)].sort((x, y) => x - y))
      // the other statuses, rejected included when asked for by name
      expect((await all({ review: ['confirmed'] })).map((e) => e.event_id).sort()).toEqual([first!, fourth!].sort())
      expect((await all({ review: ['corrected', 'rejected'] })).map((e) => e.event_id).sort()).toEqual([second!, third!].sort())
      expect(await all({ review: ['unreviewed'], minConfidence: 0.9 })).toHaveLength(2)
      // the per-day counts a store may keep agree with counting events, per status
      const fast = await store.stats({ review: ['unreviewed'] }, 'month', 'event_type')
      expect(fast.reduce((n, r) => n + r.events, 0)).toBe(ids.length - 4)
      expect(await store.stats({ review: ['unreviewed'], minFatalities: 0 }, 'month', 'event_type')).toEqual(fast)
    })

    it('keeps the confidence column equal to the merged confidence through merges, corrections and re-coding', async () => {
      const ids = async (q: EventQuery) => (await all(q)).map((e) => e.location).sort()
      await add('a', [ev({ confidence: 0.5 })])
      expect(await ids({ minConfidence: 0.7 })).toEqual([])
      // a second report of the incident corroborates it: 1 - 0.5 × 0.4 = 0.8
      await add('b', [ev({ confidence: 0.6 })])
      expect(await ids({ minConfidence: 0.8 })).toEqual(['Baghdad'])
      await confidenceAgrees([0.5, 0.6, 0.8, 0.81])
      // re-coded with a surer coding: 1 - 0.5 × 0.1 = 0.95
      await store.recodeReport('b', [ev({ confidence: 0.9 })], 'test-2')
      expect(await ids({ minConfidence: 0.95 })).toEqual(['Baghdad'])
      // re-coded as another incident: the event falls back to its one source, the new one has its own
      await store.recodeReport('b', [ev({ confidence: 0.9, location: 'Mosul', admin1: 'Ninawa', latitude: 36.335, longitude: 43.119 })], 'test-3')
      expect(await ids({ minConfidence: 0.6 })).toEqual(['Mosul'])
      expect(await ids({ minConfidence: 0.5 })).toEqual(['Baghdad', 'Mosul'])
      await confidenceAgrees([0.5, 0.51, 0.9, 0.91])
      // a correction rewrites the event's row: its confidence stays, and it leaves the review queue
      const [baghdad] = await all({ admin1: ['Baghdad'] })
      await store.review(baghdad!.event_id, { action: 'correct', fields: { fatalities: 2, event_type: 'Battles', sub_event_type: 'Armed clash' } })
      expect(await ids({ minConfidence: 0.5, admin1: ['Baghdad'] })).toEqual(['Baghdad'])
      expect(await ids({ minConfidence: 0.51, admin1: ['Baghdad'] })).toEqual([])
      expect(await ids({ review: ['unreviewed'] })).toEqual(['Mosul'])
      // a later report merges into the corrected event: the column follows the merge
      await add('c', [ev({ confidence: 0.6 })])
      const [merged] = await all({ admin1: ['Baghdad'] })
      expect(merged!.n_sources).toBe(2)
      expect(merged!.review).toBe('corrected')
      expect(await ids({ minConfidence: 0.8, admin1: ['Baghdad'] })).toEqual(['Baghdad'])
      await confidenceAgrees([0.5, 0.8, 0.81, 0.9])
      expect((await store.queryEvents({ order: 'confidence' })).events.map((e) => e.confidence)).toEqual([0.8, 0.9])
    })

    it('imports finished events in bulk for queries', async () => {
      await add('a', [ev()])
      const [one] = await all()
      await store.importEvents([{ ...one!, event_id: 'IRQBULK1', location: 'Basra', admin1: 'Basra', latitude: 30.5, longitude: 47.8 }])
      expect((await all({ admin1: ['Basra'] })).map((e) => e.event_id)).toEqual(['IRQBULK1'])
    })
  })
}
