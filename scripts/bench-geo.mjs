#!/usr/bin/env node
// Gazetteer speed and memory: index load, big-country load, lookups per second, heap taken.
// Run after `npx tsc -p tsconfig.build.json`; `node --expose-gc scripts/bench-geo.mjs` gives
// steadier heap figures. The last line is JSON.
import { existsSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const MIN_NAMES = 20000

function heapMb() {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed / 1e6
}

function timed(fn) {
  const t = performance.now()
  const value = fn()
  return { ms: Math.round((performance.now() - t) * 10) / 10, value }
}

/** Names to look up: every primary name in the committed files of these countries. */
function sampleNames(dir, isos) {
  const out = []
  for (const iso of isos) {
    const text = gunzipSync(readFileSync(join(dir, 'places', `${iso}.tsv.gz`))).toString('utf8')
    for (const line of text.split('\n')) {
      const name = line.split('\t', 2)[1]
      if (name) out.push({ name, country: iso })
    }
  }
  return out
}

async function main() {
  const dist = join(ROOT, 'dist', 'geo', 'index.js')
  if (!existsSync(dist)) {
    console.error('bench-geo: run `npx tsc -p tsconfig.build.json` first.')
    process.exit(2)
  }
  const { loadGazetteer, resolveToponym, defaultGazetteerDir } = await import(dist)
  const before = heapMb()
  const index = timed(() => loadGazetteer())
  const gaz = index.value
  const afterIndex = heapMb()
  const pk = timed(() => gaz.lookup('Peshawar', { country: 'PK' }))
  const iq = timed(() => gaz.lookup('Ramadi', { country: 'IQ' }))
  const sy = timed(() => gaz.lookup('Idlib', { country: 'SY' }))
  const afterCountries = heapMb()
  const names = sampleNames(defaultGazetteerDir(), ['IQ', 'SY'])
  while (names.length < MIN_NAMES) names.push(...names.slice(0, MIN_NAMES - names.length))
  const lookups = timed(() => { let n = 0; for (const q of names) n += gaz.lookup(q.name, { country: q.country }).length; return n })
  const resolveSample = names.slice(0, 5000)
  const resolves = timed(() => { let n = 0; for (const q of resolveSample) if (resolveToponym(gaz, q).status === 'resolved') n++; return n })
  const world = timed(() => gaz.lookup('Husaybah'))
  const result = {
    indexLoadMs: index.ms,
    countryLoadMs: { PK: pk.ms, IQ: iq.ms, SY: sy.ms },
    lookups: names.length,
    lookupsPerSecond: Math.round(names.length / (lookups.ms / 1000)),
    resolvesPerSecond: Math.round(resolveSample.length / (resolves.ms / 1000)),
    firstWorldLookupMs: world.ms,
    heapMb: {
      index: Math.round(afterIndex - before),
      indexPlusPkIqSy: Math.round(afterCountries - before),
      total: Math.round(heapMb() - before),
    },
    loadedCountries: gaz.stats().loadedCountries.length,
  }
  console.log(`index ${result.indexLoadMs} ms; PK ${pk.ms} ms, IQ ${iq.ms} ms; ${result.lookupsPerSecond} lookups/s (target ≥ 20000); ${result.resolvesPerSecond} resolves/s; heap ${result.heapMb.indexPlusPkIqSy} MB for index + PK, IQ, SY`)
  console.log(JSON.stringify(result))
}

main().catch((e) => { console.error(e); process.exit(1) })
