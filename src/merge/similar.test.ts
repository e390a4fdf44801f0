import { describe, it, expect } from 'vitest'
import { similarity, samePlace, sameTime } from './similar.js'
import { mergeRules } from './rules.js'
import type { Mention } from './mention.js'
import { ev } from '../../test/support/events.js'
import type { SitrepEvent } from '../types.js'

const r = mergeRules()
let n = 0
const m = (over: Partial<SitrepEvent> = {}, report = `r${n++}`): Mention =>
  ({ key: `${report}#0`, reportKey: report, reportId: report, idx: 0, url: null, outlet: null, published: '2024-03-11', title: null, event: ev(over) })

describe('same incident', () => {
  it('matches transliterations of one place name', () => {
    expect(samePlace(ev({ location: 'Solhan', latitude: null, longitude: null, geo_status: 'unresolved' }), ev({ location: 'Solhane', geo_precision: 3 }), r)?.sameName).toBe(true)
    expect(samePlace(ev({ location: 'Khan Sheikhoun' }), ev({ location: 'Khan Shaykhun' }), r)?.sameName).toBe(true)
  })
  it('matches nearby pins of one village by distance, not province-centre pins', () => {
    const a = ev({ location: 'Koshobe', latitude: 11.84692, longitude: 13.15712, geo_precision: 2 })
    expect(samePlace(a, ev({ location: 'Garin Kwashebe', latitude: 11.99485, longitude: 13.15769, geo_precision: 2 }), r)).not.toBeNull()
    expect(samePlace(ev({ location: 'Tadaryat', geo_precision: 3 }), ev({ location: 'Seytenga', geo_precision: 3 }), r)).toBeNull()
  })
  it('keeps different districts and different provinces apart', () => {
    expect(samePlace(ev({ location: 'Baghdad - Karrada' }), ev({ location: 'Baghdad - Shaab' }), r)).toBeNull()
    expect(samePlace(ev({ location: 'Baghdad - Karrada' }), ev({ location: 'Baghdad' }), r)).not.toBeNull()
    expect(samePlace(ev({ location: 'Husayniyah', admin1: 'Al-Anbar' }), ev({ location: 'Husayniyah', admin1: 'Ninawa' }), r)).toBeNull()
  })
  it('allows a day either side for day precision and the whole week for week precision', () => {
    expect(sameTime(ev({ event_date: '2021-06-04' }), ev({ event_date: '2021-06-05' }), r)).toBe(1)
    expect(sameTime(ev({ event_date: '2021-06-04' }), ev({ event_date: '2021-06-06' }), r)).toBeNull()
    expect(sameTime(ev({ event_date: '2021-06-04', time_precision: 2 }), ev({ event_date: '2021-06-07' }), r)).toBe(3)
  })
  it('lets an unidentified doer match a named one, but not two different named groups', () => {
    const named = m({ actor1: 'Al Shabaab', actor2: null })
    expect(similarity(named, m({ actor1: 'Unidentified Armed Group (Somalia)', actor2: null }), r)).not.toBeNull()
    expect(similarity(named, m({ actor1: 'Islamic State', actor2: null }), r)).toBeNull()
  })
  it('treats an IED and a suicide bomb at one place as one incident, a chemical attack and an air strike as two', () => {
    expect(similarity(m({ sub_event_type: 'Suicide bomb' }), m(), r)).not.toBeNull()
    expect(similarity(m({ sub_event_type: 'Chemical weapon' }), m({ sub_event_type: 'Air/drone strike' }), r)).toBeNull()
  })
  it('never links two events of one report, or a background mention', () => {
    expect(similarity(m({}, 'same'), { ...m({}, 'same'), key: 'same#1' }, r)).toBeNull()
    expect(similarity(m({ background: true }), m(), r)).toBeNull()
  })
  it('scores a same-name, same-day pair above a nearby pin a day later', () => {
    const base = m()
    expect(similarity(base, m(), r)!).toBeGreaterThan(similarity(base, m({ location: 'Kadhimiya', latitude: 33.38, longitude: 44.34, event_date: '2024-03-11' }), r)!)
  })
})
