import { describe, expect, it } from 'vitest'
import { toIsoDate } from './iso-date.js'

describe('toIsoDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T23:30:00-05:00', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05'],
    ['5 March 24', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Sept. 9 2019', '2019-09-09'],
    ['2024-02-30', undefined],
    ['soon', undefined],
    ['', undefined],
  ])('%s -> %s', (raw, expected) => {
    expect(toIsoDate(raw)).toBe(expected)
  })
})
