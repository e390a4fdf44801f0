import type { Handler } from 'hono'

/**
 * One endpoint as data, so app.ts can register every route, answer 405 for the other methods of its
 * path, and put the write guards (token, content type, body size) in front of writes in one place.
 * `{ method: 'POST', path: '/api/events/:id/review', write: { accepts: ['application/json'] }, handler }`
 */
export type Route = {
  method: 'GET' | 'POST'
  /** Hono path syntax; OpenAPI writes `:id` as `{id}` */
  path: string
  handler: Handler
  /** present on writes: the media types the body may have */
  write?: { accepts: readonly string[] }
}
