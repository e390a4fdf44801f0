import { describe, expect, it } from 'vitest'
import { makeCoder } from '../pipeline.js'
import { loadGazetteer } from '../geo/gazetteer.js'
import { writeFixtureWorld } from '../geo/fixture-world.js'

// The whole coder on invented reports, over a small invented gazetteer (src/geo/fixture-world.ts).
// the rules alone: which events the learned scorer keeps is not the locator's business
const code = makeCoder({ gazetteer: loadGazetteer({ dir: writeFixtureWorld() }), scorer: null })

/** Each event's place as "location (admin1, country) pN". */
function placesOf(text: string): string[] {
  return (code({ id: 't', text, published: '2020-01-10' }).events ?? []).map((e) => `${e.location} (${e.admin1}, ${e.country}) p${e.geo_precision}`)
}

describe('gazetteer locator', () => {
  it('does not let a province named in another paragraph filter a city out (Najaf, not the Iranian village)', () => {
    const text = 'Security forces shot dead 20 protesters in Nasiriyah, the capital of Dhi Qar province, on Thursday.\n\n' +
      'In Najaf, protesters stormed the Iranian consulate on Wednesday and set it on fire.'
    expect(placesOf(text)).toEqual(['Nasiriyah (Thi-Qar, Iraq) p1', 'Najaf (Najaf, Iraq) p1'])
  })

  it('never places the incident at the dateline when the text names its place', () => {
    expect(placesOf('BAGHDAD/ERBIL — Iraqi troops drove Islamic State out of al-Qaim on Friday, the military said.'))
      .toEqual(["Al Qa'im (Anbar, Iraq) p1"])
  })

  it('writes a district of a city as "City - District", at the district when the gazetteer has it', () => {
    expect(placesOf("A car bomb killed 12 people in Baghdad's Karrada district on Sunday, Iraqi police said."))
      .toEqual(['Baghdad - Karrada (Baghdad, Iraq) p1'])
    expect(placesOf('A roadside bomb killed three people in the Zayouna district of Baghdad on Monday, Iraqi police said.'))
      .toEqual(['Baghdad - Zayouna (Baghdad, Iraq) p1'])
  })

  it('places an air base the gazetteer lacks at the town the text ties it to, precision 2', () => {
    const text = 'Iran fired missiles at Iraq on Wednesday. Seventeen missiles struck Ain al-Asad air base, near the town of al-Baghdadi, police said.'
    expect(placesOf(text)).toEqual(['Ain al-Asad (Anbar, Iraq) p2'])
  })

  it('places a missing village "20 km north of" a town at that offset, precision 2, keeping its name', () => {
    const [e] = code({ id: 't', text: 'Gunmen killed 40 farmers in Kalari, a village about 20 km north of Maiduguri, on Saturday, Nigerian officials said.' }).events ?? []
    expect([e?.location, e?.admin1, e?.geo_precision]).toEqual(['Kalari', 'Borno', 2])
    expect(e?.latitude).toBeGreaterThan(11.98)
  })

  it('codes a missing village with no tie at its province capital, precision 3, keeping its name', () => {
    const text = 'Gunmen killed ten villagers in Bulabulin on Saturday, Nigerian officials said. The attack came a week after fighting in Borno state.'
    expect(placesOf(text)[0]).toBe('Bulabulin (Borno, Nigeria) p3')
  })

  it('trusts a one-letter spelling match only inside the province its clause names', () => {
    expect(placesOf('Syrian warplanes killed four civilians in Kafr Nabl in Idlib province on Monday, rescuers said.'))
      .toEqual(['Kafr Nubl (Idleb, Syria) p1'])
    expect(placesOf('Syrian warplanes killed four civilians in Kafr Nabl on Monday, rescuers said. Idlib province has been bombed for weeks.'))
      .toEqual(['Kafr Nabl (Idleb, Syria) p3'])
  })

  it('chooses the district seat among homonyms, near the other places of the report', () => {
    const text = 'Turkish jets struck the border town of Ras al-Ain in northeast Syria on Wednesday, killing two civilians. Turkish artillery shelled Qamishli, killing one.'
    expect(placesOf(text)).toEqual(["Ra's al `Ayn (Al Hasakeh, Syria) p1", 'Al Qamishli (Al Hasakeh, Syria) p1'])
  })

  it('places an incident that names no place at the place told before it', () => {
    expect(placesOf('Gunmen killed five people in Haditha on Monday, Iraqi police said.\n\nPolice later arrested two suspects.'))
      .toEqual(['Haditha (Anbar, Iraq) p1', 'Haditha (Anbar, Iraq) p1'])
  })
})
