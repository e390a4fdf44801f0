import type { StatsBucket, StatsBy, Store } from '../store/store.js'
import { json } from './api-error.js'
import { QueryParams } from './query-params.js'
import type { Route } from './route.js'

const BUCKETS: readonly StatsBucket[] = ['day', 'week', 'month']
const BY: readonly StatsBy[] = ['event_type', 'country', 'admin1']
const ACTOR_LIMIT = { dflt: 50, max: 1000 }
const ACTOR_Q_MAX = 200

/** The routes that summarise the store: stats over time, actor names, health and the dashboard's config. */
export function summaryRoutes(store: Store, config: { tiles: string | null; writable: boolean }): Route[] {
  return [
    {
      method: 'GET', path: '/api/stats',
      async handler(c) {
        const p = new QueryParams(c.req.queries())
        const bucket = p.choice('bucket', BUCKETS, 'week')
        const by = p.choice('by', BY, 'event_type')
        p.refuse({ limit: 'not used by /api/stats (every period is returned)', cursor: 'not used by /api/stats', order: 'not used by /api/stats (periods come in date order)' })
        const query = p.filters()
        p.done()
        return json(c, { bucket, by, series: await store.stats(query, bucket, by) })
      },
    },
    {
      method: 'GET', path: '/api/actors',
      async handler(c) {
        const p = new QueryParams(c.req.queries())
        // An empty search box sends `q=`: that means every actor.
        const q = p.text('q', 0, ACTOR_Q_MAX)
        const limit = p.int('limit', 1, ACTOR_LIMIT.max, ACTOR_LIMIT.dflt).value
        p.done()
        return json(c, { actors: await store.actors(q || null, limit) })
      },
    },
    {
      method: 'GET', path: '/api/health',
      async handler(c) {
        new QueryParams(c.req.queries()).done()
        return json(c, { status: 'ok', backend: store.backend, counts: await store.counts() })
      },
    },
    {
      method: 'GET', path: '/api/config',
      handler(c) {
        new QueryParams(c.req.queries()).done()
        return json(c, config)
      },
    },
  ]
}
