import type { ReportInput } from '../types.js'
import type { FetchResult } from './safe-fetch.js'

export type SourceOptions = {
  /** for directories: only files matching (simple glob: *, **, ?, {a,b}); default: the known extensions */
  glob?: string
  /** allow private (RFC 1918, CGNAT, unique-local) and loopback addresses; link-local, unspecified and multicast stay refused */
  allowPrivate?: boolean
  /** total deadline per fetch, default 15000 */
  timeoutMs?: number
  /** cap on a (decompressed) body, a local file, and a JSONL line; default 10 MiB */
  maxBytes?: number
  /** default 5 */
  maxRedirects?: number
  /** YYYY-MM-DD for reports that carry no date of their own; "mtime": a local file's modification date */
  defaultPublished?: string
  /** called with a feed item's link (or guid) before it is read; true skips the item */
  isSeen?: (key: string) => boolean | Promise<boolean>
}

/** One result per report or per failure; an error's message starts with its ref, so it can be printed alone. */
export type SourceItem =
  | { ref: string; report: ReportInput }
  | { ref: string; error: string }
  | { ref: string; skipped: string }

/** What every reader gets: the options with their defaults, and the one fetch they must go through. */
export type SourceContext = {
  opts: SourceOptions & { maxBytes: number }
  fetch: (url: string) => Promise<FetchResult>
}

export const errorItem = (ref: string, reason: string): SourceItem => ({ ref, error: `${ref}: ${reason}` })
