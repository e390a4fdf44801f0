import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

type LanguageInfo = { name: string; coded: boolean; example: string }
type Marker = { letters: string; over?: string; example: string }
type FunctionWords = { min_words: number; min_hits: number; ratio: number; min_latin_share: number; lists: Record<string, string> }
type LanguagesFile = { arabic_script_share: number; min_letters_to_refuse: number; languages: Record<string, LanguageInfo>; letters: { order: string[]; markers: Record<string, Marker> }; function_words: FunctionWords }

export type Detected = { lang: string; name: string; coded: boolean; rule: 'latin-script' | 'function-words' | 'detector' | 'letters' | 'given' | 'too-short' }

let cfg: LanguagesFile | undefined
const config = (): LanguagesFile => (cfg ??= JSON.parse(readFileSync(fileURLToPath(new URL('../../data/lang/languages.json', import.meta.url)), 'utf8')) as LanguagesFile)

// eld's 'small' database (1.6 MB) takes about 0.3 s to load: only reports in Arabic script pay for it
type Detector = { detect(text: string): { language: string }; setLanguageSubset(langs: string[] | false): unknown }
let detector: Detector | undefined
let loading: Promise<void> | undefined
/** Loads the detector (eld with its 'small' database); call and await it before detectLanguage() sees Arabic script. */
export function loadDetector(): Promise<void> {
  if (detector) return Promise.resolve()
  loading ??= (async () => {
    const { eld } = (await import('eld/small')) as unknown as { eld: Detector }
    // the detector weighs the Arabic-script languages (and English); Latin-script ones are told by their small words
    const latin = config().function_words.lists
    eld.setLanguageSubset(Object.keys(config().languages).filter((l) => l === 'en' || !(l in latin)))
    detector = eld
  })()
  return loading
}

// a page's first 600 characters tell its language as well as the whole: all 260 Arabic real pages are told
// Arabic from their first 300, 600 or 1,500 characters alike (the invented samples' longest is 400)
const SAMPLE = 600
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu
const LETTER = /\p{L}/gu

/** The share of a text's letters that are in Arabic script. */
export function arabicScriptShare(text: string): number {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text
  const letters = sample.match(LETTER)?.length ?? 0
  return letters ? (sample.match(ARABIC_SCRIPT)?.length ?? 0) / letters : 0
}

const arabicLetters = (text: string) => (text.match(ARABIC_SCRIPT) ?? []).filter((c) => /\p{L}/u.test(c)).length

/** Does this text need the detector (is it mostly in Arabic script)? */
export const needsDetector = (text: string) => arabicScriptShare(text) >= config().arabic_script_share

/**
 * A report's language: English when its letters are mostly not Arabic-script, else the detector's call
 * among Arabic, Persian, Urdu and Kurdish. `given` (the user's --lang) wins.
 * @example detectLanguage('قتل ثلاثة جنود قرب الرمادي') // { lang: 'ar', name: 'Arabic', coded: true, rule: 'detector' }
 */
export function detectLanguage(text: string, given?: string): Detected {
  const langs = config().languages
  const info = (lang: string, rule: Detected['rule']): Detected => {
    const l = langs[lang]
    return { lang, name: l?.name ?? lang, coded: l?.coded ?? false, rule }
  }
  if (given) return info(given, 'given')
  if (!needsDetector(text)) {
    const other = byFunctionWords(text)
    return other ? info(other, 'function-words') : info('en', 'latin-script')
  }
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text
  // a word or two cannot tell Persian from Arabic: too little to refuse a report on, so it is read as Arabic
  if (arabicLetters(sample) < config().min_letters_to_refuse) return info('ar', 'too-short')
  // the synchronous coder must not fail on a caller that did not load the detector: letters decide then
  if (!detector) return info(byLetters(sample), 'letters')
  return info(detector.detect(sample).language || 'ar', 'detector')
}

const count = (text: string, letters: string) => {
  let n = 0
  for (const ch of text) if (letters.includes(ch)) n++
  return n
}

/** Kurdish, Urdu or Persian when the text writes letters only they use, else Arabic (data/lang/languages.json `letters`). */
export function byLetters(text: string): string {
  const { order, markers } = config().letters
  for (const lang of order) {
    const m = markers[lang]!
    const n = count(text, m.letters)
    if (n > 0 && (m.over === undefined || n > count(text, m.over))) return lang
  }
  return 'ar'
}

// each small word of data/lang/languages.json function_words, with the languages that use it
let wordLanguages: Map<string, string[]> | undefined
const LATIN_WORD = /\p{L}+/gu
const LATIN_LETTER = /\p{Script=Latin}/gu
/**
 * The Latin-script language other than English whose commonest small words a text uses far more than
 * English's (data/lang/languages.json `function_words`), 'und' for a text in another script (Devanagari,
 * Cyrillic, Thai...), or null: English, or too short to tell.
 * @example byFunctionWords('Des hommes armés ont tué trois soldats près de la frontière, selon les autorités locales, qui ont été ...') // 'fr'
 */
export function byFunctionWords(text: string): string | null {
  const fw = config().function_words
  if (!wordLanguages) {
    wordLanguages = new Map()
    for (const [l, words] of Object.entries(fw.lists)) for (const w of words.split(' ')) (wordLanguages.get(w) ?? wordLanguages.set(w, []).get(w)!).push(l)
  }
  const sample = text.slice(0, 3000)
  const letters = sample.match(LETTER)?.length ?? 0
  if (letters >= fw.min_words && (sample.match(LATIN_LETTER)?.length ?? 0) < fw.min_latin_share * letters) return 'und'
  const words = (sample.toLowerCase().match(LATIN_WORD) ?? []).slice(0, 300)
  if (words.length < fw.min_words) return null
  const hits = new Map<string, number>()
  for (const w of words) for (const l of wordLanguages.get(w) ?? []) hits.set(l, (hits.get(l) ?? 0) + 1)
  const en = hits.get('en') ?? 0
  let best: string | null = null, most = 0
  for (const [l, n] of hits) if (l !== 'en' && n > most) { best = l; most = n }
  return best && most >= fw.min_hits && most >= fw.ratio * Math.max(1, en) ? best : null
}

/** The languages Sitrep knows of, with whether it codes them. */
export const knownLanguages = (): Record<string, LanguageInfo> => config().languages

/** Resolves when detectLanguage() can read this text: loads the detector if the text is in Arabic script. */
export function readyFor(text: string): Promise<void> {
  return needsDetector(text) ? loadDetector() : Promise.resolve()
}
