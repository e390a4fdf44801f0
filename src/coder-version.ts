import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_DATA_DIR } from './data/load.js'

export const PACKAGE_VERSION = '0.1.0'
export const GAZETTEER_TABLES = ['acled-names.json', 'admin1-aliases.json', 'admin1-names-ar.json', 'country-names.json']

const cached = new Map<string, string>()
/**
 * Names the coder that coded a report: the package version and a hash of the rule and dictionary
 * files, so `sitrep recode` can tell which stored reports an improved coder would code differently.
 */
export function coderVersion(dir = DEFAULT_DATA_DIR): string {
  const known = cached.get(dir)
  if (known) return known
  const h = createHash('sha256')
  // the language packs (data/lang/<lang>/), place rules and model weights code reports too: a change there is a new coder
  const add = (d: string, name: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) add(p, `${name}/${f}`)
      else h.update(`${name}/${f}`).update(readFileSync(p))
    }
  }
  for (const sub of ['rules', 'actors', 'lang', 'geo', 'models']) add(join(dir, sub), sub)
  // the gazetteer's own tables of names (province names in Arabic, ACLED's spellings) place events too
  for (const f of GAZETTEER_TABLES) h.update(f).update(readFileSync(join(dir, 'gazetteer', f)))
  h.update(JSON.parse(readFileSync(join(dir, 'gazetteer/index.json'), 'utf8')).built ?? '')
  const version = `${PACKAGE_VERSION}+${h.digest('hex').slice(0, 12)}`
  cached.set(dir, version)
  return version
}
