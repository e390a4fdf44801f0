import { describe, expect, it } from 'vitest'
import { splitTitle } from './split-title.js'

describe('splitTitle', () => {
  it.each([
    ['# Clashes in Ramadi\n\nTwo soldiers were killed.', { title: 'Clashes in Ramadi', text: 'Two soldiers were killed.' }],
    ['# Closed heading #\nBody right after.', { title: 'Closed heading', text: 'Body right after.' }],
    ['Curfew imposed in Harbour City\n\nThe army imposed a curfew.', { title: 'Curfew imposed in Harbour City', text: 'The army imposed a curfew.' }],
    ['Curfew imposed in Harbour City\r\n\r\nThe army imposed a curfew.', { title: 'Curfew imposed in Harbour City', text: 'The army imposed a curfew.' }],
    // a one-sentence first paragraph is not a headline
    ['The army imposed a curfew.\n\nShops closed early.', { text: 'The army imposed a curfew.\n\nShops closed early.' }],
    // no blank line after it: the first line is text
    ['Curfew imposed\nThe army imposed a curfew.', { text: 'Curfew imposed\nThe army imposed a curfew.' }],
    [`${'word '.repeat(30)}end\n\nBody.`, { text: `${'word '.repeat(30)}end\n\nBody.` }], // too long for a headline
    ['Only a line', { text: 'Only a line' }],
    ['# Only a heading', { text: '# Only a heading' }],
  ])('%j', (raw, expected) => {
    expect(splitTitle(raw)).toEqual(expected)
  })
})
