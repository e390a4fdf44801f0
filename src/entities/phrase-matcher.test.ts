import { describe, it, expect } from 'vitest'
import { makePhraseMatcher, longestNonOverlapping } from './phrase-matcher.js'
import { makeSegmenter } from '../text/segment.js'

const segment = makeSegmenter()
const words = (s: string) => segment(s).words

function found(patterns: string[], text: string, caseSensitive = false) {
  const m = makePhraseMatcher(patterns.map((p) => ({ pattern: p, value: p, caseSensitive })))
  return longestNonOverlapping(m(words(text))).map((x) => x.value)
}

describe('phrase matcher', () => {
  it.each([
    [['suicide bomber|bombers'], 'Two suicide bombers struck.', ['suicide bomber|bombers']],
    [['blew himself|herself up'], 'The attacker blew herself up.', ['blew himself|herself up']],
    [['al-Shabaab'], 'Al Shabaab fighters attacked', ['al-Shabaab']],
    [['kill*'], 'They were killing', ['kill*']],
    [['warplanes ... bombed'], 'Warplanes later heavily bombed the town', ['warplanes ... bombed']],
    [['warplanes ... bombed'], 'Warplanes flew over the town and then bombed', []],
    [['[n] days ago'], 'three days ago', ['[n] days ago']],
    [['fended off? an attack'], 'fended an attack', ['fended off? an attack']],
  ])('%j in %j', (patterns, text, expected) => {
    expect(found(patterns, text)).toEqual(expected)
  })

  it('matches acronyms only with their capitals when case-sensitive', () => {
    expect(found(['IS'], 'IS fighters attacked', true)).toEqual(['IS'])
    expect(found(['IS'], 'it is over', true)).toEqual([])
  })

  it('prefers the longest match', () => {
    expect(found(['car bomb', 'car'], 'a car bomb exploded')).toEqual(['car bomb'])
  })
})
