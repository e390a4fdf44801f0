import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono, MiddlewareHandler } from 'hono'

/** web/ of this package: src/api and dist/api both sit two levels below the root. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url))

const require = createRequire(import.meta.url)
// Resolved through Node's lookup, so a hoisted or nested node_modules both work. supercluster's
// `exports` hides dist/, so its folder is found from the entry point it does export.
const leafletDist = () => dirname(require.resolve('leaflet'))
const superclusterMin = () => join(dirname(require.resolve('supercluster')), 'dist', 'supercluster.min.js')

// A dot segment (.., ., .git, .env) never names a file the dashboard serves.
const HIDDEN = /(^|\/)\./

/** Refuses dotted paths before serveStatic sees them (it refuses `..` itself; this adds dotfiles). */
const refuseHidden: MiddlewareHandler = async function refuseHidden(c, next) {
  if (HIDDEN.test(c.req.path)) return c.notFound()
  await next()
}

/**
 * serveStatic made on the first request that finds the folder: web/ is written while the server may
 * already run, and serveStatic complains at creation about a folder that is not there yet.
 */
function lazyStatic(root: string, make: () => MiddlewareHandler): MiddlewareHandler {
  let handler: MiddlewareHandler | undefined
  return async function staticFiles(c, next) {
    if (!handler && existsSync(root)) handler = make()
    if (!handler) return next()
    return handler(c, next)
  }
}

/**
 * The dashboard: files of web/ by path (`/` is web/index.html) and the two libraries it loads from
 * node_modules. Unknown files fall through to the 404 handler.
 */
export function registerStatic(app: Hono, webDir = DEFAULT_WEB_DIR): void {
  const leaflet = leafletDist()
  const supercluster = superclusterMin()
  app.get('/vendor/leaflet/*', refuseHidden, lazyStatic(leaflet, () => serveStatic({ root: leaflet, rewriteRequestPath: (p) => p.slice('/vendor/leaflet'.length) })))
  app.get('/vendor/supercluster.js', lazyStatic(supercluster, () => serveStatic({ path: supercluster })))
  app.get('/*', refuseHidden, lazyStatic(webDir, () => serveStatic({ root: webDir })))
}
