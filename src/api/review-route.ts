import { z } from 'zod/v3'
import type { Review, Store } from '../store/store.js'
import { ApiError, json } from './api-error.js'
import { correctionProblems } from './correction-fields.js'
import { QueryParams } from './query-params.js'
import type { Route } from './route.js'

const comment = z.string().max(2000).optional()
const ReviewSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('confirm'), comment }),
  z.strictObject({ action: z.literal('reject'), comment }),
  z.strictObject({ action: z.literal('correct'), fields: z.record(z.string(), z.unknown()), comment }),
])

/**
 * `POST /api/events/:id/review`: an analyst confirms, rejects or corrects an event (Store.review,
 * author "api"). The store's RangeErrors are the client's mistakes: an unknown id is a 404, a field
 * that cannot be corrected a 400.
 */
export function reviewRoute(store: Store): Route {
  return {
    method: 'POST', path: '/api/events/:id/review', write: { accepts: ['application/json'] },
    async handler(c) {
      new QueryParams(c.req.queries()).done()
      let raw: unknown
      try {
        raw = JSON.parse(await c.req.text())
      } catch (e) {
        throw new ApiError(400, `body: not valid JSON (${(e as Error).message})`)
      }
      const parsed = ReviewSchema.safeParse(raw)
      if (!parsed.success) throw new ApiError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '))
      const r = parsed.data
      const problems = r.action === 'correct' ? correctionProblems(r.fields) : []
      if (problems.length) throw new ApiError(400, problems.join('; '))
      const review: Review = r.action === 'correct'
        ? { action: 'correct', fields: r.fields, comment: r.comment ?? null, author: 'api' }
        : { action: r.action, comment: r.comment ?? null, author: 'api' }
      try {
        return json(c, { event: await store.review(c.req.param('id') ?? '', review) })
      } catch (e) {
        if (!(e instanceof RangeError)) throw e
        throw new ApiError(e.message.startsWith('no event with id') ? 404 : 400, e.message)
      }
    },
  }
}
