import { createHash } from 'node:crypto'
import { z } from 'zod/v3'
import { parseReportLine } from '../ingest/jsonl.js'
import { readSources } from '../ingest/sources.js'
import type { IngestItem } from '../store/ingest-batch.js'
import type { ReportInput } from '../types.js'
import { ApiError } from './api-error.js'

const httpUrl = z.string().max(2000).refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'expected an http(s) URL')
const ReportSchema = z.strictObject({
  text: z.string().min(1, 'empty'),
  id: z.union([z.string().min(1).max(200), z.number()]).optional(),
  title: z.string().max(1000).nullish(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date starting YYYY-MM-DD').nullish(),
  url: httpUrl.nullish(),
  source: z.string().max(200).nullish(),
})
const UrlOnlySchema = z.strictObject({ url: httpUrl })

/** The media type without parameters, lowercased: `mediaType('Application/JSON; charset=utf-8') === 'application/json'`. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase()
}

/** An id for a report sent without one: the same text always gets the same id. */
const contentId = (s: string) => `api-${createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16)}`

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')

/**
 * The reports a POST body carries: one JSON report, `{ url }` alone (fetched, with the server's
 * private-address policy), or JSONL lines, each line on its own (a bad line fails alone, as in
 * `sitrep ingest`). A body that is not what its media type says is a 400.
 */
export function reportItems(body: string, type: string, fetchOpts: { allowPrivate: boolean; isSeen: (url: string) => Promise<boolean> }): AsyncIterable<IngestItem> | IngestItem[] {
  if (type === 'application/json') {
    let raw: unknown
    try {
      raw = JSON.parse(body)
    } catch (e) {
      throw new ApiError(400, `body: not valid JSON (${(e as Error).message})`)
    }
    if (Array.isArray(raw)) throw new ApiError(400, 'body: expected one report object; send several as application/x-ndjson, one JSON object a line')
    if (raw && typeof raw === 'object' && !('text' in raw) && 'url' in raw) {
      const u = UrlOnlySchema.safeParse(raw)
      if (!u.success) throw new ApiError(400, issues(u.error))
      return readSources([u.data.url], { allowPrivate: fetchOpts.allowPrivate, isSeen: fetchOpts.isSeen })
    }
    const r = ReportSchema.safeParse(raw)
    if (!r.success) throw new ApiError(400, issues(r.error))
    const p = r.data
    const report: ReportInput = {
      id: p.id !== undefined ? String(p.id) : p.url ?? contentId(p.text), text: p.text,
      ...(p.title ? { title: p.title } : {}), ...(p.published ? { published: p.published.slice(0, 10) } : {}),
      ...(p.url ? { url: p.url } : {}), ...(p.source ? { source: p.source } : {}),
    }
    return [{ ref: report.id, report }]
  }
  const items: IngestItem[] = []
  body.split('\n').forEach((line, i) => {
    const r = parseReportLine(line, i + 1, { defaultId: () => contentId(line.trim()) })
    if (!r) return
    items.push('report' in r ? { ref: `line ${r.line}`, report: r.report } : { ref: `line ${r.line}`, error: `line ${r.line}: ${r.error}` })
  })
  if (items.length === 0) throw new ApiError(400, 'body: no report lines (send one JSON object a line)')
  return items
}
