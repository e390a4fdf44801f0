import { safeFetch } from './safe-fetch.js'
import { FETCH_DEFAULTS } from './safe-fetch.js'
import { globMatcher } from './glob.js'
import { documentItems, jsonlStream, readPath } from './read-local.js'
import { readUrl } from './read-url.js'
import { refuseMimeType } from './document-kind.js'
import type { SourceContext, SourceItem, SourceOptions } from './source-types.js'
import { errorItem } from './source-types.js'

export type { SourceItem, SourceOptions } from './source-types.js'

/**
 * Reads reports from files, directories, JSONL ("-" for stdin), HTML pages, RSS/Atom feeds and
 * URLs, in the order given. Problems with one source or item become error items and the rest go
 * on; only a bad option (an unclosed glob brace) throws, at the first `next()`.
 * @example for await (const item of readSources(['reports/', 'https://example.org/feed.xml'])) if ('report' in item) code(item.report)
 */
export async function* readSources(specs: string[], opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  if (opts.glob) globMatcher(opts.glob)
  const maxBytes = opts.maxBytes ?? FETCH_DEFAULTS.maxBytes
  const ctx: SourceContext = {
    opts: { ...opts, maxBytes },
    fetch: (url) => safeFetch(url, {
      maxBytes,
      refuseType: refuseMimeType,
      ...(opts.allowPrivate !== undefined ? { allowPrivate: opts.allowPrivate } : {}),
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.maxRedirects !== undefined ? { maxRedirects: opts.maxRedirects } : {}),
    }),
  }
  for (const spec of specs) {
    try {
      if (spec === '-') yield* jsonlStream(process.stdin, 'stdin', ctx)
      else if (/^https?:\/\//i.test(spec)) yield* readUrl(spec, ctx)
      else if (/^[a-z][a-z\d+.-]*:\/\//i.test(spec)) yield errorItem(spec, 'only http and https URLs can be fetched')
      else yield* readPath(spec, ctx)
    } catch (e) {
      // a bug in a reader must not end the batch
      yield errorItem(spec, `unexpected failure: ${(e as Error).message}`)
    }
  }
}

/**
 * Reports from a text already in hand (standard input for `sitrep code -`), read as a file of unknown
 * kind is: an HTML page, a feed's items, or a plain text with its title line.
 */
export function textItems(text: string, name: string, opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const maxBytes = opts.maxBytes ?? FETCH_DEFAULTS.maxBytes
  const ctx: SourceContext = { opts: { ...opts, maxBytes }, fetch: () => Promise.reject(new Error('standard input is read as it is: no link is fetched')) }
  return documentItems(text, undefined, { ref: name, id: name }, ctx)
}
