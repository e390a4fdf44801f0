// The real corpus: pointers and codings are committed (bench/real/cases.jsonl); the texts belong to their
// publishers and live only in a cache outside the work tree, rebuilt from the `pages` search corpus.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const casesPath = process.env.SITREP_REAL_CASES ?? join(root, 'bench/real/cases.jsonl')
/** ~/.cache/sitrep/real: outlives the work tree, so a fresh checkout on the same machine keeps the texts */
export const cacheDir = process.env.SITREP_REAL_CACHE ?? join(homedir(), '.cache/sitrep/real')
export const textsDir = join(cacheDir, 'texts')
export const poolPath = join(cacheDir, 'pool.jsonl')

export const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest('hex')

export function readJsonl(path) {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try { return JSON.parse(l) } catch { throw new Error(`${path}:${i + 1}: not JSON`) }
  })
}

export const readCases = () => readJsonl(casesPath)

/** The page a case points at: its own text, or (for a short input cut from a page) the whole page. */
export const pageSha = (c) => c.from?.page_sha256 ?? c.text_sha256

export function pageText(sha) {
  const p = join(textsDir, `${sha}.txt`)
  return existsSync(p) ? readFileSync(p, 'utf8') : null
}

/**
 * A case's text, checked against its sha256; null when the page is not rebuilt yet.
 * A short input is a character range [start, end) of its page (a lead sentence or paragraph).
 */
export function caseText(c) {
  const page = pageText(pageSha(c))
  if (page === null) return null
  const text = c.from ? page.slice(c.from.start, c.from.end) : page
  if (sha256(text) !== c.text_sha256) throw new Error(`${c.id}: the rebuilt text does not match its text_sha256`)
  return text
}
