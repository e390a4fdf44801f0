#!/usr/bin/env node
// node scripts/real/link-duplicates.mjs VERIFIED.tsv
// Adds confirmed same-incident links ("ID1<TAB>ID2<TAB>same<TAB>why", from a person reading both pages) to
// both cases' same_incident_as in bench/real/cases.jsonl. Lines marked "different" are skipped.
import { readFileSync, writeFileSync } from 'node:fs'
import { readCases, casesPath } from './corpus.mjs'

const file = process.argv[2]
if (!file) { console.error('usage: node scripts/real/link-duplicates.mjs VERIFIED.tsv'); process.exit(2) }
const cases = readCases()
const byId = new Map(cases.map((c) => [c.id, c]))
let added = 0
for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const [a, b, verdict] = line.split('\t')
  if (verdict !== 'same') continue
  const x = byId.get(a), y = byId.get(b)
  if (!x || !y) { console.error(`unknown case in: ${line}`); process.exitCode = 1; continue }
  if (x.split !== y.split) { console.error(`${a} and ${b} are in different splits: not linked`); process.exitCode = 1; continue }
  for (const [p, q] of [[x, y], [y, x]]) {
    const s = new Set(p.same_incident_as ?? [])
    if (!s.has(q.id)) { s.add(q.id); added++ }
    p.same_incident_as = [...s].sort()
  }
}
writeFileSync(casesPath, cases.map((c) => JSON.stringify(c)).join('\n') + '\n')
console.log(`${added} link(s) added`)
