import { describe, it, expect } from 'vitest'
import { makeCountFinder } from './casualties.js'
import { makeSegmenter } from '../text/segment.js'
import { rules } from '../data/load.js'

const findCounts = makeCountFinder(rules())
const segment = makeSegmenter()
const counts = (text: string) => segment(text).sentences.flatMap(findCounts).map((c) => [c.what, c.value])

describe('deaths and arrests, never the wounded', () => {
  it.each([
    ['A bomb exploded, killing at least 82 people and wounding about 200.', [['deaths', 82]]],
    ['At least 58 people, 11 of them children, were killed.', [['deaths', 58]]],
    ['Its forces have killed at least three ISIS militants and have arrested two more.', [['deaths', 3], ['arrests', 2]]],
    ['The death toll rose to 292 on Thursday.', [['deaths', 292]]],
    ['Police arrested six men from the village.', [['arrests', 6]]],
    ['Twelve people were wounded in the attack.', []],
    ['The blast left 20 dead.', [['deaths', 20]]],
    ['The clashes left 68 people injured.', []],
    ['A total of 253 people were detained for questioning.', [['arrests', 253]]],
    ['A total of 40 people have been killed in the fighting.', [['deaths', 40]]],
    ['The fire left 14 people dead.', [['deaths', 14]]],
    ['Troops detained 14 people suspected of planning attacks.', [['arrests', 14]]],
    ['The convoy was 30 km from the town.', []],
    ['Seven militants and two soldiers were killed in the clash.', [['deaths', 2], ['deaths', 7]]],
    ['Three soldiers were wounded and two were killed.', [['deaths', 2]]],
    ['Police arrested five suspects and two civilians were killed.', [['arrests', 5], ['deaths', 2]]],
  ])('%s', (text, expected) => {
    expect(counts(text)).toEqual(expected)
  })
})
