import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { coderVersion } from '../coder-version.js'
import { loadGazetteer } from '../geo/gazetteer.js'
import type { Gazetteer } from '../geo/types.js'
import { makeCoder } from '../pipeline.js'
import type { Store } from '../store/store.js'
import { ApiError, json, makeErrorHandler, notFound } from './api-error.js'
import { refuseQueryToken, requireBearer } from './auth.js'
import { eventRoutes } from './events-routes.js'
import { openApiRoute } from './openapi.js'
import { placesRoute } from './places-route.js'
import { mediaType } from './report-body.js'
import { reportsRoute, type Coder } from './reports-route.js'
import { reviewRoute } from './review-route.js'
import type { Route } from './route.js'
import { makeSecurityHeaders } from './security-headers.js'
import { registerStatic } from './static-routes.js'
import { summaryRoutes } from './summary-routes.js'

export type { Coder } from './reports-route.js'

export type AppOptions = {
  /** the bearer token writes need; none (null, '') disables writes */
  token?: string | null
  /** the dashboard's files; default web/ of this package */
  webDir?: string
  /** a Leaflet tile URL template; its host is allowed in the CSP's img-src */
  tiles?: string | null
  /** let POST /api/reports fetch URLs on private and loopback addresses */
  allowPrivate?: boolean
  /** largest request body, default 1 MiB */
  maxBodyBytes?: number
  /** codes reports; default makeCoder() over the app's gazetteer, made on the first POST */
  coder?: Coder
  /** the gazetteer of /api/places (and of the default coder); default loadGazetteer(), on first use */
  gazetteer?: Gazetteer
  /** where unexpected errors go; default standard error */
  log?: (message: string) => void
}

const MiB = 1024 * 1024

/**
 * The Sitrep HTTP API and dashboard over a store: serve it with @hono/node-server, or call
 * `app.request('/api/events?country=Iraq')` in tests. Reads are open; writes need the bearer token.
 * `serve({ fetch: createApp(store, { token: process.env.SITREP_TOKEN }).fetch, port: 8080 })`
 */
export function createApp(store: Store, opts: AppOptions = {}): Hono {
  const log = opts.log ?? ((m: string) => { process.stderr.write(`${m}\n`) })
  const tiles = opts.tiles ?? null
  // Both load lazily and once per app: a read-only server never pays for the coder's dictionaries.
  let gaz = opts.gazetteer
  const gazetteer = () => (gaz ??= loadGazetteer())
  let coder = opts.coder
  const getCoder = (): Coder => {
    if (!coder) { const code = makeCoder({ gazetteer: gazetteer() }); coder = (r) => code(r).events ?? [] }
    return coder
  }

  const app = new Hono()
  app.onError(makeErrorHandler(log))
  app.notFound(notFound)
  // First, so error responses and static files get the headers too.
  app.use('*', makeSecurityHeaders(tiles))
  app.use('*', refuseQueryToken)
  app.use('/api/*', noStore)
  // the map's points answer is megabytes of JSON that gzip shrinks about fourfold
  app.use('/api/events', compress({ encoding: 'gzip', threshold: 64 * 1024 }))

  const routes: Route[] = [
    ...eventRoutes(store, log),
    ...summaryRoutes(store, { tiles, writable: !!opts.token }),
    placesRoute(gazetteer),
    reportsRoute(store, { coder: getCoder, coderVersion: () => coderVersion(), allowPrivate: !!opts.allowPrivate }),
    reviewRoute(store),
  ]
  routes.push(openApiRoute())
  const writeGuards = (accepts: readonly string[]): MiddlewareHandler[] => [
    requireBearer(opts.token),
    requireMediaType(accepts),
    bodyLimit({ maxSize: opts.maxBodyBytes ?? MiB, onError: (c) => json(c, { error: `body too large: at most ${opts.maxBodyBytes ?? MiB} bytes` }, 413) }),
  ]
  for (const r of routes) app.on(r.method, [r.path], ...(r.write ? writeGuards(r.write.accepts) : []), r.handler)
  for (const [path, methods] of methodsByPath(routes)) app.all(path, methodNotAllowed(path, methods))

  registerStatic(app, opts.webDir)
  return app
}

// API answers change with every write; a cached one would show an analyst a stale event.
const noStore: MiddlewareHandler = async function noStore(c, next) {
  await next()
  c.header('Cache-Control', 'no-store')
}

function requireMediaType(accepts: readonly string[]): MiddlewareHandler {
  return async function mediaTypeGuard(c, next) {
    const type = mediaType(c.req.header('content-type'))
    if (!accepts.includes(type)) throw new ApiError(415, `Content-Type must be ${accepts.join(' or ')}, got ${type ? JSON.stringify(type) : 'none'}`)
    await next()
  }
}

function methodsByPath(routes: Route[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const r of routes) out.set(r.path, [...(out.get(r.path) ?? []), ...(r.method === 'GET' ? ['GET', 'HEAD'] : [r.method])])
  return out
}

function methodNotAllowed(path: string, methods: string[]): MiddlewareHandler {
  return async function notAllowed(c) {
    throw new ApiError(405, `${c.req.method} is not allowed on ${path} (allowed: ${methods.join(', ')})`, undefined, { Allow: methods.join(', ') })
  }
}
