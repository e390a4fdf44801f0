import { describe, expect, it } from 'vitest'
import { place, writeFixtureGazetteer } from './fixture-gazetteer.js'
import { loadGazetteer } from './gazetteer.js'
import { parsePlacePhrase } from './place-phrase.js'
import { resolveToponym } from './resolve.js'

const gaz = loadGazetteer({
  dir: writeFixtureGazetteer([{
    iso2: 'SY', iso3: 'SYR', name: 'Syria', capitalId: 's1',
    admin1: [{ name: 'Rif Dimashq', capitalId: 's1' }, { name: 'Aleppo', capitalId: 's3' }],
    places: [
      place('s1', 'Duma', 33.57175, 36.4027, 'Rif Dimashq'),
      place('s2', 'Suq Wadi Barada', 33.6231, 36.0939, 'Rif Dimashq'),
      place('s3', 'Aleppo', 36.20124, 37.16117, 'Aleppo'),
      place('s4', 'Hawar Killis', 36.5, 37.3, 'Aleppo'),
    ],
  }]),
})

describe('spelling and part-of-name fallbacks', () => {
  it('finds a place whose longer name holds every word of the name, inside the named province', () => {
    const r = resolveToponym(gaz, { name: 'Wadi Barada area', country: 'SY', admin1: 'Rif Dimashq' })
    expect(r.status === 'resolved' && [r.place.name, r.precision]).toEqual(['Suq Wadi Barada', 2])
  })

  it('leaves a one-word name alone: Hawar is not Hawar Killis', () => {
    expect(resolveToponym(gaz, { name: 'Hawar village', country: 'SY', admin1: 'Aleppo' }).status).toBe('unresolved')
  })
})

describe('parsePlacePhrase', () => {
  it('splits a road at its ends but not a name with an article ("Ain al-Asad air base")', () => {
    expect(parsePlacePhrase('Ain al-Asad air base')).toMatchObject({ core: 'Ain al-Asad', alternatives: [], role: 'facility' })
    expect(parsePlacePhrase('Sayda-Western Ghariyah road').alternatives).toEqual(['Sayda', 'Western Ghariyah'])
  })
})
