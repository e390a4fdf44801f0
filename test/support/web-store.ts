import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import { ingestItems, type IngestItem, type IngestSummary } from '../../src/store/ingest-batch.js'
import { readReportLines } from '../../src/ingest/jsonl.js'
import { makeCoder } from '../../src/pipeline.js'
import { coderVersion } from '../../src/coder-version.js'
import type { ReportInput, SitrepEvent } from '../../src/types.js'

const ROOT = join(import.meta.dirname, '../..')

/**
 * A hostile but real report: an attack the coder finds, with markup in its text that a dashboard
 * rendering stored strings as HTML would run (it sets window.__xss).
 */
export const XSS_REPORT: ReportInput = {
  id: 'xss-afgooye',
  title: 'Gunmen kill three villagers near Afgooye <b>bold</b>',
  published: '2022-02-15',
  source: 'Shabelle <i>Desk</i>',
  url: 'https://example.org/news/afgooye?a=1&b=<x>',
  text: 'MOGADISHU — Al Shabaab militants killed three civilians in an attack on a village near Afgooye on Monday, local elders said.\n\n'
    + 'The elders said the gunmen burned several houses. <script>window.__xss = 1</script><img src=x onerror="window.__xss=2"> '
    + 'Residents fled toward Mogadishu.',
}

function* reportsOf(file: string): Generator<IngestItem> {
  // the fixture's last line is deliberately not JSON (it tests the CLI); only good lines are ingested
  for (const r of readReportLines(readFileSync(file, 'utf8'))) if ('report' in r) yield { ref: `${file}:${r.line}`, report: r.report }
}

/** The project's invented example reports plus XSS_REPORT, coded and stored in a new SQLite file. */
export async function buildWebStore(file: string): Promise<{ store: SqliteStore; summary: IngestSummary; code: (r: ReportInput) => SitrepEvent[] }> {
  const store = await SqliteStore.open(file)
  const coder = makeCoder()
  const code = (r: ReportInput): SitrepEvent[] => coder(r).events ?? []
  const items = [
    ...reportsOf(join(ROOT, 'examples/reports.jsonl')),
    ...reportsOf(join(ROOT, 'test/fixtures/store/reports.jsonl')),
    { ref: 'xss', report: XSS_REPORT },
  ]
  const summary = await ingestItems(items, store, { code, coderVersion: coderVersion() })
  return { store, summary, code }
}
