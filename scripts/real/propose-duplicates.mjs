#!/usr/bin/env node
// node scripts/real/propose-duplicates.mjs --split train|test
// Candidate pairs of cases that may report one incident, from their gold codings: a reported event of the
// same event type in each, at the same place (same name, or pins within 25 km) and on dates at most two days
// apart (or both undated). Prints the pairs not yet linked by same_incident_as / same_incident_with, for a
// person to confirm by reading both pages: gold links come from reading, never from this list alone.
import { readCases } from './corpus.mjs'

const split = process.argv[process.argv.indexOf('--split') + 1]
if (!['train', 'test'].includes(split)) { console.error('usage: node scripts/real/propose-duplicates.mjs --split train|test'); process.exit(2) }
const cases = readCases().filter((c) => c.split === split && Array.isArray(c.events))
const idOfUrl = new Map(cases.filter((c) => !c.from).map((c) => [c.url, c.id]))
const linked = (a, b) => [a, b].some((x) => (x.same_incident_as ?? []).includes(x === a ? b.id : a.id) || (x.same_incident_with ?? []).some((u) => idOfUrl.get(u) === (x === a ? b.id : a.id)))
const km = (x, y) => {
  if ([x.latitude, x.longitude, y.latitude, y.longitude].some((v) => typeof v !== 'number')) return null
  const r = Math.PI / 180, h = Math.sin(((y.latitude - x.latitude) * r) / 2) ** 2 + Math.cos(x.latitude * r) * Math.cos(y.latitude * r) * Math.sin(((y.longitude - x.longitude) * r) / 2) ** 2
  return 12742 * Math.asin(Math.sqrt(h))
}
const norm = (s) => String(s ?? '').toLowerCase().replace(/\(.*?\)/g, '').replace(/[^a-z]+/g, '')
const samePlace = (x, y) => { const d = km(x, y); return d !== null ? d <= 25 : !!x.location && norm(x.location) === norm(y.location) }
const sameDay = (x, y) => (!x.event_date && !y.event_date) || (x.event_date && y.event_date && Math.abs(Date.parse(x.event_date) - Date.parse(y.event_date)) <= 2 * 864e5)
let n = 0
for (let i = 0; i < cases.length; i++) for (let j = i + 1; j < cases.length; j++) {
  const a = cases[i], b = cases[j]
  const hit = a.events.filter((x) => !x.background).some((x) => b.events.filter((y) => !y.background).some((y) => x.event_type === y.event_type && samePlace(x, y) && sameDay(x, y)))
  if (!hit) continue
  n++
  console.log(`${a.id}\t${b.id}\t${linked(a, b) ? 'linked' : 'NEW'}`)
}
console.error(`${n} candidate pair(s)`)
