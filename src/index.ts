import type { ReportInput, SitrepEvent, Diagnostic } from './types.js'
import { makeCoder, type CoderOptions } from './pipeline.js'

export type { ReportInput, SitrepEvent, Diagnostic, Span, Evidence, EventType } from './types.js'
export { makeCoder } from './pipeline.js'
export { score, formatScore } from './eval/score.js'
export { readReportLines } from './ingest/jsonl.js'
// a report in Arabic script needs the language detector loaded first: `await readyFor(text)` (or loadDetector())
export { readyFor, loadDetector, detectLanguage } from './lang/detect.js'

let shared: ReturnType<typeof makeCoder> | null = null

/**
 * Codes one report into events.
 * @example code({ id: 'a', text: 'Gunmen killed three villagers in Tabit on Monday.', published: '2014-11-04' })
 */
export function code(input: ReportInput | string, opts?: CoderOptions): { events: SitrepEvent[]; diagnostics: Diagnostic[] } {
  const report = typeof input === 'string' ? { id: 'report', text: input } : input
  const coder = opts ? makeCoder(opts) : (shared ??= makeCoder())
  const doc = coder(report)
  return { events: doc.events ?? [], diagnostics: doc.diagnostics }
}
