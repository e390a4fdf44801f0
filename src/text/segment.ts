import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { Span } from '../types.js'

/**
 * A word: letters/digits run (numbers keep their "1,200" and "3.5" separators). `lower` is its matching key;
 * `forms` are other keys it answers to where a language attaches words to it (Arabic clitics: بالأنبار).
 */
export type Word = Span & { text: string; lower: string; sentence: number; forms?: string[] }
export type Sentence = Span & { index: number; paragraph: number; words: Word[] }
export type Segmented = { sentences: Sentence[]; words: Word[] }

const WORD_SOURCE = '[\\p{L}\\p{M}\\p{N}]+(?:[.,][0-9]+)*'

/** Splits a report into sentences (wink-nlp) and words with offsets into the original text. */
export function makeSegmenter() {
  const nlp = winkNLP(model, ['sbd'])
  const its = nlp.its
  return function segment(text: string): Segmented {
    const sentences: Sentence[] = []
    const words: Word[] = []
    if (!/[\p{L}\p{N}]/u.test(text)) return { sentences, words }
    const spans = sentenceSpans(nlp, its, text)
    const breaks = paragraphStarts(text)
    let paragraph = 0
    for (const [start, end] of spans) {
      while (paragraph + 1 < breaks.length && breaks[paragraph + 1]! <= start) paragraph++
      const index = sentences.length
      const own: Word[] = []
      const WORD = new RegExp(WORD_SOURCE, 'gu')
      WORD.lastIndex = start
      const slice = text.slice(0, end)
      for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
        own.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower: m[0].toLowerCase(), sentence: index })
      }
      if (own.length === 0) continue
      sentences.push({ start, end, index, paragraph, words: own })
      words.push(...own)
    }
    return { sentences, words }
  }
}

// wink's tokens are located by a forward search in the original text, so its own whitespace
// handling can never push a span off the text (stray \r, zero-width characters).
function sentenceSpans(nlp: ReturnType<typeof winkNLP>, its: ReturnType<typeof winkNLP>['its'], text: string): [number, number][] {
  // wink's tokenizer is quadratic in the length of one token (40,000 letters: 2 s; 80,000: 8 s), so
  // wink reads a copy in which every run of 200+ non-space characters gets a space each 100
  // characters; same length, so offsets still hold, and such runs are never words of a report
  const doc = nlp.readDoc(text.replace(LONG_RUN, (run) => run.replace(/([\s\S]{100})[\s\S]/g, '$1 ')))
  const values = doc.tokens().out(its.value) as string[]
  const starts: number[] = new Array(values.length)
  const ends: number[] = new Array(values.length)
  let cursor = 0
  values.forEach((v, i) => {
    const at = v ? text.indexOf(v, cursor) : -1
    const ok = at >= 0 && at - cursor <= 256
    starts[i] = ok ? at : cursor
    ends[i] = ok ? at + v.length : cursor
    if (ok) cursor = at + v.length
  })
  const out: [number, number][] = []
  doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const [first, last] = s.out(its.span) as unknown as [number, number]
    const start = starts[first] ?? 0
    const end = Math.max(start, ends[last] ?? start)
    // wink sometimes runs a headline-like line into the next sentence; a blank line always ends one
    let from = start
    for (const br of [...text.slice(start, end).matchAll(/\n\s*\n/g)]) {
      const cut = start + br.index!
      if (cut > from) out.push([from, cut])
      from = cut + br[0].length
    }
    if (end > from) out.push([from, end])
  })
  return out
}

const LONG_RUN = /\S{200,}/g

function paragraphStarts(text: string): number[] {
  const starts = [0]
  const re = /\n\s*\n/g
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length)
  return starts
}
