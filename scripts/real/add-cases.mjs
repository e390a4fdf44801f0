#!/usr/bin/env node
// node scripts/real/add-cases.mjs CANDIDATES.jsonl
// Appends selected pages and short inputs to bench/real/cases.jsonl, uncoded (events: null), after checking
// each against the cache: the page exists, a short input's range lies inside it, and no url is added twice.
// A candidate: {url, query, page_sha256, split, kind, country, published, start?, end?, same_incident_with?: [url]}
import { appendFileSync } from 'node:fs'
import { readCases, readJsonl, pageText, sha256, casesPath } from './corpus.mjs'

const file = process.argv[2]
if (!file) { console.error('usage: node scripts/real/add-cases.mjs CANDIDATES.jsonl'); process.exit(2) }
const cases = readCases()
const taken = new Set(cases.map((c) => `${c.from?.url ?? c.url}\t${c.from ? `${c.from.start}-${c.from.end}` : ''}`))
const next = (prefix) => {
  const n = Math.max(0, ...cases.filter((c) => c.id.startsWith(prefix)).map((c) => Number(c.id.slice(prefix.length))))
  return `${prefix}${String(n + 1).padStart(3, '0')}`
}
let added = 0, failed = 0
for (const [i, k] of readJsonl(file).entries()) {
  const where = `${file}:${i + 1}`
  const page = pageText(k.page_sha256)
  if (page === null) { failed++; console.error(`${where}: no cached page ${k.page_sha256}`); continue }
  if (!['train', 'test'].includes(k.split) || !['events', 'no-event', 'short'].includes(k.kind)) { failed++; console.error(`${where}: split or kind missing`); continue }
  const short = k.start != null
  if (short && !(k.start >= 0 && k.end > k.start && k.end <= page.length)) { failed++; console.error(`${where}: range ${k.start}-${k.end} is outside the page`); continue }
  const key = `${k.url}\t${short ? `${k.start}-${k.end}` : ''}`
  if (taken.has(key)) { console.error(`${where}: ${k.url} is already a case; skipped`); continue }
  taken.add(key)
  const text = short ? page.slice(k.start, k.end) : page
  const c = {
    id: next(short ? 'S-' : 'R-'), url: k.url, query: k.query, text_sha256: sha256(text),
    ...(short ? { from: { url: k.url, query: k.query, page_sha256: k.page_sha256, start: k.start, end: k.end } } : {}),
    split: k.split, kind: short ? 'short' : k.kind, country: k.country ?? null, published: k.published ?? null,
    events: null, notes: '', ...(k.same_incident_with?.length ? { same_incident_with: k.same_incident_with } : {}),
    coding: { by: [], adjudicated: false },
  }
  cases.push(c)
  appendFileSync(casesPath, JSON.stringify(c) + '\n')
  added++
}
console.log(`${added} case(s) added, ${failed} refused`)
if (failed) process.exit(1)
