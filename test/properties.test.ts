import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { makeCoder, UnsupportedLanguageError } from '../src/pipeline.js'
import { detectLanguage } from '../src/lang/detect.js'
import type { SitrepEvent, Span } from '../src/types.js'

const coder = makeCoder()

function allSpans(e: SitrepEvent): Span[] {
  return Object.values(e.evidence).flatMap((ev) => ('spans' in ev && ev.spans ? ev.spans : []))
}

// Forced to English, any input codes. Left to the language guess, it codes or is refused as a language Sitrep does
// not code (random code points are mostly CJK or other scripts), and only when the guess says so.
function checkCodes(text: string, published?: string) {
  try {
    coder({ id: 'p', text, ...(published ? { published } : {}) })
  } catch (e) {
    expect(e).toBeInstanceOf(UnsupportedLanguageError)
    expect(detectLanguage(text).coded).toBe(false)
  }
  const doc = coder({ id: 'p', text, lang: 'en', ...(published ? { published } : {}) })
  for (const e of doc.events ?? []) {
    for (const s of allSpans(e)) {
      expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true)
      expect(s.start).toBeGreaterThanOrEqual(0)
      expect(s.end).toBeGreaterThanOrEqual(s.start)
      expect(s.end).toBeLessThanOrEqual(text.length)
    }
    expect(e.fatalities).toBeGreaterThanOrEqual(0)
  }
  for (const d of doc.diagnostics) if (d.span) expect(d.span.end).toBeLessThanOrEqual(text.length)
  return doc
}

const violent = fc.constantFrom(
  'Gunmen killed 12 villagers in Tabit on Monday.', 'A suicide bomber blew himself up in Baghdad, killing 30.',
  'Police fired tear gas at protesters.', ' killed ', 'at least', '999999999999 killed', 'Last week', 'ISIS', 'IS',
)

describe('any input codes without throwing, and every span lies inside the text', () => {
  it('random strings of any code points (lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => { checkCodes(s, '2020-01-01') }), { numRuns: 300 })
  })

  it('random mixes of news phrases, punctuation and noise', () => {
    const piece = fc.oneof(violent, fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('.', '\n\n', '—', ';', '\u200b', '\u202e', 'ب', '\uD800'))
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.option(fc.constant('2019-04-15')), (parts, pub) => {
      checkCodes(parts.join(' '), pub ?? undefined)
    }), { numRuns: 300 })
  })

  it.each([
    ['empty', ''],
    ['only punctuation', '.,;:!?—()[]{}"\'…'.repeat(50)],
    ['lone surrogates', '\uD800\uDC00\uDFFF\uD83D killed 3 \uDE00'],
    ['binary bytes', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    ['a huge number', 'Gunmen killed 999999999999 people in Kabul on Monday.'],
    ['right-to-left and zero-width text', 'قتل ‏١٢ مدنياً\u200b في الموصل. Gunmen\u200b killed 3 in Mosul.'],
  ])('%s', (_, text) => {
    checkCodes(text, '2020-01-01')
  })

  it('a 5 MB report', () => {
    const para = 'Gunmen killed three villagers near Tabit on Monday, police said. Protesters marched in the capital. '
    const text = para.repeat(Math.ceil(5_000_000 / para.length))
    const doc = checkCodes(text, '2020-01-01')
    expect(doc.events!.length).toBeGreaterThan(0)
  }, 120_000)
})
