#!/usr/bin/env node
// node scripts/real/check-coding.mjs CODING.jsonl: checks a coder's file line by line: known case ids,
// the codebook's types and sub-types, inter codes, dates, precisions, counts. Prints what is wrong.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readCases, readJsonl, root } from './corpus.mjs'

const file = process.argv[2]
if (!file) { console.error('usage: node scripts/real/check-coding.mjs CODING.jsonl'); process.exit(2) }
const types = JSON.parse(readFileSync(join(root, 'data/rules/sub-event-rules.json'), 'utf8')).types
const typeOf = new Map(Object.entries(types).flatMap(([t, subs]) => subs.map((s) => [s, t])))
const ids = new Set(readCases().map((c) => c.id))
const problems = []
const rows = readJsonl(file)
for (const [i, row] of rows.entries()) {
  const at = `${file}:${i + 1} ${row.id ?? '?'}`
  if (!ids.has(row.id)) problems.push(`${at}: unknown case id`)
  if (!Array.isArray(row.events)) { problems.push(`${at}: events must be an array ([] for no event)`); continue }
  row.events.forEach((e, k) => {
    const p = (m) => problems.push(`${at} event ${k + 1}: ${m}`)
    if (typeOf.get(e.sub_event_type) !== e.event_type) p(`"${e.event_type}" / "${e.sub_event_type}" is not a type pair of the codebook`)
    for (const s of e.alt_sub_event_types ?? []) if (!typeOf.has(s)) p(`alt sub-type "${s}" is unknown`)
    for (const k2 of ['inter1', 'inter2']) if (e[k2] != null && !(Number.isInteger(e[k2]) && e[k2] >= 1 && e[k2] <= 8)) p(`${k2} must be 1-8 or null`)
    if (e.inter1 && e.inter2 && e.interaction !== Math.min(e.inter1, e.inter2) * 10 + Math.max(e.inter1, e.inter2)) p('interaction must be the two inter codes, lower first')
    if (e.event_date != null && !/^\d{4}-\d{2}-\d{2}$/.test(e.event_date)) p('event_date must be YYYY-MM-DD or null')
    if (![1, 2, 3, null].includes(e.time_precision ?? null)) p('time_precision must be 1, 2, 3 or null')
    if (![1, 2, 3].includes(e.geo_precision)) p('geo_precision must be 1, 2 or 3')
    if ((e.latitude == null) !== (e.longitude == null)) p('latitude and longitude go together')
    if (e.latitude != null && !(Math.abs(e.latitude) <= 90 && Math.abs(e.longitude) <= 180)) p('coordinates out of range')
    if (!(Number.isInteger(e.fatalities) && e.fatalities >= 0)) p('fatalities must be a whole number')
    if (e.arrests != null && !(Number.isInteger(e.arrests) && e.arrests >= 0)) p('arrests must be a whole number or null')
    if (typeof e.background !== 'boolean') p('background must be true or false')
    if (!e.country) p('country is missing')
    if (/"[^"]{40,}"/.test(e.notes ?? '')) p('notes seem to quote the text: point at it by range instead')
  })
}
console.log(`${rows.length} line(s), ${problems.length} problem(s)`)
for (const m of problems) console.log('  - ' + m)
if (problems.length) process.exit(1)
