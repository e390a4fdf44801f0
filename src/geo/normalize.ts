import { ARTICLES, CYRILLIC_TO_LATIN, LATIN_EXTRA, TOKEN_SYNONYMS } from './transliteration-rules.js'

/** Bumped whenever the key changes: files built with another version must not trust stored keys. */
export const NORMALIZER_VERSION = 1

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const CYRILLIC_SCRIPT = /[\u0400-\u04FF]/
const COMBINING_MARKS = /[\u0300-\u036f]/g
// Apostrophes, ayn and hamza signs vanish rather than split: "Dar'a" and "Daraa" are one word.
const APOSTROPHES = /['’‘`ʿʾʼʻ´′"]/g
const NON_ASCII = /[^\x00-\x7f]/g
const HAS_NON_ASCII = /[^\x00-\x7f]/

/** "Qamişlı" → "qamisli": lowercase ASCII without diacritics. */
export function foldAscii(s: string): string {
  const lower = s.toLowerCase()
  if (!HAS_NON_ASCII.test(lower)) return lower
  const decomposed = lower.normalize('NFKD').replace(COMBINING_MARKS, '')
  return decomposed.replace(NON_ASCII, (ch) => LATIN_EXTRA[ch] ?? ch)
}

/** "Ḩadīthah" → "Hadithah": diacritics gone, case kept (for displayable ASCII variants). */
export function foldDiacritics(s: string): string {
  if (!HAS_NON_ASCII.test(s)) return s
  const decomposed = s.normalize('NFKD').replace(COMBINING_MARKS, '')
  return decomposed.replace(NON_ASCII, (ch) => LATIN_EXTRA[ch.toLowerCase()] ?? ch)
}

/** "Артемівськ" → "artemivsk" */
export function transliterateCyrillic(s: string): string {
  let out = ''
  for (const ch of s) {
    const lower = ch.toLowerCase()
    const mapped = CYRILLIC_TO_LATIN[lower]
    out += mapped === undefined ? ch : mapped
  }
  return out
}

/** True for names written in Arabic script (Arabic, Persian, Urdu, Pashto letters). */
export function isArabicScript(s: string): boolean {
  return ARABIC_SCRIPT.test(s)
}

/**
 * Transliteration-tolerant key of a place name.
 * normalizePlaceName("Deir ez-Zor") === normalizePlaceName("Dayr az Zawr") // "dirzur"
 */
export function normalizePlaceName(s: string): string {
  if (isArabicScript(s)) return arabicKey(s)
  const latin = CYRILLIC_SCRIPT.test(s) ? transliterateCyrillic(s) : s
  return latinKey(latin)
}

function latinKey(s: string): string {
  const folded = foldAscii(s)
  if (HAS_NON_ASCII.test(folded) && HAS_NON_ASCII.test(folded.replace(APOSTROPHES, ''))) return otherScriptKey(folded)
  const words = asciiWords(folded)
  const kept = words.filter((t) => !ARTICLES.has(t))
  // A name made only of article-like tokens ("As") is still a name.
  const parts = kept.length > 0 ? kept : words
  let key = ''
  for (const p of parts) key += letterKey(p)
  return key
}

/** Lowercase ASCII words, apostrophes dropped inside a word, synonyms applied: "dar'a" → ["dara"] */
function asciiWords(folded: string): string[] {
  const words: string[] = []
  let start = -1
  let pending = '' // the part of a word before an apostrophe
  const flush = (end: number): void => {
    const word = pending + (start === -1 ? '' : folded.slice(start, end))
    if (word.length > 0) words.push(TOKEN_SYNONYMS[word] ?? word)
    pending = ''
    start = -1
  }
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i)
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start === -1) start = i
    } else if (APOSTROPHE_CODES.has(code)) {
      if (start !== -1) pending += folded.slice(start, i)
      start = -1
    } else flush(i)
  }
  flush(folded.length)
  return words
}

const APOSTROPHE_CODES: ReadonlySet<number> = new Set([..."'’‘`ʿʾʼʻ´′\""].map((c) => c.charCodeAt(0)))

const DIGRAPH_FIRST: Readonly<Record<string, string>> = {
  k: 'k', // Khan / Kan
  g: 'g', // Ghazni / Gazni
  s: 's', // Shaykh / Saykh
  c: 's', // French "ch": Cheikh / Sheikh
  t: 't', // Thawrah / Tawra
  d: 'd', // Dhi Qar / Di Qar
  z: 'z', // Zhytomyr / Zytomyr
  p: 'f', // Phalluja / Falluja
}
const LETTER: Readonly<Record<string, string>> = {
  q: 'k', c: 'k', x: 'k', // Qamishli / Kamishly; Kurdish x = kh (Zaxo / Zakho)
  e: 'i', // Idleb / Idlib
  o: 'u', // Zor / Zur
  y: 'i', // Kamishly / Qamishli
  w: 'u', // Sweida / Suwayda (not word-initial: Wadi stays)
}

/**
 * Letter-level key of one word: digraphs and vowels reduced to one spelling, doubled letters
 * collapsed, then "au" folded (Zawr → zaur → zur; Husaybah → husaiba = Husaiba). A hand loop
 * rather than a chain of regexes because every name of a country passes here when it loads.
 */
function letterKey(word: string): string {
  let w = word
  // Final ta marbuta: Hamah / Hama, Tremseh / Tremsa
  if (w.length > 2 && w.charCodeAt(w.length - 1) === 104 && (w[w.length - 2] === 'a' || w[w.length - 2] === 'e')) {
    w = w.slice(0, -2) + 'a'
  }
  let out = ''
  let last = ''
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string
    const next = w[i + 1]
    let m: string
    if (next === 'h' && DIGRAPH_FIRST[c] !== undefined) {
      m = DIGRAPH_FIRST[c] as string
      i++
    } else if (c === 'd' && next === 'j') {
      m = 'j' // Djebel / Jebel
      i++
    } else if (c === 'w' && i === 0) {
      m = 'w'
    } else if (c === 'e' && (next === 'i' || next === 'y')) {
      m = 'a' // Deir / Dayr, Sheikh / Shaykh: "ei" is the "ay" diphthong
    } else {
      m = LETTER[c] ?? c
    }
    if (m !== last) out += m
    last = m
  }
  return foldDiphthongs(out)
}

// "ai" stays: "Qa'im" (two syllables) must not become "Kim". "au" folds (Hawran / Houran /
// Horan), and so does "ua", the trace of a consonantal w (Huwayjah / Hawija, Suwayda / Sweida).
function foldDiphthongs(s: string): string {
  if (!s.includes('au') && !s.includes('ua')) return s
  return s.replace(DIPHTHONG_U, 'u').replace(DOUBLED, '$1')
}

// Not word-final: "Alwa" keeps its last vowel and stays apart from "Alo".
const DIPHTHONG_U = /au|ua(?!$)/g
const DOUBLED = /(.)\1+/g

const HARAKAT = /[\u064B-\u065F\u0670\u0640]/g
const ARABIC_LETTER_MAP: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', // alef with hamza or madda
  'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ې': 'ي', // ya and alef maqsura, Persian ya
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه', // ta marbuta, Kurdish ae
  'ک': 'ك', 'ؤ': 'و', 'ٶ': 'و',
}
const ARABIC_VARIANT_LETTERS = /[أإآٱىیئېةۀەکؤٶ]/g
const ARABIC_SPLIT = /[\s\u060C\u061B\-_.,'"()]+/

/**
 * One word's part of an Arabic place-name key: a word of more than three letters leaves its article. A word
 * already in the Arabic normal form (src/lang/arabic-normal.ts) gives the same part as its surface form, so keys
 * of running text can be built from its words: arabicKeyPart('الرمادي') === 'رمادي'.
 */
export const arabicKeyPart = (word: string) => (word.length > 3 && word.startsWith('ال') ? word.slice(2) : word)

/** Arabic-script key: no harakat, one alef, one ya, ta marbuta as ha, no article. */
function arabicKey(s: string): string {
  const plain = s.replace(HARAKAT, '').replace(ARABIC_VARIANT_LETTERS, (ch) => ARABIC_LETTER_MAP[ch] ?? ch)
  let key = ''
  for (const t of plain.split(ARABIC_SPLIT)) {
    if (t.length === 0 || t === 'ال') continue
    key += arabicKeyPart(t)
  }
  return key
}

/** Scripts we have no rules for (Chinese, Amharic...): case and spaces only. */
function otherScriptKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s\-_.,()]+/g, '')
}

const INNER_VOWELS = /(?!^)[aiu]/g

/**
 * Consonant skeleton of a key, used only as a fallback inside a known country or province:
 * skeletonKey(normalizePlaceName("Kafr Nabl")) === skeletonKey(normalizePlaceName("Kufr Nubl"))
 */
export function skeletonKey(key: string): string {
  return key.replace(INNER_VOWELS, '')
}
