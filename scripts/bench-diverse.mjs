// The whole world at once (issue 13): 2,000 invented reports over 90 countries (scripts/diverse-reports.mjs),
// each naming a village, district and province of its country. Measured twice: the whole process as a user
// runs it (`sitrep code --jsonl`, start-up included; wall time and peak RSS from /usr/bin/time), and the
// coder in this process against bare wink-nlp tokenisation of the same texts (the coder's cost next to the
// physical limit). Run by npm run bench; alone: node scripts/bench-diverse.mjs
import { writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { diverseReports } from './diverse-reports.mjs'
import { makeCoder } from '../dist/pipeline.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const N = Number(process.env.BENCH_DIVERSE_REPORTS ?? 2000)
const reports = [...diverseReports(N, { countries: 90 })]
const countries = new Set(reports.map((r) => r.country)).size
mkdirSync(join(root, 'out'), { recursive: true })
const file = join(root, 'out/diverse.jsonl')
writeFileSync(file, reports.map((r) => JSON.stringify(r)).join('\n') + '\n')

let whole = null
if (existsSync('/usr/bin/time')) {
  const runs = [0, 1, 2].map(() => {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', join(root, 'bin/sitrep'), 'code', '--jsonl', file], { encoding: 'utf8', maxBuffer: 1 << 28 })
    const [secs, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number)
    return { secs, mb: kb / 1024 }
  }).sort((a, b) => a.secs - b.secs)
  const mid = runs[1]
  whole = { seconds: mid.secs, reports_per_sec: +(N / mid.secs).toFixed(0), peak_rss_mb: +Math.max(...runs.map((r) => r.mb)).toFixed(0) }
}

// One report from a cold process, in a dozen countries: start-up plus the first report (target under 0.5 s)
let cold = null
if (existsSync('/usr/bin/time')) {
  const firsts = [...new Map(reports.map((r) => [r.country, r])).values()].filter((_r, i) => i % 7 === 0).slice(0, 12)
  const one = join(root, 'out/diverse-one.jsonl')
  const secs = firsts.map((r) => {
    writeFileSync(one, JSON.stringify(r) + '\n')
    const run = spawnSync('/usr/bin/time', ['-f', '%e', join(root, 'bin/sitrep'), 'code', '--jsonl', one], { encoding: 'utf8' })
    return { country: r.country, secs: Number(run.stderr.trim().split('\n').pop()) }
  }).sort((a, b) => a.secs - b.secs)
  cold = { countries: secs.length, median_seconds: secs[Math.floor(secs.length / 2)].secs, max_seconds: secs.at(-1).secs, slowest: secs.at(-1).country }
}

const nlp = winkNLP(model, [])
let t0 = performance.now()
for (const r of reports) nlp.readDoc(r.text).tokens().length()
const bare = N / ((performance.now() - t0) / 1000)
const timings = new Map()
const coder = makeCoder({ timings })
t0 = performance.now()
for (const r of reports) coder(r)
const coded = N / ((performance.now() - t0) / 1000)
const stages = Object.fromEntries([...timings].map(([k, v]) => [k, +(v / 1000).toFixed(2)]))

const out = { reports: N, countries, stage_seconds: stages, whole_process: whole, cold_one_report: cold, in_process_reports_per_sec: +coded.toFixed(0), wink_bare_reports_per_sec: +bare.toFixed(0),
  ratio_in_process: +(coded / bare).toFixed(3), ratio_whole_process: whole ? +(whole.reports_per_sec / bare).toFixed(3) : null }
console.log(`diverse batch: ${N} reports over ${countries} countries`)
if (whole) console.log(`  whole process (sitrep code --jsonl, start-up included): ${whole.reports_per_sec} reports/s (${whole.seconds} s, median of 3), peak RSS ${whole.peak_rss_mb} MB`)
if (cold) console.log(`  one report from a cold process, ${cold.countries} countries: median ${cold.median_seconds} s, slowest ${cold.max_seconds} s (${cold.slowest}); target under 0.5 s`)
console.log(`  in this process, first pass (every country new): ${out.in_process_reports_per_sec} reports/s; bare wink tokenisation ${out.wink_bare_reports_per_sec} reports/s; ratio ${out.ratio_in_process}${whole ? `, whole process ${out.ratio_whole_process}` : ''}`)
console.log(`  seconds per stage: ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(', ')}`)
console.log(JSON.stringify({ diverse: out }))
