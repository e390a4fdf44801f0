import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { ApiError } from './api-error.js'

const QUERY_TOKEN_NAMES = ['token', 'access_token'] as const
// RFC 6750 §2.1: b64token after the scheme; the scheme is case-insensitive.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i

/**
 * Refuses a token in the query string on every route, GET included: URLs end up in server logs,
 * proxies and browser history, so a token sent that way must be treated as leaked, not accepted.
 */
export const refuseQueryToken: MiddlewareHandler = async function refuseQueryToken(c, next) {
  const name = QUERY_TOKEN_NAMES.find((n) => c.req.query(n) !== undefined)
  if (name) throw new ApiError(400, `${name}: never put the token in the URL (it is logged and kept in history); send it as "Authorization: Bearer TOKEN" and change it, since it may have leaked`)
  await next()
}

/**
 * Equal in constant time. Both sides are hashed first so the buffers timingSafeEqual compares have
 * the same length whatever was sent, and the comparison leaks neither the content nor the length.
 */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * Guards the write routes: 403 when the server has no token (writes disabled), 401 with
 * `WWW-Authenticate: Bearer` when the header is missing or wrong.
 * `app.post('/api/reports', requireBearer(process.env.SITREP_TOKEN), handler)`
 */
export function requireBearer(token: string | null | undefined): MiddlewareHandler {
  return async function bearerAuth(c, next) {
    if (!token) throw new ApiError(403, 'writes are disabled: set SITREP_TOKEN')
    const header = c.req.header('authorization')
    if (!header) throw new ApiError(401, 'authorization required: send "Authorization: Bearer TOKEN"', undefined, { 'WWW-Authenticate': 'Bearer realm="sitrep"' })
    const m = BEARER.exec(header)
    if (!m || !sameSecret(m[1]!, token)) {
      throw new ApiError(401, 'invalid token', undefined, { 'WWW-Authenticate': 'Bearer realm="sitrep", error="invalid_token"' })
    }
    await next()
  }
}
