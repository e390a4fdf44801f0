import { readFileSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { makeCoder } from '../pipeline.js'
import { readReportLines } from '../ingest/jsonl.js'
import { score, formatScore, type GoldCase } from '../eval/score.js'
import type { CliIO } from './io.js'

/** `sitrep eval GOLD.jsonl`: codes the gold cases and scores them as the referee does. */
export function registerEval(program: Command, io: CliIO) {
  program.command('eval')
    .description('code the cases of a gold JSONL file and print precision, recall and field accuracies')
    .argument('<gold>', 'gold cases: {id, text, published, events: [...]} per line')
    .option('--misses', 'list missed and spurious events')
    .option('--fields', 'list field disagreements on matched events (actors, place, date, fatalities)')
    .option('--json', 'print the scores as JSON')
    .option('--out <file>', 'also write the system output (JSONL) to this file')
    .action((goldPath: string, opts: { misses?: boolean; fields?: boolean; json?: boolean; out?: string }) => {
      const text = readFileSync(goldPath, 'utf8')
      const gold: GoldCase[] = []
      const system: { id: string; events: unknown[] }[] = []
      const coder = makeCoder()
      let failed = 0
      for (const r of readReportLines(text)) {
        if ('error' in r) { failed++; io.err(`${goldPath} line ${r.line}: ${r.error}`); continue }
        const raw = JSON.parse(text.split('\n')[r.line - 1]!) as GoldCase
        gold.push({ ...raw, id: String(raw.id ?? r.report.id) })
        system.push({ id: r.report.id, events: coder(r.report).events ?? [] })
      }
      if (opts.out) writeFileSync(opts.out, system.map((s) => JSON.stringify(s)).join('\n') + '\n')
      const result = score(gold, system as never)
      io.out(opts.json ? JSON.stringify(result, null, 2) : formatScore(result, !!opts.misses, !!opts.fields))
      if (failed) { io.err(`${failed} line(s) failed`); io.setExitCode(1) }
    })
}
