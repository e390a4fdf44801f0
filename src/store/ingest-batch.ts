import type { ReportInput, SitrepEvent } from '../types.js'
import { readyFor } from '../lang/detect.js'
import type { Store } from './store.js'
import { StoreFaultError } from './store-fault.js'

export type IngestItem = { ref: string; report: ReportInput } | { ref: string; error: string } | { ref: string; skipped: string }

export type IngestSummary = {
  read: number
  stored: number
  seen: number
  skipped: number
  failed: number
  failures: { ref: string; reason: string }[]
  /** reports coded with no publication date (their relative dates unresolved) */
  undated: number
  eventsNew: number
  eventsMerged: number
  /** set when the store itself failed (full disk, read-only file): the ingest stopped there */
  stopped?: string
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
 * goes on; a failing store (full disk, read-only file) stops the ingest, keeping what was committed.
 * Reports are stored in transactions of up to `batchSize` (one savepoint each, so a bad report is
 * rolled back alone); a kill loses at most the open batch, which re-running the ingest redoes, since
 * stored reports are recognised and skipped.
 */
export async function ingestItems(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, store: Store, opts: IngestOptions & { batchSize?: number }): Promise<IngestSummary> {
  const s: IngestSummary = { read: 0, stored: 0, seen: 0, skipped: 0, failed: 0, failures: [], eventsNew: 0, eventsMerged: 0, undated: 0 }
  const size = opts.batchSize ?? 200
  let pending: { ref: string; report: ReportInput; events: SitrepEvent[] }[] = []
  const fail = (ref: string, reason: string) => { s.failed++; s.failures.push({ ref, reason }); opts.onItem?.(ref, 'failed', s) }
  const flush = async () => {
    if (!pending.length) return
    const batch = pending
    pending = []
    let results: Awaited<ReturnType<Store['addReports']>>
    try {
      results = await store.addReports(batch.map((b) => ({ report: b.report, events: b.events })), opts.coderVersion)
    } catch (e) {
      for (const b of batch) fail(b.ref, `not stored: ${(e as Error).message}`)
      if (e instanceof StoreFaultError) s.stopped = `${e.message}; what was stored before is kept, and re-running the ingest once the store can be written goes on from there`
      return
    }
    results.forEach((res, i) => {
      const ref = batch[i]!.ref
      if ('error' in res) return fail(ref, `not stored: ${res.error}`)
      if (res.status === 'seen') { s.seen++; opts.onItem?.(ref, 'seen', s); return }
      s.stored++
      s.eventsNew += res.eventsNew
      s.eventsMerged += res.eventsMerged
      opts.onItem?.(ref, 'stored', s)
    })
  }
  for await (const item of items) {
    if (s.stopped) break
    s.read++
    if ('skipped' in item) { s.skipped++; opts.onItem?.(item.ref, 'skipped', s); continue }
    if ('error' in item) { fail(item.ref, item.error); continue }
    const report = !item.report.published && opts.defaultPublished ? { ...item.report, published: opts.defaultPublished } : item.report
    try {
      if (await store.seen({ url: report.url ?? null, text: report.text })) { s.seen++; opts.onItem?.(item.ref, 'seen', s); continue }
      await readyFor(report.text)
      pending.push({ ref: item.ref, report, events: opts.code(report) })
      if (!report.published) s.undated++
    } catch (e) {
      fail(item.ref, `coding failed: ${(e as Error).message}`)
      continue
    }
    if (pending.length >= size) await flush()
  }
  if (!s.stopped) await flush()
  return s
}

export function formatSummary(s: IngestSummary): string {
  const lines = [`read ${s.read} item(s): ${s.stored} stored, ${s.seen} already stored, ${s.skipped} skipped, ${s.failed} failed; events: ${s.eventsNew} new, ${s.eventsMerged} merged into existing ones`]
  if (s.stopped) lines.push(`stopped: cannot write to the store: ${s.stopped}`)
  // a reader's message already names its source ("a.txt: binary file"): say the path once
  for (const f of s.failures.slice(0, 50)) lines.push(`  failed: ${f.reason.includes(f.ref) ? f.reason : `${f.ref}: ${f.reason}`}`)
  if (s.failures.length > 50) lines.push(`  ... and ${s.failures.length - 50} more failure(s)`)
  return lines.join('\n')
}
