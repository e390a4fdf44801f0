// Coding throughput and peak memory on the real corpus's pages (bench/real: furniture and all), when their
// texts are in the cache (bench/real/README.md); each page is coded as it is stored, with the learned scorer.
// Run by npm run bench; alone: node --expose-gc scripts/bench-real.mjs
import { makeCoder } from '../dist/pipeline.js'
import { readCases, caseText, cacheDir } from './real/corpus.mjs'

const texts = []
for (const c of readCases()) {
  let t = null
  try { t = caseText(c) } catch { /* a text that fails its sha256 is not benchmarked */ }
  if (t !== null) texts.push({ id: c.id, text: t, published: c.published ?? undefined, url: c.url })
}
if (texts.length === 0) {
  console.log(`bench-real skipped: no real texts in ${cacheDir} (npm run real:missing, bench/real/README.md)`)
  process.exit(0)
}
const N = Number(process.env.BENCH_REAL_REPORTS ?? 2000)
const corpus = Array.from({ length: N }, (_, i) => texts[i % texts.length])
const chars = corpus.reduce((a, c) => a + c.text.length, 0)
let peak = 0
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss) }
const timer = setInterval(sample, 20)
const coder = makeCoder()
for (const c of texts) coder(c) // warm-up: the gazetteer countries the pages need
let events = 0
const t0 = performance.now()
for (const c of corpus) events += coder(c).events.length
const secs = (performance.now() - t0) / 1000
clearInterval(timer)
sample()
const out = { reports: N, distinct_pages: texts.length, mean_chars: Math.round(chars / N), events, seconds: +secs.toFixed(2), reports_per_sec: +(N / secs).toFixed(1), peak_rss_mb: +(peak / 1048576).toFixed(1) }
console.log(`real pages: ${out.reports_per_sec} reports/s on one core (${N} reports from ${texts.length} pages, mean ${out.mean_chars} characters, ${events} events in ${out.seconds} s), peak RSS ${out.peak_rss_mb} MB`)
console.log(JSON.stringify({ real: out }))
