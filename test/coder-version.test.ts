import { describe, it, expect } from 'vitest'
import { cpSync, mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { coderVersion, GAZETTEER_TABLES } from '../src/coder-version.js'
import { DEFAULT_DATA_DIR } from '../src/data/load.js'

// `sitrep recode` re-codes the reports of an older coder: a change to any file that codes reports is a new coder
describe('the coder version', () => {
  function copyOfData(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-version-'))
    for (const sub of ['rules', 'actors', 'lang', 'geo', 'models']) cpSync(join(DEFAULT_DATA_DIR, sub), join(dir, sub), { recursive: true })
    mkdirSync(join(dir, 'gazetteer'))
    for (const f of ['index.json', ...GAZETTEER_TABLES]) cpSync(join(DEFAULT_DATA_DIR, 'gazetteer', f), join(dir, 'gazetteer', f))
    return dir
  }

  it('is the same for the same data, and changes with a language pack, a place rule or a model file', () => {
    const base = copyOfData()
    const same = copyOfData()
    expect(coderVersion(same)).toBe(coderVersion(base))
    for (const file of ['lang/ar/triggers.json', 'geo/consonant-classes.json', 'models/event-scorer-ar.json', 'rules/triggers.json', 'gazetteer/admin1-names-ar.json']) {
      const dir = copyOfData()
      const p = join(dir, file)
      writeFileSync(p, readFileSync(p, 'utf8') + ' ')
      expect(coderVersion(dir), file).not.toBe(coderVersion(base))
    }
  })
})
