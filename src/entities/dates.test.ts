import { describe, it, expect } from 'vitest'
import { makeDateFinder } from './dates.js'
import { makeSegmenter } from '../text/segment.js'
import { rules } from '../data/load.js'
import type { Diagnostic } from '../types.js'

const find = makeDateFinder(rules())
const segment = makeSegmenter()
function dates(text: string, published?: string) {
  const diagnostics: Diagnostic[] = []
  const found = find(text, segment(text).sentences, published, diagnostics)
  return { found: found.map((d) => [text.slice(d.start, d.end), d.date, d.precision]), diagnostics }
}

describe('dates resolve against the publication date', () => {
  it.each([
    // 2019-04-15 is a Monday: "last week" is 8-14 April, dated at its middle day
    ['Last week, troops killed three militants.', '2019-04-15', ['Last week', '2019-04-11', 2]],
    ['Gunmen attacked the village on Tuesday.', '2019-04-15', ['on Tuesday', '2019-04-09', 1]],
    ['A bomb exploded on Sunday.', '2019-04-15', ['on Sunday', '2019-04-14', 1]],
    ['The group was defeated in December 2017.', '2019-04-15', ['December 2017', '2017-12-15', 3]],
    ['Earlier this year, militants kidnapped hunters.', '2019-04-15', ['Earlier this year', '2019-02-15', 3]],
    ['The soldiers entered the village on the night of October 30.', '2014-11-04', ['October 30', '2014-10-30', 1]],
    ['Russian forces set up a base this week.', '2019-11-17', ['this week', '2019-11-14', 2]],
    ['The city fell on June 10, 2014.', '2017-07-10', ['June 10, 2014', '2014-06-10', 1]],
    ['Militants seized the town yesterday.', '2020-01-02', ['yesterday', '2020-01-01', 1]],
  ])('%s (published %s)', (text, published, expected) => {
    expect(dates(text, published).found).toContainEqual(expected)
  })

  it('leaves relative dates unresolved without a publication date, and says so', () => {
    const r = dates('Last week, troops killed three militants.')
    expect(r.found).toEqual([])
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('date-unresolved')
  })

  it('does not read the verb "may" as a month', () => {
    expect(dates('The toll may rise.', '2020-01-02').found).toEqual([])
  })
})
