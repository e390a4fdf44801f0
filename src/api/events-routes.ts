import type { Store } from '../store/store.js'
import { ApiError, json } from './api-error.js'
import { EXPORT_HEADERS, exportBody, exportPage } from './event-export.js'
import { QueryParams } from './query-params.js'
import type { Route } from './route.js'

const FORMATS = ['json', 'geojson', 'csv', 'points'] as const
const PAGE = 100
// The map loads every filtered event at once; past this a browser struggles to draw them anyway.
const MAX_POINTS = 200_000

/** `GET /api/events` (a page, an export, or map points) and `GET /api/events/:id` (one event with its sources). */
export function eventRoutes(store: Store, log: (m: string) => void): Route[] {
  return [
    {
      method: 'GET', path: '/api/events',
      async handler(c) {
        const p = new QueryParams(c.req.queries())
        const format = p.choice('format', FORMATS, 'json')
        if (format === 'points') {
          // parseEventQuery caps limit at one page's worth; points have their own, larger cap.
          const limit = p.int('limit', 1, MAX_POINTS, MAX_POINTS).value
          p.refuse({
            cursor: 'not used with format=points (it returns every match up to limit)',
            order: 'not used with format=points (it returns every match, newest first, up to limit)',
          })
          const query = p.filters()
          p.done()
          return json(c, await store.points({ ...query, order: 'desc' }, limit))
        }
        const filters = p.filters()
        const query = { ...filters, order: filters.order ?? 'desc' }
        p.done()
        if (format === 'json') {
          const page = await store.queryEvents({ ...query, limit: query.limit ?? PAGE })
          return json(c, { events: page.events, next: page.next })
        }
        if (query.limit !== undefined) {
          const page = await store.queryEvents(query)
          return c.body(exportPage(page.events, format), 200, { ...EXPORT_HEADERS[format], ...(page.next ? { 'X-Next-Cursor': page.next } : {}) })
        }
        // No limit: the whole filtered set, streamed from the cursor on if one was given.
        return c.body(await exportBody(store.streamEvents(query), format, log), 200, EXPORT_HEADERS[format])
      },
    },
    {
      method: 'GET', path: '/api/events/:id',
      async handler(c) {
        const id = c.req.param('id') ?? ''
        new QueryParams(c.req.queries()).done()
        const event = await store.getEvent(id)
        // a 100,000-character id is not echoed back whole
        if (!event) throw new ApiError(404, `no event with id ${JSON.stringify(id.length > 200 ? `${id.slice(0, 199)}…` : id)}`)
        const [mentions, history, reviews] = await Promise.all([store.eventMentions(event.event_id), store.history(event.event_id), store.reviews(event.event_id)])
        const sources = mentions.map((m) => ({
          report: { id: m.report.id, title: m.report.title, url: m.report.url, source: m.report.source, published: m.report.published, text: m.report.text },
          idx: m.idx,
          event: m.event,
        }))
        return json(c, { event, sources, history, reviews })
      },
    },
  ]
}
