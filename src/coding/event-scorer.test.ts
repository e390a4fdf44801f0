import { describe, it, expect } from 'vitest'
import { makeEventScorer, loadEventScorer, type ScorerModel } from './event-scorer.js'
import { hashString } from './event-features.js'
import { DEFAULT_DATA_DIR } from '../data/load.js'
import { makeCoder } from '../pipeline.js'

const model = (over: Partial<ScorerModel> = {}): ScorerModel => ({ about: 'test', trained: {}, buckets: 16, named: {}, hashed: [], threshold: 0.5, ...over })

describe('event scorer', () => {
  it('is a logistic model: bias, named and hashed weights add up before the sigmoid', () => {
    const s = makeEventScorer(model({ named: { bias: 1, 'sub:Attack': -2 }, hashed: [[3, 0.5]] }))
    const p = s.probability({ named: { bias: 1, 'sub:Attack': 1 }, hashed: new Map([[3, 2]]) })
    expect(p).toBeCloseTo(1 / (1 + Math.exp(-(1 - 2 + 1))), 10)
    // an unknown feature weighs nothing
    expect(s.probability({ named: { bias: 1, 'never-seen': 5 }, hashed: new Map() })).toBeCloseTo(1 / (1 + Math.exp(-1)), 10)
  })

  it('hashes words the same way every time (weights stay valid across runs and machines)', () => {
    expect(hashString('c:killed')).toBe(hashString('c:killed'))
    expect(hashString('c:killed')).not.toBe(hashString('l:killed'))
    expect(hashString('')).toBe(0x811c9dc5)
  })

  it('ships a valid model whose weights store no phrase: buckets, not words', () => {
    const s = loadEventScorer(DEFAULT_DATA_DIR)
    expect(s).not.toBeNull()
    expect(s!.model.hashed.every(([k]) => Number.isInteger(k) && k < s!.model.buckets)).toBe(true)
    expect(Object.keys(s!.model.named).filter((k) => !/^[a-z0-9-]+(:[\w /&'()%<>+-]+)?$/i.test(k))).toEqual([])
  })

  it('drops an event below the threshold with a diagnostic, keeps background mentions, and its probability is the confidence', () => {
    const text = 'Gunmen killed three villagers in Maru on Sunday. Last year, on March 3, gunmen killed ten people in Maru.'
    const all = makeCoder({ gazetteer: null, scorer: makeEventScorer(model({ named: { bias: 3 } })) })({ id: 'x', text, published: '2021-05-04' })
    expect(all.events!.filter((e) => !e.background).map((e) => e.confidence)).toEqual([0.95])
    const none = makeCoder({ gazetteer: null, scorer: makeEventScorer(model({ named: { bias: -3 } })) })({ id: 'x', text, published: '2021-05-04' })
    expect(none.events!.filter((e) => !e.background)).toEqual([])
    expect(none.events!.filter((e) => e.background).length).toBe(all.events!.filter((e) => e.background).length)
    expect(none.diagnostics.map((d) => d.ruleId)).toContain('event-below-threshold')
  })
})
