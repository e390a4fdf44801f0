// Arabic throughput (issue 15, target ≥ 300 reports/s on one core): the Arabic real corpus's pages when their
// texts are in the cache (bench/real/README.md), else invented Arabic reports, repeated to 2,000 reports.
// Run by npm run bench; alone: node scripts/bench-arabic.mjs
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { homedir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { makeCoder } from '../dist/pipeline.js'
import { loadDetector, detectLanguage } from '../dist/lang/detect.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const N = Number(process.env.BENCH_ARABIC_REPORTS ?? 2000)
const cache = process.env.SITREP_REAL_CACHE ?? join(homedir(), '.cache/sitrep/real')
const cases = readFileSync(join(root, 'bench/real/ar/cases.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
let texts = cases.map((c) => join(cache, 'texts', `${c.text_sha256}.txt`)).filter(existsSync).map((p) => readFileSync(p, 'utf8'))
const source = texts.length ? `${texts.length} Arabic real pages` : 'invented Arabic reports'
if (!texts.length) {
  texts = [
    'قتل ثلاثة جنود عراقيين في هجوم شنه مسلحون من تنظيم داعش على حاجز للجيش قرب الرمادي فجر اليوم، بحسب مصدر أمني.',
    'فرقت قوات الأمن المتظاهرين بالغاز المسيل للدموع في الناصرية بعد أن أغلقوا الطريق الرئيسي.',
    'قصفت قوات الدعم السريع أحياء مدينة الفاشر ما أدى إلى مقتل خمسة مدنيين وإصابة آخرين.',
    'ارتفعت أسعار النفط في الأسواق العالمية خلال تعاملات اليوم الثلاثاء.',
  ]
}
const tLoad = performance.now()
await loadDetector()
const loadMs = performance.now() - tLoad
// the detector on the invented samples of five languages (test/fixtures/lang/samples.json): accuracy and time a text
const samples = JSON.parse(readFileSync(join(root, 'test/fixtures/lang/samples.json'), 'utf8'))
const want = { ar: 'ar', fa: 'fa', ur: 'ur', ckb: 'ku', en: 'en' }
let right = 0, total = 0
const tDetect = performance.now()
for (let round = 0; round < 20; round++) {
  for (const [key, lang] of Object.entries(want)) for (const t of samples[key]) { total++; if (detectLanguage(t).lang === lang) right++ }
}
const detectMs = (performance.now() - tDetect) / total
console.log(`language: ${(100 * right / total).toFixed(1)}% of ${total / 20} invented samples told right (ar, fa, ur, ckb, en), ${detectMs.toFixed(3)} ms a text; detector loaded in ${loadMs.toFixed(0)} ms`)
const coder = makeCoder()
const reports = Array.from({ length: N }, (_, i) => ({ id: `ar-${i}`, text: texts[i % texts.length], published: '2023-06-10' }))
coder({ id: 'warm-up', text: 'قتل جنديان في هجوم قرب الموصل.', published: '2023-06-10' }) // the Arabic stages are built on the first Arabic report
// a stream of new pages: half the pages warm the code up, the other half are each coded once
const half = Math.floor(texts.length / 2)
for (const t of texts.slice(0, half)) coder({ id: 'warm', text: t, published: '2023-06-10' })
const tFirst = performance.now()
for (const t of texts.slice(half)) coder({ id: 'first', text: t, published: '2023-06-10' })
const firstRps = Math.round((texts.length - half) / ((performance.now() - tFirst) / 1000))
console.log(`arabic: ${firstRps} reports/s on ${texts.length - half} pages seen once (after ${half} others warmed the code)`)
const t0 = performance.now()
let events = 0
for (const r of reports) events += coder(r).events?.length ?? 0
const secs = (performance.now() - t0) / 1000
const rps = Math.round(N / secs)
const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20)
console.log(`arabic: ${rps} reports/s on one core (${N} reports from ${source}, ${events} events in ${secs.toFixed(2)} s, ${rssMb} MB resident); target ≥ 300`)
console.log(JSON.stringify({ arabic: { reports: N, source, events, seconds: +secs.toFixed(2), reports_per_sec: rps, first_pass_reports_per_sec: firstRps, rss_mb: rssMb, detector: { accuracy: +(right / total).toFixed(3), ms_per_text: +detectMs.toFixed(3), load_ms: Math.round(loadMs) } } }))
