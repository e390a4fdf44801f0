import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { storeConformance } from './store-conformance.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'))
let n = 0
storeConformance('SQLite', () => SqliteStore.open(join(dir, `s${n++}.db`)))
