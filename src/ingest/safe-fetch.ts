import http from 'node:http'
import https from 'node:https'
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { pipeline } from 'node:stream'
import type { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { checkAddress } from './address-policy.js'
import { guardedLookup, BlockedAddressError } from './guarded-lookup.js'
import { charsetParam, decodeText } from './text-decode.js'
import { formatBytes } from './format-bytes.js'

export type FetchOptions = {
  allowPrivate?: boolean
  /** total deadline for all hops and the body, so a server trickling bytes is cut */
  timeoutMs?: number
  /** cap on the decompressed body */
  maxBytes?: number
  maxRedirects?: number
  /** a reason to refuse a media type before its body is read (images, PDFs...), or undefined to accept */
  refuseType?: (mimeType: string) => string | undefined
}

export type FetchResult = { url: string; status: number; contentType: string; text: string }

/** The one error a fetch rejects with; its message is the reason to show the user. */
export class FetchError extends Error {}

export const FETCH_DEFAULTS = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 }

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const HEADERS = {
  'user-agent': 'Sitrep/0.1 (news ingest)',
  accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
  'accept-encoding': 'gzip, deflate, br',
}

/**
 * GETs a URL the way an ingest service must: http(s) only, every connected address checked (literal
 * or resolved, each redirect hop again), one deadline, a size cap applied while streaming and after
 * decompression.
 * @example await safeFetch('https://example.org/news/1', { timeoutMs: 5000 }) // { url, status: 200, contentType: 'text/html', text }
 */
export async function safeFetch(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...FETCH_DEFAULTS, ...definedOnly(opts) }
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new FetchError(`timed out after ${timeoutMs} ms`)), timeoutMs)
  try {
    let current = parseUrl(url)
    for (let hop = 0; ; hop++) {
      const res = await requestOnce(current, !!opts.allowPrivate, hop > 0, controller.signal)
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (REDIRECTS.has(status) && location) {
        res.destroy()
        if (hop >= maxRedirects) throw new FetchError(`too many redirects (${maxRedirects})`)
        current = parseUrl(location, current)
        continue
      }
      if (status < 200 || status > 299) {
        res.destroy()
        throw new FetchError(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`)
      }
      const contentType = res.headers['content-type'] ?? ''
      const mimeType = contentType.split(';')[0]!.trim().toLowerCase()
      const refused = opts.refuseType?.(mimeType)
      if (refused) {
        res.destroy()
        throw new FetchError(refused)
      }
      const declared = Number(res.headers['content-length'])
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.destroy()
        throw new FetchError(`response of ${formatBytes(declared)} (Content-Length) exceeds the cap of ${formatBytes(maxBytes)}`)
      }
      const bytes = await readBody(res, maxBytes, controller.signal)
      const decoded = decodeText(bytes, { headerCharset: charsetParam(contentType) })
      if ('error' in decoded) throw new FetchError(`${mimeType || 'response'}: binary content, not text`)
      return { url: current.href, status, contentType: mimeType, text: decoded.text }
    }
  } catch (e) {
    if (controller.signal.aborted) throw controller.signal.reason as FetchError
    if (e instanceof FetchError) throw e
    throw new FetchError(`fetch failed: ${(e as Error).message}`)
  } finally {
    clearTimeout(timer)
  }
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL
  try {
    url = new URL(raw, base)
  } catch {
    throw new FetchError(`${base ? 'redirect to an invalid' : 'invalid'} URL: ${raw}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`${base ? 'redirect to a' : 'a'} ${url.protocol} URL refused (only http and https)`)
  }
  return url
}

function requestOnce(url: URL, allowPrivate: boolean, isRedirect: boolean, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  // Literal addresses never reach the lookup, so they are checked here.
  if (isIP(host)) {
    const verdict = checkAddress(host, { allowPrivate })
    if (!verdict.allowed) throw blockedError(new BlockedAddressError(verdict.kind, host, verdict.reason), isRedirect)
  }
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http
    // agent: false, because a pooled socket would skip the address check made when it was opened
    const req = mod.request(url, { agent: false, lookup: guardedLookup(allowPrivate), signal, headers: HEADERS }, resolve)
    req.on('error', (e) => reject(e instanceof BlockedAddressError ? blockedError(e, isRedirect) : e))
    req.end()
  })
}

function blockedError(e: BlockedAddressError, isRedirect: boolean): FetchError {
  return new FetchError(isRedirect ? `redirect to a ${e.kind} address refused (${e.address})` : e.message)
}

async function readBody(res: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const stream = decoded(res)
  const onAbort = () => stream.destroy(signal.reason as Error)
  signal.addEventListener('abort', onAbort, { once: true })
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > maxBytes) {
        const what = res.headers['content-encoding'] ? 'decompressed body' : 'body'
        throw new FetchError(`${what} exceeds the cap of ${formatBytes(maxBytes)}, stopped reading`)
      }
      chunks.push(chunk)
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    stream.destroy()
    res.destroy()
  }
  return Buffer.concat(chunks)
}

/** The body stream, decompressed; pipeline passes an aborted response's error on to what we read. */
function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase()
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip()
    : encoding === 'deflate' ? zlib.createInflate()
      : encoding === 'br' ? zlib.createBrotliDecompress()
        : undefined
  if (!decoder && encoding && encoding !== 'identity') throw new FetchError(`unsupported Content-Encoding ${encoding}`)
  if (!decoder) return res
  return pipeline(res, decoder, () => {})
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
