#!/usr/bin/env node
// Run by `npm install` (prepare, after tsc): writes data/gazetteer/gazetteer.db from the committed
// gazetteer files unless it is already up to date. --force rebuilds it. See scripts/gazetteer/write-db.mjs.
import { fileURLToPath } from 'node:url'
import { writeGazetteerDb, gazetteerDbFresh } from './gazetteer/write-db.mjs'

const dir = fileURLToPath(new URL('../data/gazetteer/', import.meta.url))
if (!process.argv.includes('--force') && gazetteerDbFresh(dir)) {
  console.error('gazetteer.db is up to date')
  process.exit(0)
}
const t0 = Date.now()
const r = writeGazetteerDb(dir, { log: (m) => console.error(`gazetteer.db: ${m}`) })
console.error(`gazetteer.db: ${r.places} places written in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${(r.bytes / 1048576).toFixed(0)} MB${r.refused ? `; ${r.refused} row(s) refused` : ''}`)
