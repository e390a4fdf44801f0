import type { Command } from 'commander'
import { openStore } from '../store/open.js'
import { parseEventQuery } from '../store/query.js'
import { acledCsvWriter } from '../store/export/acled-csv.js'
import { geojsonWriter } from '../store/export/geojson.js'
import { jsonlWriter } from '../store/export/jsonl.js'
import { storedEventTable } from '../store/export/table.js'
import type { CliIO } from './io.js'

const FORMATS = ['table', 'jsonl', 'geojson', 'csv'] as const
type Opts = Record<string, string | boolean | undefined> & { db?: string; format: string; byReport?: boolean; rejected?: boolean }

/** `sitrep events`: filtered events from the store as a table, JSONL, GeoJSON or ACLED CSV. */
export function registerEvents(program: Command, io: CliIO) {
  program.command('events')
    .description('list stored events: filters, and formats table, jsonl, geojson (RFC 7946) or csv (ACLED columns)')
    .option('--db <file>', 'the store (default ./sitrep.db or SITREP_DB)')
    .option('--country <list>', 'country names or ISO codes, comma-separated')
    .option('--admin1 <list>', 'first-level regions, comma-separated')
    .option('--type <list>', 'event types, comma-separated')
    .option('--sub-type <list>', 'sub-event types, comma-separated')
    .option('--actor <text>', 'part of an actor name')
    .option('--since <date>', 'from this date (YYYY-MM-DD)')
    .option('--until <date>', 'up to this date (YYYY-MM-DD)')
    .option('--bbox <w,s,e,n>', 'bounding box in degrees')
    .option('--q <text>', 'full-text search in notes and source reports')
    .option('--min-fatalities <n>', 'at least this many fatalities')
    .option('--min-confidence <p>', 'at least this confidence, 0 to 1: the chance the event is real and rightly typed')
    .option('--review <list>', 'review statuses, comma-separated: unreviewed, confirmed, corrected, rejected')
    .option('--limit <n>', 'at most this many events (table default 50; exports: all)')
    .option('--cursor <cursor>', 'continue after a previous page')
    .option('--background', 'include events reports mention only as past context')
    .option('--rejected', 'include events analysts rejected')
    .option('--order <order>', 'desc (newest first), asc, or confidence (least certain first; with --review unreviewed, the review queue)', 'desc')
    .option('--format <format>', FORMATS.join(', '), 'table')
    .option('--by-report', 'one line per stored report, {id, events}, each event with its merged event_id (the referee format)')
    .action(async (opts: Opts) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}, got "${opts.format}"`)
      const raw = Object.fromEntries(Object.entries(opts).filter(([, v]) => typeof v === 'string' || v === true).map(([k, v]) => [k, v === true ? '' : String(v)]))
      const parsed = parseEventQuery(raw, { ignore: ['db', 'format', 'byReport', 'rejected'] })
      if (!parsed.ok) throw new Error(parsed.error)
      const query = { ...parsed.query, ...(opts.rejected ? { includeRejected: true } : {}) }
      const store = await openStore(opts.db)
      try {
        if (opts.byReport) {
          if (opts.format !== 'jsonl') throw new Error('--by-report writes JSONL: add --format jsonl')
          for await (const r of store.eventsByReport()) io.write(`${JSON.stringify(r)}\n`)
          return
        }
        if (opts.format === 'table') {
          const page = await store.queryEvents({ ...query, limit: query.limit ?? 50 })
          io.out(storedEventTable(page.events))
          if (page.next) io.err(`more events: add --cursor ${page.next}`)
          return
        }
        const writer = opts.format === 'csv' ? acledCsvWriter(io.write) : opts.format === 'geojson' ? geojsonWriter(io.write) : jsonlWriter(io.write)
        let n = 0
        for await (const e of store.streamEvents({ ...query, limit: undefined })) {
          writer.add(e)
          if (query.limit && ++n >= query.limit) break
        }
        writer.end()
      } finally {
        await store.close()
      }
    })
}
