// npm run bench: coding throughput and peak memory on a corpus of >= 2,000 reports, against bare
// wink-nlp tokenisation of the same texts (the ratio is the coder's cost over the tokenizer's).
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { execFileSync } from 'node:child_process'
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { makeCoder } from '../dist/pipeline.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const dev = new URL('../../shared/bench/dev.jsonl', import.meta.url)
const source = existsSync(dev) ? dev : new URL('../examples/reports.jsonl', import.meta.url)
const base = readFileSync(source, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
const N = Number(process.env.BENCH_REPORTS ?? 2000)
const corpus = Array.from({ length: N }, (_, i) => base[i % base.length])
const chars = corpus.reduce((a, c) => a + c.text.length, 0)
console.log(`corpus: ${N} reports (${source.pathname.endsWith('dev.jsonl') ? 'dev set' : 'bundled examples'} repeated), ${(chars / 1e6).toFixed(2)} M characters`)

let peak = 0
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss) }
const timer = setInterval(sample, 20)

// bare tokenisation: wink-nlp with no pipeline beyond its tokenizer
function tokenRate(pipe) {
  const nlp = winkNLP(model, pipe)
  let tokens = 0
  const t0 = performance.now()
  for (const c of corpus) tokens += nlp.readDoc(c.text).tokens().length()
  const s = (performance.now() - t0) / 1000
  return { reportsPerSec: N / s, tokensPerSec: tokens / s }
}
const bare = tokenRate([])
const winkDefault = tokenRate(undefined)

const timings = new Map()
const coder = makeCoder({ timings })
for (const c of base) coder({ id: c.id, text: c.text, published: c.published }) // warm-up: loads the gazetteer countries the corpus needs (load times are reported by bench-geo)
timings.clear()
let events = 0
const t0 = performance.now()
for (const c of corpus) events += coder({ id: c.id, text: c.text, published: c.published, title: c.title }).events.length
const secs = (performance.now() - t0) / 1000
clearInterval(timer)
sample()
const rate = N / secs

const out = {
  reports: N, events, seconds: +secs.toFixed(2), reports_per_sec: +rate.toFixed(1),
  peak_rss_mb: +(peak / 1048576).toFixed(1),
  wink_bare_reports_per_sec: +bare.reportsPerSec.toFixed(1), wink_bare_tokens_per_sec: Math.round(bare.tokensPerSec),
  ratio_to_bare_tokenisation: +(rate / bare.reportsPerSec).toFixed(3),
  wink_default_pipeline_reports_per_sec: +winkDefault.reportsPerSec.toFixed(1),
  ratio_to_wink_default_pipeline: +(rate / winkDefault.reportsPerSec).toFixed(3),
}
console.log(`coder: ${out.reports_per_sec} reports/s on one core (${events} events in ${out.seconds} s), peak RSS ${out.peak_rss_mb} MB`)
console.log(`wink-nlp bare tokenisation: ${out.wink_bare_reports_per_sec} reports/s (${out.wink_bare_tokens_per_sec} tokens/s); ratio ${out.ratio_to_bare_tokenisation}`)
console.log(`wink-nlp default pipeline (sentences, POS, entities): ${out.wink_default_pipeline_reports_per_sec} reports/s; ratio ${out.ratio_to_wink_default_pipeline}`)
const stages = Object.fromEntries([...timings].map(([k, v]) => [k, +(v / 1000).toFixed(2)]))
console.log(`seconds per stage: ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(', ')}`)
console.log(JSON.stringify({ coder: { ...out, stage_seconds: stages } }))

// the whole world at once: 2,000 reports over 90 countries, whole process and against bare tokenisation
execFileSync(process.execPath, [fileURLToPath(new URL('./bench-diverse.mjs', import.meta.url))], { stdio: 'inherit', cwd: root })

// the same coder on real pages as stored on the web (bench/real), when their texts are cached
execFileSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./bench-real.mjs', import.meta.url))], { stdio: 'inherit', cwd: root })

// Arabic (issue 15): throughput on one core, and the language detector's accuracy and speed
execFileSync(process.execPath, [fileURLToPath(new URL('./bench-arabic.mjs', import.meta.url))], { stdio: 'inherit', cwd: root })

const geo = new URL('./bench-geo.mjs', import.meta.url)
if (existsSync(geo)) execFileSync(process.execPath, ['--expose-gc', fileURLToPath(geo)], { stdio: 'inherit', cwd: root })

// the store: ingest with merging (10,000 to 100,000 reports) and queries over 1,000,000 events;
// BENCH_REPORTS and BENCH_EVENTS make it smaller for a quick look
const storeBench = new URL('./bench-store.mjs', import.meta.url)
execFileSync(process.execPath, [fileURLToPath(storeBench), '--reports', process.env.BENCH_REPORTS ?? '100000', '--events', process.env.BENCH_EVENTS ?? '1000000'], { stdio: 'inherit', cwd: root })

// the API over the 1,000,000-event store just built, the dashboard's first render of 100,000 events in
// Chromium, and (with DATABASE_URL) PostgreSQL with 1, 2 and 4 workers
for (const script of ['bench-api.mjs', 'bench-web.mjs', 'bench-pg.mjs']) {
  execFileSync(process.execPath, [fileURLToPath(new URL(`./${script}`, import.meta.url))], { stdio: 'inherit', cwd: root })
}
