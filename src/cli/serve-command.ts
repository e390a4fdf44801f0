import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Command } from 'commander'
import { createApp } from '../api/app.js'
import { openStore } from '../store/open.js'
import type { CliIO } from './io.js'

export type ServeOpts = { port: string; host: string; db?: string; tiles?: string; allowPrivate?: boolean }

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i
const MIN_TOKEN = 16

const urlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}/`

/** Starts listening; rejects on EADDRINUSE and the like instead of throwing from an event. */
function listen(fetch: (r: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => resolve({ server, port: info.port })) as Server
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new Error(`port ${port} is in use; pass --port (another port, or 0 for a free one)`))
      else if (e.code === 'EACCES') reject(new Error(`port ${port} needs privileges on this system; pass --port with a port above 1023`))
      else if (e.code === 'EADDRNOTAVAIL') reject(new Error(`${hostname} is not an address of this machine; pass --host`))
      else reject(e)
    })
  })
}

/**
 * `sitrep serve`: the HTTP API and the dashboard over the store. The write token comes from
 * SITREP_TOKEN only: a flag would show in `ps` and in shell history.
 */
export function registerServe(program: Command, io: CliIO) {
  program.command('serve')
    .description('serve the HTTP API (/api/...) and the map dashboard; writes need SITREP_TOKEN set in the environment')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on (other than loopback, anyone who can reach it can read the events)', '127.0.0.1')
    .option('--db <file>', 'the store (default ./sitrep.db or SITREP_DB)')
    .option('--tiles <url>', 'map tile URL template, e.g. https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png (default: no base map)')
    .option('--allow-private', 'let POST /api/reports fetch URLs on private and loopback addresses (link-local ones stay refused)')
    .action((opts: ServeOpts) => runServer(opts, io))
}

/** Serves the store until SIGINT or SIGTERM, then closes connections, server and store. */
export async function runServer(opts: ServeOpts, io: CliIO): Promise<void> {
  const port = /^\d+$/.test(opts.port) ? Number(opts.port) : NaN
  if (!(port >= 0 && port <= 65535)) throw new Error(`--port must be an integer from 0 to 65535, got "${opts.port}"`)
  const token = process.env.SITREP_TOKEN || null
  const store = await openStore(opts.db)
  let server: Server
  try {
    const app = createApp(store, { token, tiles: opts.tiles ?? null, allowPrivate: !!opts.allowPrivate, log: io.err })
    const s = await listen(app.fetch, port, opts.host)
    server = s.server
    io.out(`Sitrep dashboard: ${urlOf(opts.host, s.port)}`)
  } catch (e) {
    await store.close()
    throw e
  }
  io.err(token ? 'writes: enabled (POST needs "Authorization: Bearer $SITREP_TOKEN")' : 'writes: disabled (set SITREP_TOKEN to enable POST /api/reports and reviews)')
  if (token && token.length < MIN_TOKEN) io.err(`warning: SITREP_TOKEN is shorter than ${MIN_TOKEN} characters; use a long random one (openssl rand -hex 32)`)
  if (!LOOPBACK.test(opts.host)) io.err(`warning: listening on ${opts.host}: anyone who can reach it can read the events; put TLS in front of it before sending the token over a network`)
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve() }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  // Keep-alive connections would hold close() open for minutes.
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await store.close()
}
