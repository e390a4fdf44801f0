import { ingestItems } from '../store/ingest-batch.js'
import type { Store } from '../store/store.js'
import type { ReportInput, SitrepEvent } from '../types.js'
import { ApiError, json } from './api-error.js'
import { QueryParams } from './query-params.js'
import { mediaType, reportItems } from './report-body.js'
import type { Route } from './route.js'

/** Codes one report into events; the app makes one (and its dictionaries and gazetteer) on first use. */
export type Coder = (report: ReportInput) => SitrepEvent[]

export const REPORT_TYPES = ['application/json', 'application/x-ndjson', 'text/plain'] as const

/**
 * `POST /api/reports`: codes, merges and stores the reports of the body, as `sitrep ingest` does.
 * 200 with the summary, failures listed, when anything went in (or was already stored); 422 when
 * every report failed, so a client that ignores the body still sees that nothing was stored.
 */
export function reportsRoute(store: Store, deps: { coder: () => Coder; coderVersion: () => string; allowPrivate: boolean }): Route {
  return {
    method: 'POST', path: '/api/reports', write: { accepts: REPORT_TYPES },
    async handler(c) {
      new QueryParams(c.req.queries()).done()
      const items = reportItems(await c.req.text(), mediaType(c.req.header('content-type')), {
        allowPrivate: deps.allowPrivate,
        // a feed item whose link is stored is not fetched again
        isSeen: (url) => store.seen({ url }),
      })
      const code = deps.coder()
      const summary = await ingestItems(items, store, { code, coderVersion: deps.coderVersion() })
      // the store itself failed (full disk, read-only): the client may retry later, nothing is half-stored
      if (summary.stopped) throw new ApiError(503, `cannot write to the store: ${summary.stopped}`, { summary })
      if (summary.failed > 0 && summary.failed === summary.read) {
        throw new ApiError(422, `no report could be stored: ${summary.failures[0]!.reason}`, { summary })
      }
      return json(c, { summary })
    },
  }
}
