#!/usr/bin/env node
// Measures place resolution on UCDP's Syrian place names (a test set, never a gazetteer source):
// given the name as UCDP wrote it and its province, is the resolved point within 25 km of UCDP's?
// Run after `npx tsc -p tsconfig.build.json`.
//   node scripts/eval-geo.mjs [--shared ../shared] [--misses 40] [--split train|test]
// --misses only with --split train.
import { existsSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const WITHIN_KM = 25
const TARGET = 0.9

function args(argv) {
  const o = { shared: resolve(ROOT, '..', 'shared'), misses: 0, split: null }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--shared') o.shared = resolve(argv[++i])
    else if (argv[i] === '--misses') o.misses = Number(argv[++i])
    else if (argv[i] === '--split') o.split = argv[++i]
  }
  return o
}

// UCDP writes "Homs Governorate" and "Ar Rastan district"; the resolver's alias matching takes them as they are.
function province(adm1) {
  return adm1 && adm1 !== 'NA' ? adm1 : undefined
}

// Half the places (by a hash of the name) are for looking at misses, the other half only for the number:
// what is learnt from misses must be a pattern that carries over, not the names themselves.
function splitOf(name) {
  return createHash('sha256').update(name).digest()[0] % 2 === 0 ? 'train' : 'test'
}

async function main() {
  const o = args(process.argv.slice(2))
  const file = join(o.shared, 'gazetteer', 'ucdp_syria_places.csv')
  if (!existsSync(file)) {
    console.log(`eval-geo: ${file} is absent; nothing to measure (pass --shared DIR).`)
    return
  }
  const dist = join(ROOT, 'dist', 'geo', 'index.js')
  if (!existsSync(dist)) {
    console.log('eval-geo: dist/geo/index.js is missing; run `npx tsc -p tsconfig.build.json` first.')
    process.exitCode = 1
    return
  }
  const { loadGazetteer, resolveToponym, haversineKm, splitCsvLine: splitCsv } = await import(dist)
  const gaz = loadGazetteer()
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean)
  const header = splitCsv(lines[0])
  const col = (name) => header.indexOf(name)
  let within = 0, far = 0, unresolved = 0, total = 0, districtWithin = 0, districtFar = 0
  const misses = []
  const started = performance.now()
  for (const line of lines.slice(1)) {
    const f = splitCsv(line)
    const name = f[col('where_coordinates')]
    const lat = Number(f[col('latitude')])
    const lon = Number(f[col('longitude')])
    if (!name || !Number.isFinite(lat) || !Number.isFinite(lon)) continue
    if (o.split && splitOf(name) !== o.split) continue
    total++
    const r = resolveToponym(gaz, { name, country: 'SY', admin1: province(f[col('adm_1')]), admin2: province(f[col('adm_2')]) })
    if (r.status !== 'resolved') {
      unresolved++
      misses.push(`UNRESOLVED ${name} [${f[col('adm_1')]}] :: ${r.reasons.at(-1)}`)
      continue
    }
    const km = haversineKm(lat, lon, r.lat, r.lon)
    if (r.byDistrict) {
      // a fallback, not a resolution of the name: counted apart (it is a pin for "all places")
      if (km <= WITHIN_KM) districtWithin++
      else districtFar++
      continue
    }
    if (km <= WITHIN_KM) within++
    else { far++; misses.push(`FAR ${Math.round(km)} km ${name} [${f[col('adm_1')]}] → ${r.location} (${r.admin1})`) }
  }
  const ms = performance.now() - started
  if (o.misses > 0 && o.split !== 'train') {
    console.error('eval-geo: --misses only with --split train (the test half is for the number alone)')
    process.exitCode = 1
    return
  }
  if (o.misses > 0) console.log(misses.slice(0, o.misses).join('\n'))
  const resolved = within + far
  const share = resolved > 0 ? within / resolved : 0
  const district = districtWithin + districtFar
  const pct = (x) => Math.round(x * 1000) / 10
  const result = {
    places: total,
    resolved: pct(resolved / total),
    resolvedWithin25km: pct(share),
    allWithin25km: pct((within + districtWithin) / total),
    resolvedFarther: pct(far / total),
    districtFallback: pct(district / total),
    districtWithin25km: pct(district > 0 ? districtWithin / district : 0),
    unresolved: pct(unresolved / total),
    msPerPlace: Math.round((ms / total) * 100) / 100,
    target: TARGET * 100,
  }
  // The target is on the pins placed: an unresolved place is reported as such, never pinned wrong.
  console.log(`resolved places within ${WITHIN_KM} km of UCDP's point: ${result.resolvedWithin25km}% (target ≥ ${TARGET * 100}%)`)
  console.log(`all places: ${result.allWithin25km}% pinned within ${WITHIN_KM} km (target ≥ 80%); ${pct(resolved / total)}% resolved by name (${result.resolvedFarther}% farther), ${result.districtFallback}% pinned at their district's seat (precision 2; ${result.districtWithin25km}% of those within ${WITHIN_KM} km), ${result.unresolved}% unresolved`)
  console.log(JSON.stringify(result))
}

main().catch((e) => { console.error(e); process.exit(1) })
