import { looksLikeFeed } from './feed.js'

/** How a document becomes reports: text (one report), html (one article), jsonl (a report a line), feed (a report an item). */
export type DocumentKind = 'text' | 'html' | 'jsonl' | 'feed'

// Directory walks take only these; an explicit path with another extension is sniffed.
const BY_EXTENSION: Record<string, DocumentKind> = {
  txt: 'text', md: 'text', markdown: 'text',
  html: 'html', htm: 'html', xhtml: 'html',
  jsonl: 'jsonl', ndjson: 'jsonl',
  xml: 'feed', rss: 'feed', atom: 'feed',
}

export const KNOWN_EXTENSIONS = Object.keys(BY_EXTENSION)

/** @example kindForPath('reports/a.md') // 'text' */
export function kindForPath(path: string): DocumentKind | undefined {
  const m = /\.([^./\\]+)$/.exec(path)
  return m ? BY_EXTENSION[m[1]!.toLowerCase()] : undefined
}

// 'sniff': a generic type whose body tells what it is.
const BY_MIME: Record<string, DocumentKind | 'sniff'> = {
  'text/html': 'html', 'application/xhtml+xml': 'html',
  'application/rss+xml': 'feed', 'application/atom+xml': 'feed', 'application/rdf+xml': 'feed',
  // older servers (and Python's http.server) still send the x- forms
  'application/x-rss+xml': 'feed', 'application/x-atom+xml': 'feed', 'text/rss+xml': 'feed',
  'application/xml': 'sniff', 'text/xml': 'sniff', 'text/plain': 'sniff', 'text/markdown': 'text', '': 'sniff',
  'application/x-ndjson': 'jsonl', 'application/ndjson': 'jsonl', 'application/jsonl': 'jsonl', 'application/x-jsonlines': 'jsonl',
}

/** A reason to refuse a fetched media type before reading its body, or undefined when it is readable. */
export function refuseMimeType(mime: string): string | undefined {
  return mime in BY_MIME ? undefined : `unsupported content type ${mime}`
}

/** @example kindForMime('application/xml', '<?xml version="1.0"?><rss>...') // 'feed' */
export function kindForMime(mime: string, body: string): DocumentKind {
  const kind = BY_MIME[mime] ?? 'sniff'
  if (kind !== 'sniff') return kind
  const sniffed = sniffKind(body)
  // a generic XML document that is not HTML goes to the feed reader, which says why it is not a feed
  return sniffed === 'text' && mime.endsWith('xml') ? 'feed' : sniffed
}

/** @example sniffKind('<!DOCTYPE html><html>...') // 'html' */
export function sniffKind(body: string): DocumentKind {
  if (looksLikeFeed(body)) return 'feed'
  const head = body.slice(0, 4096).replace(/<!--[\s\S]*?-->/g, '')
  if (/^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head)) return 'html'
  return 'text'
}
