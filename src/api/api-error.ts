import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The one error body of the API: `{ error: 'limit: expected an integer from 1 to 10000, got "0"' }`. */
export type ErrorBody = { error: string; detail?: unknown }

// The charset is spelled out: browsers assume UTF-8 for JSON anyway, but other clients do not.
export const JSON_TYPE = 'application/json; charset=utf-8'

/** A JSON response with the API's content type: `return json(c, { events, next })`. */
export function json(c: Context, body: unknown, status: ContentfulStatusCode = 200, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), status, { ...headers, 'Content-Type': JSON_TYPE })
}

/**
 * The one error type the routes throw; the handler below turns it into `{ error, detail? }` with its
 * status: `throw new ApiError(404, 'no event with id "X"')`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly detail?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/**
 * Maps every thrown error to the error shape. Unexpected errors are logged with their stack and
 * answered with a bare 500: a stack trace tells an attacker more than it tells the user.
 */
export function makeErrorHandler(log: (message: string) => void): ErrorHandler {
  return function handleError(err, c) {
    if (err instanceof ApiError) {
      const body: ErrorBody = err.detail === undefined ? { error: err.message } : { error: err.message, detail: err.detail }
      return json(c, body, err.status, err.headers)
    }
    // Hono's own middleware (body limit, a malformed request) throws these.
    if (err instanceof HTTPException) return json(c, { error: err.message || statusText(err.status) }, err.status as ContentfulStatusCode)
    log(`sitrep api: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`)
    return json(c, { error: 'internal error (see the server log)' }, 500)
  }
}

export const notFound: NotFoundHandler = (c) => json(c, { error: `not found: ${c.req.method} ${c.req.path}` }, 404)

function statusText(status: number): string {
  return status === 413 ? 'body too large' : status >= 500 ? 'internal error' : 'bad request'
}
