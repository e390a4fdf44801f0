import { z } from 'zod'
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

/** Parses JSONL report lines; a bad line becomes an error naming its line number, the rest go on. */
export function* readReportLines(text: string): Generator<LineResult> {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim()
    if (!raw) continue
    let obj: unknown
    try {
      obj = JSON.parse(raw)
    } catch (e) {
      yield { line: i + 1, error: `not valid JSON (${(e as Error).message})` }
      continue
    }
    const parsed = ReportLineSchema.safeParse(obj)
    if (!parsed.success) {
      yield { line: i + 1, error: parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ') }
      continue
    }
    const p = parsed.data
    yield {
      line: i + 1,
      report: {
        id: p.id !== undefined ? String(p.id) : p.url ?? `line-${i + 1}`, text: p.text,
        ...(p.title ? { title: p.title } : {}), ...(p.published ? { published: p.published.slice(0, 10) } : {}),
        ...(p.url ? { url: p.url } : {}), ...(p.source ? { source: p.source } : {}),
      },
    }
  }
}
