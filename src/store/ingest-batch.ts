import type { ReportInput, SitrepEvent } from '../types.js'
import type { Store } from './store.js'

export type IngestItem = { ref: string; report: ReportInput } | { ref: string; error: string } | { ref: string; skipped: string }

export type IngestSummary = {
  read: number
  stored: number
  seen: number
  skipped: number
  failed: number
  failures: { ref: string; reason: string }[]
  eventsNew: number
  eventsMerged: number
}

export type IngestOptions = {
  code: (r: ReportInput) => SitrepEvent[]
  coderVersion: string
  /** the publication date for reports that carry none */
  defaultPublished?: string
  onItem?: (ref: string, outcome: 'stored' | 'seen' | 'skipped' | 'failed', summary: IngestSummary) => void
}

/**
 * Codes and stores a stream of source items. A failing item is counted with its reason and the batch
 * goes on; each report is stored in its own transaction, so nothing stored is lost to a later failure.
 */
export async function ingestItems(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, store: Store, opts: IngestOptions): Promise<IngestSummary> {
  const s: IngestSummary = { read: 0, stored: 0, seen: 0, skipped: 0, failed: 0, failures: [], eventsNew: 0, eventsMerged: 0 }
  for await (const item of items) {
    s.read++
    if ('skipped' in item) { s.skipped++; opts.onItem?.(item.ref, 'skipped', s); continue }
    if ('error' in item) { s.failed++; s.failures.push({ ref: item.ref, reason: item.error }); opts.onItem?.(item.ref, 'failed', s); continue }
    const report = !item.report.published && opts.defaultPublished ? { ...item.report, published: opts.defaultPublished } : item.report
    try {
      if (await store.seen({ url: report.url ?? null, text: report.text })) { s.seen++; opts.onItem?.(item.ref, 'seen', s); continue }
      const events = opts.code(report)
      const res = await store.addReport(report, events, opts.coderVersion)
      if (res.status === 'seen') s.seen++
      else { s.stored++; s.eventsNew += res.eventsNew; s.eventsMerged += res.eventsMerged }
      opts.onItem?.(item.ref, res.status === 'seen' ? 'seen' : 'stored', s)
    } catch (e) {
      s.failed++
      s.failures.push({ ref: item.ref, reason: (e as Error).message })
      opts.onItem?.(item.ref, 'failed', s)
    }
  }
  return s
}

export function formatSummary(s: IngestSummary): string {
  const lines = [`read ${s.read} item(s): ${s.stored} stored, ${s.seen} already stored, ${s.skipped} skipped, ${s.failed} failed; events: ${s.eventsNew} new, ${s.eventsMerged} merged into existing ones`]
  for (const f of s.failures.slice(0, 50)) lines.push(`  failed: ${f.ref}: ${f.reason}`)
  if (s.failures.length > 50) lines.push(`  ... and ${s.failures.length - 50} more failure(s)`)
  return lines.join('\n')
}
