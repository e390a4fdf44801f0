import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makePlaceFinder, type PlaceCues } from '../entities/places.js'
import { makeSegmenter } from '../text/segment.js'
import { tiesOf } from './ties.js'

const cues = JSON.parse(readFileSync(new URL('../../data/rules/places.json', import.meta.url), 'utf8')) as PlaceCues
const findPlaces = makePlaceFinder(cues)
const segment = makeSegmenter()

/** The ties the text gives for a name, as [how, anchor, km, bearing]. */
function ties(text: string, name: string) {
  const places = findPlaces(text, segment(text).sentences, [], () => 'well')
  return tiesOf(text, name, places).map((t) => [t.how, t.anchor.name, t.km, t.bearing])
}

describe('tiesOf', () => {
  it.each([
    ['Gunmen raided Kafr Dan village near Dadri on Monday.', 'Kafr Dan', ['near', 'Dadri', null, null]],
    ['Residents of Umm Sidra, a village about 30 km southwest of El Fasher, fled.', 'Umm Sidra', ['distance', 'El Fasher', 30, 225]],
    ['Rebels attacked Kigoma, a border town in Kasese district, at night.', 'Kigoma', ['inside', 'Kasese', null, null]],
    ['Troops entered Wagadu, in the Djenné area of Mopti region.', 'Wagadu', ['inside', 'Djenné', null, null]],
    ['Gunmen struck Tindi on Friday. Tindi lies about 15 km from Sebba.', 'Tindi', ['distance', 'Sebba', 15, null]],
  ])('%s', (text, name, tie) => {
    expect(ties(text, name)[0]).toEqual(tie)
  })

  it('turns "Mekelle, about 25 km east of Togo" around: Togo lies 25 km west of Mekelle', () => {
    const text = 'An air strike hit Togo. Officials in Mekelle, about 25 km east of Togo, said 51 died.'
    expect(ties(text, 'Togo')).toContainEqual(['inverse', 'Mekelle', 25, 270])
  })

  it('stops at a clause break: the second place belongs to another incident', () => {
    expect(ties('Gunmen attacked Kafr Dan and killed two near Dadri.', 'Kafr Dan')).toEqual([])
  })
})
