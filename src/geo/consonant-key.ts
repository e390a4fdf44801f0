import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { foldAscii, isArabicScript } from './normalize.js'

type ClassTable = {
  latin_digraphs: Record<string, [string, string]>
  latin: Record<string, [string, string]>
  arabic: Record<string, [string, string]>
  drop_words: { words: string[] }
}

/** data/geo/consonant-classes.json: the built gazetteer database is stamped with it. */
export function consonantClassesFile(): string {
  return fileURLToPath(new URL('../../data/geo/consonant-classes.json', import.meta.url))
}

let table: { digraphs: Map<string, string>; latin: Map<string, string>; arabic: Map<string, string>; drop: Set<string> } | undefined
function rules() {
  if (!table) {
    const file = consonantClassesFile()
    const t = JSON.parse(readFileSync(file, 'utf8')) as ClassTable
    const map = (r: Record<string, [string, string]>) => new Map(Object.entries(r).map(([k, v]) => [k, v[0]]))
    table = { digraphs: map(t.latin_digraphs), latin: map(t.latin), arabic: map(t.arabic), drop: new Set(t.drop_words.words) }
  }
  return table
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w'])
const ARABIC_ARTICLE = 'ال'
const ARABIC_WORD_END_H = new Set(['ه', 'ة'])

function latinWordKey(word: string): string {
  const r = rules()
  let out = ''
  let last = '' // a doubled letter counts once; the same letter again after a vowel counts again (Tamim)
  for (let i = 0; i < word.length; i++) {
    const c = word[i] as string
    const two = word.slice(i, i + 2)
    let m: string | undefined
    if (r.digraphs.has(two)) { m = r.digraphs.get(two); i++ }
    // ta marbuta: a final h after a vowel is not a consonant ("Hezzeh", "Tayhah")
    else if (c === 'h' && i === word.length - 1 && i > 0 && VOWELS.has(word[i - 1] as string)) m = ''
    else m = r.latin.get(c) ?? ''
    if (m && m !== last) out += m
    last = m ?? ''
  }
  return out
}

function arabicWordKey(word: string): string {
  const r = rules()
  const w = word.startsWith(ARABIC_ARTICLE) && word.length > 3 ? word.slice(2) : word
  let out = ''
  let last = ''
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string
    if (i === w.length - 1 && ARABIC_WORD_END_H.has(c)) continue
    const m = r.arabic.get(c) ?? ''
    if (m && m !== last) out += m
    last = m
  }
  return out
}

/**
 * Consonant classes of a name in Latin or Arabic script; '' when nothing is left.
 * consonantKey("Ein Laroz") === consonantKey("عين لاروز") // "N LRS"
 */
export function consonantKey(name: string): string {
  const r = rules()
  const arabic = isArabicScript(name)
  const words = (arabic ? name : foldAscii(name).replace(/['’‘`ʿʾʼ]/g, '')).split(/[\s\-_.,()/]+/).filter((w) => w.length > 0)
  const keys: string[] = []
  for (const w of words) {
    if (r.drop.has(w)) continue
    const k = (arabic ? arabicWordKey(w) : latinWordKey(w)) + (nisba(w, arabic) ? 'Y' : '')
    if (k.length > 0) keys.push(k)
  }
  return keys.join(' ')
}

// The adjective ending -iyah / ـية makes another place of the same root: Faysal is not Faysaliyah.
const LATIN_NISBA = /(?:iy|iyy|y|i)(?:a|ah|e|eh|eah)$|ie$/
const ARABIC_NISBA = /يه?$|ية$/
function nisba(word: string, arabic: boolean): boolean {
  return arabic ? word.length > 3 && ARABIC_NISBA.test(word) && /ي[ةه]$|ية$/.test(word) : word.length > 4 && LATIN_NISBA.test(word)
}

/** Keys with fewer classes name too many villages of a province to be worth indexing or trusting. */
export const MIN_CONSONANTS = 3

/** Consonant classes in a key, word breaks aside: the length that says how telling a key is. */
export function consonantCount(key: string): number {
  return key.replace(/[ Y]/g, '').length
}
