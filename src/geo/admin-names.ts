import { normalizePlaceName } from './normalize.js'

/**
 * Words that say "this is a province" without being part of its name: "Anbar Province",
 * "Borno State", "Muhafazat Karbala'". Not "City" or "Territory": Kyiv City and Kiev oblast
 * are two admin1 units, and so would collide.
 */
export const ADMIN_WORDS: ReadonlySet<string> = new Set([
  'province', 'provincia', 'governorate', 'state', 'region', 'regional', 'division', 'department',
  'departement', 'oblast', 'oblast\'', 'prefecture', 'muhafazat', 'muhafazah', 'mohafazat', 'wilayah',
  'wilayat', 'vilayet', 'ostan', 'county', 'the', 'of',
])

const PARENTHESES = /\s*\([^)]*\)\s*/g
const WORD_SPLIT = /[\s\-]+/

/** "Homs (Hims)" → "Homs"; "Anbar Province" → "Anbar"; "Province of Cabo Delgado" → "Cabo Delgado" */
export function stripAdminWords(name: string): string {
  const noParens = name.replace(PARENTHESES, ' ').trim()
  const words = noParens.split(WORD_SPLIT).filter((w) => w.length > 0)
  const kept = words.filter((w) => !ADMIN_WORDS.has(w.toLowerCase()))
  return (kept.length > 0 ? kept : words).join(' ')
}

/** The key admin1 names are compared by: admin1Key("Al-Anbar Governorate") === admin1Key("Anbar") */
export function admin1Key(name: string): string {
  return normalizePlaceName(stripAdminWords(name))
}

/** Names inside parentheses: "Hasaka (Al Haksa)" → ["Al Haksa"] */
export function parentheticalNames(name: string): string[] {
  return [...name.matchAll(/\(([^)]+)\)/g)].map((m) => (m[1] ?? '').trim()).filter((s) => s.length > 0)
}

const LEADING_ARTICLE = /^(?:al|el|ad|ar|as|an|at|az|ash|adh|ath)[-\s]+/i
const SUFFIXES = ['Province', 'Governorate', 'State', 'Region'] as const

/**
 * Generic spellings of an admin1 name that reports use: with and without article, with a
 * "Province"/"Governorate"/"State"/"Region" suffix, and the names inside parentheses.
 * admin1Variants("Al-Anbar") includes "Anbar", "Al Anbar", "Anbar Province", "Al-Anbar Governorate".
 */
export function admin1Variants(name: string): string[] {
  const bases = new Set<string>()
  const core = stripAdminWords(name)
  for (const b of [name, core, ...parentheticalNames(name)]) {
    bases.add(b)
    const bare = b.replace(LEADING_ARTICLE, '')
    bases.add(bare)
    // "Al-Anbar" → "Al Anbar": one spelling per separator; keys ignore articles anyway.
    if (bare !== b) bases.add('Al ' + bare)
  }
  const out = new Set<string>(bases)
  for (const b of [core, core.replace(LEADING_ARTICLE, '')]) for (const s of SUFFIXES) out.add(`${b} ${s}`)
  out.delete('')
  return [...out]
}
