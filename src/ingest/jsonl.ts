import { z } from 'zod/v3'
import type { ReportInput } from '../types.js'

export const ReportLineSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  title: z.string().nullish(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'published must start with YYYY-MM-DD').nullish(),
  url: z.string().nullish(),
  source: z.string().nullish(),
}).passthrough()

export type LineResult = { line: number; report: ReportInput } | { line: number; error: string }

export type ReportLineOptions = {
  /** the id of a line without `id` or `url`; default `line-N` */
  defaultId?: (line: number) => string
}

/** Parses JSONL report lines; a bad line becomes an error naming its line number, the rest go on. */
export function* readReportLines(text: string, opts: ReportLineOptions = {}): Generator<LineResult> {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const result = parseReportLine(lines[i]!, i + 1, opts)
    if (result) yield result
  }
}

/**
 * One JSONL line (1-based `line`) to a report or an error; undefined for a blank line.
 * @example parseReportLine('{"text":"..."}', 3, { defaultId: (n) => `batch.jsonl:${n}` }) // { line: 3, report: { id: 'batch.jsonl:3', text: '...' } }
 */
export function parseReportLine(rawLine: string, line: number, opts: ReportLineOptions = {}): LineResult | undefined {
  const raw = rawLine.trim()
  if (!raw) return undefined
  let obj: unknown
  try {
    obj = JSON.parse(raw)
  } catch (e) {
    return { line, error: `not valid JSON (${(e as Error).message})` }
  }
  const parsed = ReportLineSchema.safeParse(obj)
  if (!parsed.success) {
    return { line, error: parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ') }
  }
  const p = parsed.data
  return {
    line,
    report: {
      id: p.id !== undefined ? String(p.id) : p.url ?? (opts.defaultId ? opts.defaultId(line) : `line-${line}`), text: p.text,
      ...(p.title ? { title: p.title } : {}), ...(p.published ? { published: p.published.slice(0, 10) } : {}),
      ...(p.url ? { url: p.url } : {}), ...(p.source ? { source: p.source } : {}),
    },
  }
}
