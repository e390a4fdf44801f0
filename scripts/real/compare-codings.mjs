#!/usr/bin/env node
// node scripts/real/compare-codings.mjs A.jsonl B.jsonl [--ids ID,...]: where two independent codings of
// the same cases disagree, for the adjudicator. Events are paired as the referee pairs them; for each case it
// prints events only one coder found and, for paired events, the fields that differ.
import { join } from 'node:path'
import { readJsonl, root } from './corpus.mjs'

const [a, b, ...rest] = process.argv.slice(2)
if (!a || !b) { console.error('usage: node scripts/real/compare-codings.mjs A.jsonl B.jsonl [--ids ID,...]'); process.exit(2) }
const { match, actorsMatch } = await import(join(root, 'dist/eval/score.js'))
const only = rest[0] === '--ids' ? new Set(rest[1].split(',')) : null
const A = new Map(readJsonl(a).map((r) => [r.id, r])), B = new Map(readJsonl(b).map((r) => [r.id, r]))
const km = (x, y) => {
  if ([x.latitude, x.longitude, y.latitude, y.longitude].some((v) => typeof v !== 'number')) return null
  const r = Math.PI / 180, h = Math.sin(((y.latitude - x.latitude) * r) / 2) ** 2 + Math.cos(x.latitude * r) * Math.cos(y.latitude * r) * Math.sin(((y.longitude - x.longitude) * r) / 2) ** 2
  return 12742 * Math.asin(Math.sqrt(h))
}
const show = (e) => `${e.event_date ?? '?'} ${e.sub_event_type} | ${e.actor1} / ${e.actor2} | ${e.location} (${e.admin1}) p${e.geo_precision} | dead ${e.fatalities}${e.background ? ' | background' : ''}`
let agree = 0, differ = 0
for (const id of [...new Set([...A.keys(), ...B.keys()])].sort()) {
  if (only && !only.has(id)) continue
  const ea = A.get(id)?.events, eb = B.get(id)?.events
  if (!ea || !eb) { console.log(`${id}: coded by ${ea ? 'A' : 'B'} only`); differ++; continue }
  const pairs = match(ea, eb)
  const lines = []
  ea.forEach((e, i) => { if (!pairs.some(([x]) => x === i)) lines.push(`  A only: ${show(e)}`) })
  eb.forEach((e, j) => { if (!pairs.some(([, y]) => y === j)) lines.push(`  B only: ${show(e)}`) })
  for (const [i, j] of pairs) {
    const x = ea[i], y = eb[j], d = []
    if (x.sub_event_type !== y.sub_event_type) d.push(`sub-type ${x.sub_event_type} | ${y.sub_event_type}`)
    if (!actorsMatch(x, y)) d.push(`actors ${x.actor1} / ${x.actor2} | ${y.actor1} / ${y.actor2}`)
    const dist = km(x, y)
    if (dist === null ? x.location !== y.location : dist > 25) d.push(`place ${x.location} (${x.admin1}) | ${y.location} (${y.admin1})${dist !== null ? ` ${Math.round(dist)} km apart` : ''}`)
    if (x.geo_precision !== y.geo_precision) d.push(`geo_precision ${x.geo_precision} | ${y.geo_precision}`)
    if (x.event_date !== y.event_date || x.time_precision !== y.time_precision) d.push(`date ${x.event_date} p${x.time_precision} | ${y.event_date} p${y.time_precision}`)
    if (x.fatalities !== y.fatalities) d.push(`fatalities ${x.fatalities} | ${y.fatalities}`)
    if (x.background !== y.background) d.push(`background ${x.background} | ${y.background}`)
    if (d.length) lines.push(`  both: ${show(x)}\n    differ: ${d.join('; ')}`)
  }
  if (lines.length) { differ++; console.log(`${id}:\n${lines.join('\n')}`) } else agree++
}
console.log(`\n${agree} case(s) agree on every compared field, ${differ} differ`)
