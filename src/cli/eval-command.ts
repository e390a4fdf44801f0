import { readFileSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { makeCoder } from '../pipeline.js'
import { readReportLines } from '../ingest/jsonl.js'
import { SqliteStore } from '../store/sqlite/sqlite-store.js'
import { ingestItems, type IngestItem } from '../store/ingest-batch.js'
import { coderVersion } from '../coder-version.js'
import { score, formatScore, type GoldCase, type ScoreEvent } from '../eval/score.js'
import { inGazetteerSpelling } from '../eval/gold-spelling.js'
import { loadGazetteer } from '../geo/gazetteer.js'
import type { CliIO } from './io.js'

/**
 * `sitrep eval GOLD.jsonl`: codes the gold cases, ingests them into a store in memory (so reports of
 * one incident merge as they would in `sitrep ingest`), and scores them as the referee does.
 */
export function registerEval(program: Command, io: CliIO) {
  program.command('eval')
    .description('code the cases of a gold JSONL file and print precision, recall and field accuracies')
    .argument('<gold>', 'gold cases: {id, text, published, events: [...]} per line')
    .option('--misses', 'list missed and spurious events')
    .option('--fields', 'list field disagreements on matched events (actors, place, date, fatalities)')
    .option('--json', 'print the scores as JSON')
    .option('--out <file>', 'also write the system output as scored (JSONL) to this file')
    .option('--acled-names', 'score admin1 as Sitrep writes it (ACLED\'s names) instead of in the gold\'s spelling (the gazetteer\'s, DEV_CODING section 5)')
    .option('--no-scorer', 'code with the rules alone: no learned event scorer (data/models/event-scorer.json), to compare the two')
    .action(async (goldPath: string, opts: { misses?: boolean; fields?: boolean; json?: boolean; out?: string; scorer?: boolean; acledNames?: boolean }) => {
      const text = readFileSync(goldPath, 'utf8')
      const gold: GoldCase[] = []
      const items: IngestItem[] = []
      let failed = 0
      for (const r of readReportLines(text)) {
        if ('error' in r) { failed++; io.err(`${goldPath} line ${r.line}: ${r.error}`); continue }
        const raw = JSON.parse(text.split('\n')[r.line - 1]!) as GoldCase
        gold.push({ ...raw, id: String(raw.id ?? r.report.id) })
        items.push({ ref: `${goldPath}:${r.line}`, report: r.report })
      }
      const coder = makeCoder(opts.scorer === false ? { scorer: null } : {})
      const store = await SqliteStore.open(':memory:')
      const summary = await ingestItems(items, store, { code: (r) => coder(r).events ?? [], coderVersion: coderVersion() })
      for (const f of summary.failures) { failed++; io.err(`${f.ref}: ${f.reason}`) }
      const system: { id: string; events: ScoreEvent[] }[] = []
      const gaz = opts.acledNames ? null : loadGazetteer()
      for await (const r of store.eventsByReport()) {
        const events = r.events as unknown as ScoreEvent[]
        system.push({ id: r.id, events: gaz ? inGazetteerSpelling(events, gaz) : events })
      }
      await store.close()
      if (opts.out) writeFileSync(opts.out, system.map((s) => JSON.stringify(s)).join('\n') + '\n')
      const result = score(gold, system as never)
      io.out(opts.json ? JSON.stringify(result, null, 2) : formatScore(result, !!opts.misses, !!opts.fields))
      if (failed) { io.err(`${failed} line(s) failed`); io.setExitCode(1) }
    })
}
