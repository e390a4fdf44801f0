import { describe, it, expect } from 'vitest'
import { makeSegmenter } from './segment.js'

const segment = makeSegmenter()

describe('segmenter', () => {
  it('splits sentences and keeps offsets into the original text', () => {
    const text = 'BAGHDAD — A bomb exploded on Sunday.\r\n\r\nPolice said 12 people were killed. Two were arrested.'
    const { sentences, words } = segment(text)
    expect(sentences.length).toBe(3)
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text)
    expect(sentences[1]!.paragraph).toBe(1)
    expect(text.slice(sentences[2]!.start, sentences[2]!.end)).toBe('Two were arrested.')
  })

  it('keeps numbers with separators as one word', () => {
    expect(segment('at least 1,200 people and 3.5 km').words.map((w) => w.text)).toEqual(['at', 'least', '1,200', 'people', 'and', '3.5', 'km'])
  })

  it('returns nothing for text without letters or digits', () => {
    expect(segment('   ...!!! ').sentences).toEqual([])
  })

  it('never lets a blank line run two paragraphs into one sentence', () => {
    const { sentences } = segment('Headline without stop\n\nThe body starts here.')
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1])
  })
})
