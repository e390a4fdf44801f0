import { describe, it, expect } from 'vitest'
import { makeNumberReader } from './numbers.js'
import { makeSegmenter } from '../text/segment.js'
import { rules } from '../data/load.js'

const read = makeNumberReader(rules().numbers)
const segment = makeSegmenter()

describe('numbers: the codebook counts conservatively', () => {
  it.each([
    ['at least three', 3], ['more than 100', 100], ['eighty-two', 82], ['1,200', 1200], ['two hundred and five', 205],
    ['dozens of', 12], ['tens of', 10], ['scores of', 20], ['hundreds of', 100], ['a dozen', 12], ['a group of', 3],
    ['nearly 300', 300], ['twenty one', 21], ['1.5 million', 1500000],
  ])('%s = %d', (text, value) => {
    expect(read(segment(text).words, 0)?.value).toBe(value)
  })

  it.each(['2016', 'the', 'group', 'people'])('%s is not a count', (text) => {
    expect(read(segment(text).words, 0)).toBeNull()
  })
})
