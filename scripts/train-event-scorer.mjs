#!/usr/bin/env node
// npm run train:scorer [-- --dry-run] [--no-dev] [--l2 1,3,10]
// npm run train:scorer:ar: the Arabic scorer (data/models/event-scorer-ar.json) from the Arabic train split
// (bench/real/ar/cases.jsonl, given as SITREP_REAL_CASES; no dev set: it is English)
//
// Trains the event scorer (data/models/event-scorer.json): a logistic model over each coded event's features
// (src/coding/event-features.ts) that gives the chance the event is real and rightly typed. Labels come from
// the team's own codings: every event the rule coder writes on the real corpus's train split (texts from the
// cache, bench/real/README.md) and on the written dev set (../shared/bench/dev.jsonl) is paired with the gold
// exactly as the referee pairs them; right = paired with a reported gold event of the same event type.
// L2 strength and the writing threshold are chosen by 5-fold cross-validation over cases (never by the test
// split); the cross-validated scores go into the model file. Hashed features keep no phrase of any text.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readCases, caseText, root } from './real/corpus.mjs'

const args = process.argv.slice(2)
const flag = (f) => args.includes(f)
const l2s = (args[args.indexOf('--l2') + 1] && flag('--l2') ? args[args.indexOf('--l2') + 1] : '0.3,1,3,10,30').split(',').map(Number)
const lang = flag('--lang') ? args[args.indexOf('--lang') + 1] : 'en'
const modelName = lang === 'en' ? 'event-scorer' : `event-scorer-${lang}`
const { makeCoder } = await import(join(root, 'dist/pipeline.js'))
const { loadDetector } = await import(join(root, 'dist/lang/detect.js'))
await loadDetector()
const { match } = await import(join(root, 'dist/eval/score.js'))
const shared = process.env.SITREP_SHARED ?? join(root, '../shared/')

// 1. the labelled events
const cases = []
for (const c of readCases().filter((x) => x.split === 'train' && Array.isArray(x.events))) {
  const text = caseText(c)
  if (text !== null) cases.push({ id: c.id, source: 'real', input: { id: c.id, text, url: c.url, published: c.published ?? undefined }, gold: c.events })
}
const realCount = cases.length
const devPath = join(shared, 'bench/dev.jsonl')
if (lang === 'en' && !flag('--no-dev') && existsSync(devPath)) {
  for (const l of readFileSync(devPath, 'utf8').split('\n').filter(Boolean)) {
    const c = JSON.parse(l)
    cases.push({ id: c.id, source: 'dev', input: { id: c.id, text: c.text, title: c.title, published: c.published }, gold: c.events })
  }
}
if (realCount === 0) { console.error('no train texts in the cache: run npm run real:missing (bench/real/README.md)'); process.exit(1) }
const code = makeCoder({ scorer: null, keepFeatures: true })
const rows = [] // {case, named, hashed, y}
const missedGold = new Map() // case index -> reported gold events no candidate can reach
cases.forEach((c, ci) => {
  const d = code(c.input)
  const sys = d.scored.map((s) => s.event)
  const pairs = match(c.gold, sys)
  const reachable = new Set()
  d.scored.forEach((s, j) => {
    if (s.event.background) return
    const i = pairs.find(([, sj]) => sj === j)?.[0]
    const g = i === undefined ? null : c.gold[i]
    const y = g && !g.background && g.event_type === s.event.event_type ? 1 : 0
    if (y) reachable.add(i)
    rows.push({ ci, named: s.features.named, hashed: [...s.features.hashed], y })
  })
  missedGold.set(ci, c.gold.filter((g, i) => !g.background && !reachable.has(i)).length)
})
const buckets = 4096
const names = [...new Set(rows.flatMap((r) => Object.keys(r.named)))].sort()
const index = new Map(names.map((n, i) => [n, i]))
const dim = names.length + buckets
const vec = (r) => {
  const v = new Map()
  for (const [k, x] of Object.entries(r.named)) v.set(index.get(k), x)
  for (const [k, x] of r.hashed) v.set(names.length + k, (v.get(names.length + k) ?? 0) + x)
  return [...v]
}
const X = rows.map(vec), Y = rows.map((r) => r.y)
console.log(`${cases.length} cases (${realCount} real train, ${cases.length - realCount} dev): ${rows.length} reported events written by the rules, ${Y.filter(Boolean).length} right; ${[...missedGold.values()].reduce((a, b) => a + b, 0)} gold events no written event reaches`)

// 2. logistic regression, L2 (the bias unpenalised), full-batch gradient descent with Adam
function fit(idx, l2, hashedOn = true) {
  const w = new Float64Array(dim)
  const m = new Float64Array(dim), v = new Float64Array(dim)
  const bias = index.get('bias')
  const lr = 0.05, b1 = 0.9, b2 = 0.999
  for (let t = 1; t <= 400; t++) {
    const g = new Float64Array(dim)
    for (const i of idx) {
      let z = 0
      for (const [k, x] of X[i]) if (hashedOn || k < names.length) z += w[k] * x
      const p = 1 / (1 + Math.exp(-z))
      for (const [k, x] of X[i]) if (hashedOn || k < names.length) g[k] += (p - Y[i]) * x
    }
    for (let k = 0; k < dim; k++) {
      const gk = g[k] / idx.length + (k === bias ? 0 : (l2 / idx.length) * w[k])
      if (gk === 0 && w[k] === 0) continue
      m[k] = b1 * m[k] + (1 - b1) * gk
      v[k] = b2 * v[k] + (1 - b2) * gk * gk
      w[k] -= (lr * (m[k] / (1 - b1 ** t))) / (Math.sqrt(v[k] / (1 - b2 ** t)) + 1e-8)
    }
  }
  return w
}
const prob = (w, x, hashedOn = true) => { let z = 0; for (const [k, v] of x) if (hashedOn || k < names.length) z += w[k] * v; return 1 / (1 + Math.exp(-z)) }

// 3. cross-validation by case: probabilities for every event from a model that never saw its case
const folds = 5
const foldOf = (ci) => ci % folds
function crossValidate(l2, hashedOn) {
  const p = new Array(rows.length)
  for (let f = 0; f < folds; f++) {
    const trainIdx = rows.map((r, i) => i).filter((i) => foldOf(rows[i].ci) !== f)
    const w = fit(trainIdx, l2, hashedOn)
    rows.forEach((r, i) => { if (foldOf(r.ci) === f) p[i] = prob(w, X[i], hashedOn) })
  }
  return p
}
const goldReported = cases.reduce((a, c) => a + c.gold.filter((g) => !g.background).length, 0)
function atThreshold(p, th) {
  let tp = 0, fp = 0
  p.forEach((x, i) => { if (x >= th) { if (Y[i]) tp++; else fp++ } })
  const P = tp / Math.max(1, tp + fp), R = tp / Math.max(1, goldReported)
  return { th, tp, fp, P, R, F1: P + R ? (2 * P * R) / (P + R) : 0 }
}
function ece(p) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, c: 0, y: 0 }))
  p.forEach((x, i) => { const b = bins[Math.min(9, Math.floor(x * 10))]; b.n++; b.c += x; b.y += Y[i] })
  return bins.reduce((a, b) => a + (b.n ? (b.n / p.length) * Math.abs(b.y / b.n - b.c / b.n) : 0), 0)
}
const logLoss = (p) => -p.reduce((a, x, i) => a + (Y[i] ? Math.log(Math.max(1e-9, x)) : Math.log(Math.max(1e-9, 1 - x))), 0) / p.length
const rulesOnly = atThreshold(rows.map(() => 1), 0.5)
console.log(`rules alone (every written event kept): P ${rulesOnly.P.toFixed(3)} R ${rulesOnly.R.toFixed(3)} F1 ${rulesOnly.F1.toFixed(3)}`)
let best = null
for (const hashedOn of [false, true]) for (const l2 of l2s) {
  const p = crossValidate(l2, hashedOn)
  const ths = [...Array(17).keys()].map((k) => 0.1 + k * 0.05)
  const top = ths.map((th) => atThreshold(p, th)).sort((a, b) => b.F1 - a.F1)[0]
  const row = { hashedOn, l2, logLoss: logLoss(p), ece: ece(p), ...top }
  console.log(`${hashedOn ? 'named+hashed' : 'named only  '} l2 ${String(l2).padEnd(4)} log-loss ${row.logLoss.toFixed(3)} ECE ${row.ece.toFixed(3)} | best threshold ${top.th.toFixed(2)}: P ${top.P.toFixed(3)} R ${top.R.toFixed(3)} F1 ${top.F1.toFixed(3)}`)
  if (!best || row.logLoss < best.logLoss) best = row
}
console.log(`chosen by cross-validated log-loss: ${best.hashedOn ? 'named+hashed' : 'named only'}, l2 ${best.l2}, threshold ${best.th.toFixed(2)}`)
if (flag('--dry-run')) process.exit(0)

// 4. the final model on every labelled event
const w = fit(rows.map((_, i) => i), best.l2, best.hashedOn)
const round = (x) => Math.round(x * 1e4) / 1e4
const model = {
  about: 'Event scorer: logistic regression over the features of src/coding/event-features.ts; its output is the chance that a coded event is real and rightly typed (calibrated on the train split). Trained by scripts/train-event-scorer.mjs on the team\'s own labels; hashed word features store no phrase. Events below the threshold are not written.',
  trained: {
    on: `${realCount} real train cases (${lang === 'en' ? 'bench/real/cases.jsonl' : `bench/real/${lang}/cases.jsonl`}, split train)${lang === 'en' ? ` and ${cases.length - realCount} written dev cases` : ''}`,
    events: rows.length, right: Y.filter(Boolean).length, features: best.hashedOn ? 'named+hashed' : 'named only', l2: best.l2,
    cross_validation: { folds, log_loss: round(best.logLoss), ece: round(best.ece), threshold: best.th, precision: round(best.P), recall: round(best.R), f1: round(best.F1) },
    rules_alone: { precision: round(rulesOnly.P), recall: round(rulesOnly.R), f1: round(rulesOnly.F1) },
  },
  buckets,
  named: Object.fromEntries(names.map((n, i) => [n, round(w[i])]).filter(([, x]) => x !== 0)),
  hashed: best.hashedOn ? [...Array(buckets).keys()].map((k) => [k, round(w[names.length + k])]).filter(([, x]) => x !== 0) : [],
  threshold: Math.round(best.th * 100) / 100,
}
const out = join(root, `data/models/${modelName}.json`)
writeFileSync(out, JSON.stringify(model, null, 1) + '\n')
console.log(`wrote ${out}`)
