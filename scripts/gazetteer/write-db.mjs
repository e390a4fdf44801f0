// Writes data/gazetteer/gazetteer.db from the committed gzip TSV files (data/gazetteer/places/*.tsv.gz):
// every place once, with its name keys, consonant skeletons and consonant-class keys computed here, once, instead of by every
// process on first use. The runtime reads it through better-sqlite3 (src/geo/db-places.ts): no parse, no
// in-memory index. A row the runtime could not read is refused with its reason; the count is returned.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { sourceStamp } from '../../dist/geo/db-places.js'
import { readIndexFile } from '../../dist/geo/gazetteer-index.js'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { normalizePlaceName, skeletonKey } from '../../dist/geo/normalize.js'
import { parsePlaceRow } from '../../dist/geo/place-row.js'
import { consonantCount, consonantKey, MIN_CONSONANTS } from '../../dist/geo/consonant-key.js'

export function writeGazetteerDb(dir, { log = () => {} } = {}) {
  // the runtime trusts an index.json the database's stamp covers: it is checked here, against the schema
  readIndexFile(dir)
  const file = join(dir, 'gazetteer.db'), tmp = `${file}.tmp`
  for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true })
  const db = new Database(tmp)
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE places (n INTEGER PRIMARY KEY, country TEXT NOT NULL, id TEXT NOT NULL, admin1 TEXT, population INTEGER NOT NULL, row TEXT NOT NULL);
    CREATE TABLE names (key TEXT NOT NULL, country TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, country, n)) WITHOUT ROWID;
    CREATE TABLE skeletons (skel TEXT NOT NULL, country TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (skel, country, n)) WITHOUT ROWID;
    CREATE TABLE sounds (key TEXT NOT NULL, country TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, country, n)) WITHOUT ROWID;
  `)
  const addPlace = db.prepare('INSERT INTO places (n, country, id, admin1, population, row) VALUES (?, ?, ?, ?, ?, ?)')
  const addName = db.prepare('INSERT OR IGNORE INTO names (key, country, n) VALUES (?, ?, ?)')
  const addSkel = db.prepare('INSERT OR IGNORE INTO skeletons (skel, country, n) VALUES (?, ?, ?)')
  const addSound = db.prepare('INSERT OR IGNORE INTO sounds (key, country, n) VALUES (?, ?, ?)')
  let n = 0, refused = 0
  const files = readdirSync(join(dir, 'places')).filter((f) => f.endsWith('.tsv.gz')).sort()
  const writeCountry = db.transaction((iso, lines) => {
    for (const [i, line] of lines.entries()) {
      if (!line) continue
      const row = parsePlaceRow(line)
      if (!row) { refused++; log(`${iso}: row ${i + 1} refused: ${line.split('\t')[1] ? 'unreadable coordinates' : 'empty name'}`); continue }
      n++
      addPlace.run(n, iso, row.id, row.admin1, row.population, line)
      const keys = new Set([row.name, ...row.altNames].map(normalizePlaceName).filter((k) => k.length > 0))
      for (const k of keys) {
        addName.run(k, iso, n)
        const s = skeletonKey(k)
        if (s.length > 0) addSkel.run(s, iso, n)
      }
      for (const k of new Set([row.name, ...row.altNames].map(consonantKey))) if (consonantCount(k) >= MIN_CONSONANTS) addSound.run(k, iso, n)
    }
  })
  for (const f of files) writeCountry(f.slice(0, 2), gunzipSync(readFileSync(join(dir, 'places', f))).toString('utf8').split('\n'))
  db.exec(`
    CREATE INDEX places_admin1 ON places(country, admin1);
    CREATE INDEX places_id ON places(country, id);
    CREATE INDEX places_country ON places(country, n);
  `)
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('stamp', sourceStamp(dir))
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('places', String(n))
  db.exec('ANALYZE')
  db.close()
  renameSync(tmp, file)
  return { places: n, refused, bytes: statSync(file).size }
}

export const gazetteerDbPath = (dir) => join(dir, 'gazetteer.db')
export const gazetteerDbFresh = (dir) => {
  const file = gazetteerDbPath(dir)
  if (!existsSync(file)) return false
  try {
    const db = new Database(file, { readonly: true })
    const stamp = db.prepare("SELECT value FROM meta WHERE key = 'stamp'").pluck().get()
    db.close()
    return stamp === sourceStamp(dir)
  } catch { return false }
}
