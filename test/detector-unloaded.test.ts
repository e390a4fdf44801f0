import { describe, it, expect } from 'vitest'
import { makeCoder } from '../src/pipeline.js'
import { detectLanguage } from '../src/lang/detect.js'

// A caller of the synchronous coder that never awaited loadDetector(): Arabic-script text is told by letters
describe('the coder before the language detector is loaded', () => {
  const coder = makeCoder()
  it('codes an Arabic report, told by its letters', () => {
    expect(detectLanguage('قتل ثلاثة جنود في هجوم قرب الرمادي.')).toMatchObject({ lang: 'ar', rule: 'letters' })
    const doc = coder({ id: 'a', text: 'قتل ثلاثة جنود في هجوم مسلح قرب الرمادي.', published: '2021-03-06' })
    expect(doc.lang).toBe('ar')
  })
  it('still refuses a Persian report', () => {
    expect(() => coder({ id: 'f', text: 'سه سرباز در حمله‌ای در نزدیکی مرز کشته شدند.', published: '2021-03-06' })).toThrow(/Persian.*does not code yet/)
  })
})
