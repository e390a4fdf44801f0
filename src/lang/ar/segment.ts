import type { Segmented, Sentence, Word } from '../../text/segment.js'
import { arabicKey, cliticForms } from '../arabic-normal.js'

const WORD = /[\p{L}\p{M}\p{N}]+(?:[.,٫][0-9٠-٩]+)*/gu
// a sentence ends at . ! ? ؟ followed by space, or at a line break; Arabic news writes long sentences joined by و
const SENTENCE_END = /[.!?؟]+(?=\s)|\n+/gu

/**
 * Arabic sentences and words with offsets into the original text. A word's `lower` is its normal form
 * (data/lang/ar/normal.json) and `forms` the forms it answers to without its clitics.
 * segmentArabic('قتل جنديان بالأنبار.').words[2] // { text: 'بالأنبار', lower: 'بالانبار', forms: ['الانبار', 'انبار'], ... }
 */
export function segmentArabic(text: string): Segmented {
  const sentences: Sentence[] = []
  const words: Word[] = []
  const spans: [number, number][] = []
  let start = 0
  SENTENCE_END.lastIndex = 0
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    spans.push([start, m.index + (m[0].startsWith('\n') ? 0 : m[0].length)])
    start = m.index + m[0].length
  }
  spans.push([start, text.length])
  let paragraph = 0
  for (const [from, to] of spans) {
    if (from > 0 && /\n\s*\n/.test(text.slice(Math.max(0, from - 3), from + 1))) paragraph++
    const own: Word[] = []
    const index = sentences.length
    WORD.lastIndex = from
    const slice = text.slice(0, to)
    for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
      const lower = arabicKey(m[0].toLowerCase())
      const forms = cliticForms(lower).filter((f) => f !== lower)
      own.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower, sentence: index, ...(forms.length ? { forms } : {}) })
    }
    if (own.length === 0) continue
    sentences.push({ start: own[0]!.start, end: own[own.length - 1]!.end, index, paragraph, words: own })
    words.push(...own)
  }
  return { sentences, words }
}
