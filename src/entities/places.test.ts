import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makeSegmenter } from '../text/segment.js'
import { makePlaceFinder, type PlaceCues } from './places.js'
import { findDateline } from '../text/dateline.js'

// The shipped cue lists (data/rules/places.json), on invented sentences.
const cues = JSON.parse(readFileSync(new URL('../../data/rules/places.json', import.meta.url), 'utf8')) as PlaceCues
const findPlaces = makePlaceFinder(cues)
const segment = makeSegmenter()

/** The mentions found in a text, as [name, cue, feature, featureWord, text of the span]. */
function places(text: string, known: (name: string) => boolean = () => false) {
  return findPlaces(text, segment(text).sentences, [], (n) => (known(n) ? 'well' : null), findDateline(text)).map((p) => [p.name, p.cue, p.feature, p.featureWord, text.slice(p.start, p.end)])
}

describe('place finder', () => {
  it('marks every city of a two-city dateline as the dateline', () => {
    expect(places('KIRKUK/ERBIL — A bomb exploded in Tuz Khurmatu on Friday.').slice(0, 2).map((p) => p[1])).toEqual(['dateline', 'dateline'])
  })

  it('a name continuing a list after a place takes its cue: "' + cues.list_joints!.example + '"', () => {
    expect(places(cues.list_joints!.example, (n) => ['Lille', 'Rennes'].includes(n)).map((p) => [p[0], p[1]])).toEqual([['Toulouse', 'in'], ['Lille', 'in'], ['Rennes', 'in']])
  })

  it('keeps a lowercase article joined by a hyphen in the name', () => {
    const found = places('Troops drove the militants out of al-Hadr on Friday.', (n) => n === 'al-Hadr')
    expect(found[0]?.[0]).toBe('al-Hadr')
  })

  it('reads "air base" after a name as a facility of that name', () => {
    expect(places('Rockets struck Balad air base overnight.')[0]).toEqual(['Balad', 'struck', 'facility', 'air base', 'Balad air base'])
  })

  it('takes a name followed by ", a village in ..." as a place without a preposition', () => {
    expect(places('The drone hit Garin Dutse, a village in Igabi district, on Sunday.')[0]?.[0]).toBe('Garin Dutse')
  })

  it('finds the preposition across "the capital" and "the"', () => {
    expect(places('In the capital Tripoli, crowds gathered.')[0]?.[1]).toBe('in')
    expect(places('Soldiers fired at the Lekki toll gate.')[0]?.[1]).toBe('at')
  })

  it('joins a square named with an apostrophe but not one broken by a parenthesis', () => {
    expect(places("Hundreds gathered in Martyrs' Square.")[0]?.[0]).toBe("Martyrs' Square")
    expect(places('Crowds filled Karama (Dignity) Square in Sweida.').map((p) => p[0])).not.toContain('Dignity) Square')
  })

  it('does not take a number word opening a sentence for a place', () => {
    expect(places('Four gunmen were killed in Kismayo.', () => true).map((p) => p[0])).toEqual(['Kismayo'])
  })

  it('never reads an outlet or an organisation as a place: "' + (cues.organisation_words?.example ?? '') + '"', () => {
    expect(places(cues.organisation_words!.example, () => true).map((p) => p[0])).toEqual([])
    expect(places('Gunmen attacked a bus, the Justice Ministry said.', (n) => n === 'Justice').map((p) => p[0])).toEqual([])
  })

  it('takes a bare name the gazetteer knows only as a village when the report names it as a place elsewhere', () => {
    const text = 'Gunmen attacked the outpost at Guire on Sunday. Commissioner Benneth Igwe said Guire was calm and Igwe would visit.'
    const found = findPlaces(text, segment(text).sentences, [], () => 'known').map((p) => text.slice(p.start, p.end))
    expect(found).toEqual(['Guire', 'Guire'])
  })
})
