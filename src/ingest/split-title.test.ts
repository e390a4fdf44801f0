import { describe, expect, it } from 'vitest'
import { titleOf } from './split-title.js'

describe('titleOf', () => {
  it.each([
    ['# Clashes in Ramadi\n\nTwo soldiers were killed.', 'Clashes in Ramadi'],
    ['# Closed heading #\nBody right after.', 'Closed heading'],
    ['Curfew imposed in Harbour City\n\nThe army imposed a curfew.', 'Curfew imposed in Harbour City'],
    ['Curfew imposed in Harbour City\r\n\r\nThe army imposed a curfew.', 'Curfew imposed in Harbour City'],
    // a one-sentence first paragraph is not a headline
    ['The army imposed a curfew.\n\nShops closed early.', undefined],
    // no blank line after it: the first line is text
    ['Curfew imposed\nThe army imposed a curfew.', undefined],
    [`${'word '.repeat(30)}end\n\nBody.`, undefined], // too long for a headline
    ['Only a line', undefined],
    ['# Only a heading', undefined],
  ])('%j', (raw, expected) => {
    expect(titleOf(raw)).toBe(expected)
  })
})
