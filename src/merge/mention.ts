import { createHash } from 'node:crypto'
import type { SitrepEvent } from '../types.js'

/** One event as one report coded it: the unit the merge works on. */
export type Mention = {
  /** `${reportKey}#${idx}`: stable whatever the ingest order */
  key: string
  reportKey: string
  /** the report's id as given at ingest */
  reportId: string
  idx: number
  url: string | null
  outlet: string | null
  published: string | null
  title: string | null
  event: SitrepEvent
}

/** Text as compared for "the same report": case, whitespace and typographic quotes do not count. */
export function normalizeReportText(text: string): string {
  return text.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase()
}

export function reportKey(text: string): string {
  return createHash('sha256').update(normalizeReportText(text)).digest('hex').slice(0, 32)
}

export const mentionKey = (reportKeyHex: string, idx: number) => `${reportKeyHex}#${idx}`

/**
 * A merged event's id: its country and a hash of the smallest mention key in it, so the id is the
 * same whichever report arrived first (ACLED's event_id_cnty is also country-prefixed).
 */
export function eventIdFor(iso3: string | null, mentionKeys: string[]): string {
  const anchor = mentionKeys.reduce((a, b) => (b < a ? b : a))
  return `${iso3 ?? 'XXX'}${createHash('sha256').update(anchor).digest('hex').slice(0, 10).toUpperCase()}`
}
