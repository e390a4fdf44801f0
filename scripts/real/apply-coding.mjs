#!/usr/bin/env node
// node scripts/real/apply-coding.mjs FINAL.jsonl --by "coder A, coder B, adjudicator"
// Writes adjudicated codings ({id, events, notes, country?, published?}) into bench/real/cases.jsonl (or SITREP_REAL_CASES);
// the kind follows the events (a page with none is 'no-event'), after the same checks as
// check-coding.mjs. Cases keep their order; a case already coded is replaced (its old notes are kept behind).
import { writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { readCases, readJsonl, casesPath, root } from './corpus.mjs'

const [file, flag, by] = process.argv.slice(2)
if (!file || flag !== '--by' || !by) { console.error('usage: node scripts/real/apply-coding.mjs FINAL.jsonl --by "who coded and adjudicated"'); process.exit(2) }
try { execFileSync(process.execPath, [join(root, 'scripts/real/check-coding.mjs'), file], { stdio: 'inherit' }) } catch { console.error('not applied: fix the problems first'); process.exit(1) }
const final = new Map(readJsonl(file).map((r) => [r.id, r]))
let n = 0
const cases = readCases().map((c) => {
  const f = final.get(c.id)
  if (!f) return c
  n++
  const notes = [f.notes, c.events !== null && c.notes ? `(before adjudication: ${c.notes})` : ''].filter(Boolean).join(' ')
  // a coder may also give the page's country and publication date (read from the page or its address)
  const kind = c.kind === 'short' ? c.kind : f.events.length ? 'events' : 'no-event'
  return { ...c, kind, ...(f.country !== undefined ? { country: f.country } : {}), ...(f.published !== undefined ? { published: f.published } : {}), events: f.events, notes, coding: { by: by.split(/\s*,\s*/), adjudicated: true } }
})
writeFileSync(casesPath, cases.map((c) => JSON.stringify(c)).join('\n') + '\n')
console.log(`${n} case(s) coded from ${file}; ${final.size - n} id(s) not in the corpus`)
