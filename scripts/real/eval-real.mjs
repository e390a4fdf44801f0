#!/usr/bin/env node
// npm run eval:real [-- --split train|test] [--misses] [--fields] [--json] [--no-scorer] [--coder DIR]
//
// Scores the coder on the real corpus (bench/real/cases.jsonl), each split on its own, through `sitrep eval`
// (so merges go through the store), checks that the referee (../shared/bench/score.mjs) prints the same
// numbers, and adds: events written per 100 pages that report none, sub-type accuracy on short inputs, and
// the calibration of confidence. Texts come from the cache (bench/real/README.md); cases whose texts are
// absent are counted and named, never guessed. --misses and --fields are refused on test: its misses are
// never read. --coder DIR scores another checkout's coder (DIR/bin/sitrep eval) on the same cases, for before/after tables.
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readCases, caseText, root, cacheDir } from './corpus.mjs'

const args = process.argv.slice(2)
const flag = (f) => args.includes(f)
const splitArg = args[args.indexOf('--split') + 1]
const splits = flag('--split') ? [splitArg] : ['train', 'test']
if (splits.some((s) => s !== 'train' && s !== 'test')) { console.error('--split takes train or test'); process.exit(2) }
if ((flag('--misses') || flag('--fields')) && splits.includes('test')) {
  console.error('--misses and --fields list what went wrong case by case; they are for train only (add --split train)')
  process.exit(2)
}
const shared = process.env.SITREP_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url))
const referee = join(shared, 'bench/score.mjs')
const { noEventRate, subTypeAccuracy, outcomes, calibration } = await import(join(root, 'dist/eval/real-metrics.js'))

const all = readCases()
const idOfUrl = new Map(all.filter((c) => !c.from).map((c) => [c.url, c.id]))
mkdirSync(join(root, 'out'), { recursive: true })
const report = {}
let failures = 0
for (const split of splits) {
  const cases = all.filter((c) => c.split === split && Array.isArray(c.events))
  const uncoded = all.filter((c) => c.split === split && !Array.isArray(c.events)).length
  const gold = [], absent = [], broken = []
  for (const c of cases) {
    let text
    try { text = caseText(c) } catch (e) { broken.push(`${c.id} (${e.message})`); continue }
    if (text === null) { absent.push(c.id); continue }
    const same = new Set([...(c.same_incident_as ?? []), ...(c.same_incident_with ?? []).map((u) => idOfUrl.get(u)).filter(Boolean)])
    gold.push({ id: c.id, text, url: c.url, published: c.published ?? undefined, kind: c.kind, events: c.events, same_incident_as: [...same] })
  }
  // a url identifies a stored report: two cases cut from one page keep theirs apart by not sending it
  const urls = new Map()
  for (const g of gold) urls.set(g.url, (urls.get(g.url) ?? 0) + 1)
  for (const g of gold) if (urls.get(g.url) > 1) delete g.url
  const head = `${split}: ${cases.length} coded cases${uncoded ? ` (${uncoded} not coded yet)` : ''}`
  if (absent.length) console.log(`${head}: ${absent.length} texts absent from ${cacheDir} (run npm run real:missing, see bench/real/README.md): ${absent.slice(0, 12).join(', ')}${absent.length > 12 ? ' …' : ''}`)
  if (broken.length) { failures += broken.length; console.log(`${split}: ${broken.length} texts do not match their sha256 and are left out: ${broken.join('; ')}`) }
  if (gold.length === 0) { console.log(`${head}: nothing to score`); continue }
  const goldPath = join(root, `out/real-${split}.jsonl`), sysPath = join(root, `out/real-${split}-system.jsonl`)
  writeFileSync(goldPath, gold.map((g) => JSON.stringify(g)).join('\n') + '\n')
  const run = (cmd, xs) => execFileSync(process.execPath, [cmd, ...xs], { encoding: 'utf8', maxBuffer: 1 << 28 })
  const coderDir = flag('--coder') ? args[args.indexOf('--coder') + 1] : root
  const ours = JSON.parse(run(join(coderDir, 'bin/sitrep'), ['eval', goldPath, '--out', sysPath, '--json', ...(flag('--no-scorer') ? ['--no-scorer'] : [])]))
  const system = readFileSync(sysPath, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
  let agrees = null
  if (existsSync(referee)) {
    const theirs = JSON.parse(run(referee, [goldPath, sysPath, '--json']))
    const core = (r) => JSON.stringify([r.events, r.fields, r.background, r.merge])
    agrees = core(ours) === core(theirs)
    if (!agrees) failures++
  }
  const quiet = noEventRate(gold, system)
  const short = subTypeAccuracy(gold.filter((g) => g.kind === 'short'), system)
  const calib = calibration(outcomes(gold, system))
  report[split] = { cases: gold.length, absent: absent.length, score: ours, noEvent: quiet, short, calibration: calib, refereeAgrees: agrees }
  if (flag('--json')) continue
  const e = ours.events, fld = (k) => ours.fields[k] ? `${ours.fields[k].accuracy} (n=${ours.fields[k].n})` : '-'
  console.log(`\n== ${split}: ${gold.length} cases (${gold.filter((g) => g.kind === 'events').length} event pages, ${gold.filter((g) => g.kind === 'no-event').length} no-event pages, ${gold.filter((g) => g.kind === 'short').length} short inputs)`)
  console.log(`events         P ${e.precision} R ${e.recall} F1 ${e.f1} (tp ${e.tp} fp ${e.fp} fn ${e.fn})`)
  for (const k of ['event_type', 'sub_event_type', 'actors', 'location', 'admin1', 'geo_precision', 'date_exact', 'fatalities']) console.log(`  ${k.padEnd(15)}${fld(k)}`)
  console.log(`  background    ${ours.background.marked}/${ours.background.pairs} past-context mentions marked as background`)
  console.log(`  merge         P ${ours.merge.precision} R ${ours.merge.recall} (pairs tp ${ours.merge.tp} fp ${ours.merge.fp} fn ${ours.merge.fn})`)
  console.log(`no-event cases ${quiet.events} events written on ${quiet.cases} cases that report none (${quiet.per100} per 100; ${quiet.casesWithEvents} cases with any)`)
  console.log(`short inputs   sub-type accuracy ${short.accuracy} (${short.right}/${short.n} gold events)`)
  console.log(`confidence     ECE ${calib.ece} over ${calib.n} events; bins: ${calib.table.map((r) => `${r.from.toFixed(1)}-${r.to.toFixed(1)}: ${r.accuracy} of ${r.n}`).join(', ')}`)
  console.log(agrees === null ? '(the referee is not here: set SITREP_SHARED to compare)' : agrees ? '(the referee, ../shared/bench/score.mjs, prints the same numbers)' : 'THE REFEREE DISAGREES with sitrep eval')
  if (flag('--misses')) for (const m of ours.misses) console.log('  - ' + m)
  if (flag('--fields')) for (const m of ours.fieldMisses) console.log(`  ~ ${m.id} ${m.field}: gold ${m.gold} | system ${m.system}`)
}
if (flag('--json')) console.log(JSON.stringify(report, null, 2))
if (failures) { console.error(`${failures} problem(s): see above`); process.exit(1) }
