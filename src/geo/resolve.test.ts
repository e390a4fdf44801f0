import { describe, expect, it } from 'vitest'
import { explainGeocode } from './explain.js'
import { place, writeFixtureGazetteer } from './fixture-gazetteer.js'
import { loadGazetteer } from './gazetteer.js'
import { provinceFallback } from './province-fallback.js'
import { resolveRelative } from './relative.js'
import { resolveToponym } from './resolve.js'

// A tiny Iraq with the codebook's traps: Husayniyat only in Ninawa, Qa'im in two provinces.
const dir = writeFixtureGazetteer([
  {
    iso2: 'IQ', iso3: 'IRQ', name: 'Iraq', capitalId: 'g1',
    admin1: [
      { name: 'Al-Anbar', code: '01', aliases: ['Anbar Province'], capitalId: 'w10' },
      { name: 'Ninawa', code: '15', aliases: ['Nineveh'], capitalId: 'w20' },
      { name: 'Al-Qadisiyah', code: '04', capitalId: 'w30' },
      { name: 'Baghdad', code: '07', capitalId: 'g1' },
    ],
    places: [
      place('g1', 'Baghdad', 33.34058, 44.40088, 'Baghdad', { population: 7216000 }),
      place('w2', 'Karrada', 33.29698, 44.42407, 'Baghdad', { kind: 'neighbourhood' }),
      place('w10', 'Ramadi', 33.42056, 43.30778, 'Al-Anbar', { population: 223500, altNames: ['Ar Ramadi', 'الرمادي'] }),
      place('w11', 'Ar Rutbah', 33.03718, 40.28586, 'Al-Anbar', { population: 22370 }),
      place('w12', 'An Nukhayb', 32.04083, 42.25522, 'Al-Anbar', { altNames: ['النخيب'] }),
      place('w13', "Al Qa'im", 34.39251, 40.98945, 'Al-Anbar', { altNames: ['Husaybah'] }),
      place('w20', 'Mosul', 36.335, 43.11889, 'Ninawa', { population: 1739800 }),
      place('w21', 'Husayniyat', 36.28102, 42.05871, 'Ninawa'),
      place('w30', 'Ad Diwaniyah', 31.99289, 44.92552, 'Al-Qadisiyah', { population: 318801 }),
      place('w31', "Al Qa'im", 31.59084, 44.53864, 'Al-Qadisiyah'),
    ],
  },
])
const gaz = loadGazetteer({ dir })

describe('resolveToponym', () => {
  it('resolves a unique town with precision 1', () => {
    const r = resolveToponym(gaz, { name: 'Ramadi', country: 'Iraq' })
    expect(r.status).toBe('resolved')
    if (r.status === 'resolved') expect([r.place.id, r.admin1, r.precision]).toEqual(['w10', 'Al-Anbar', 1])
  })

  it('writes a city neighbourhood as "City - District"', () => {
    const r = resolveToponym(gaz, { name: 'Karrada', country: 'IQ' })
    expect(r.status === 'resolved' && r.location).toBe('Baghdad - Karrada')
  })

  it('picks the same-name place in the province the context names', () => {
    const anbar = resolveToponym(gaz, { name: "Qa'im", country: 'Iraq', admin1: 'Anbar' })
    const qadisiyah = resolveToponym(gaz, { name: 'Al Qaim', country: 'Iraq', admin1: 'Qadisiyah' })
    expect(anbar.status === 'resolved' && anbar.place.id).toBe('w13')
    expect(qadisiyah.status === 'resolved' && qadisiyah.place.id).toBe('w31')
  })

  it('leaves two equally good same-name places unresolved, with both as candidates', () => {
    const r = resolveToponym(gaz, { name: "Qa'im", country: 'Iraq' })
    expect(r.status).toBe('unresolved')
    expect(r.candidates.map((c) => c.id).sort()).toEqual(['w13', 'w31'])
  })

  it('prefers the candidate near the report\'s other places', () => {
    const r = resolveToponym(gaz, { name: "Qa'im", country: 'Iraq', near: [{ lat: 33.04, lon: 40.29 }] })
    expect(r.status === 'resolved' && r.place.id).toBe('w13')
  })

  it('never pins the Ninawa Husayniyat for the Husayniyat area of Anbar', () => {
    const r = resolveToponym(gaz, { name: 'the Husayniyat area', country: 'Iraq', admin1: 'Anbar' })
    expect(r.status).toBe('unresolved')
    if (r.status !== 'unresolved') return
    expect(r.admin1).toBe('Al-Anbar')
    expect(r.fallback).toMatchObject({ precision: 3, admin1: 'Al-Anbar', lat: 33.42056 })
    expect(r.candidates.find((c) => c.id === 'w21')?.rejected).toMatch(/Ninawa/)
  })

  it('pins a settlement that names an area with precision 2', () => {
    const r = resolveToponym(gaz, { name: 'the Nukhayb desert', country: 'Iraq', admin1: 'Anbar' })
    expect(r.status === 'resolved' && [r.place.name, r.admin1, r.precision]).toEqual(['An Nukhayb', 'Al-Anbar', 2])
  })

  it('reads Arabic script', () => {
    const r = resolveToponym(gaz, { name: 'الرمادي', country: 'Iraq' })
    expect(r.status === 'resolved' && r.place.id).toBe('w10')
  })

  it('takes a province named as such to its capital with precision 3', () => {
    const r = resolveToponym(gaz, { name: 'Anbar Province', country: 'Iraq' })
    expect(r.status === 'resolved' && [r.location, r.precision, r.lat]).toEqual(['Al-Anbar', 3, 33.42056])
  })

  it('says unresolved for a name the gazetteer lacks', () => {
    const r = resolveToponym(gaz, { name: 'Akashat', country: 'Iraq', admin1: 'Anbar' })
    expect(r.status).toBe('unresolved')
  })
})

describe('resolveRelative and provinceFallback', () => {
  it('offsets "30 km south of Rutba" with precision 2', () => {
    const r = resolveRelative(gaz, '30 km south of Rutba', { country: 'Iraq' })
    expect(r?.status).toBe('resolved')
    if (r?.status === 'resolved') {
      expect(r.precision).toBe(2)
      expect(r.lat).toBeCloseTo(32.767, 2)
    }
  })

  it('gives the province capital with precision 3', () => {
    expect(provinceFallback(gaz, 'Iraq', 'Anbar Province')).toMatchObject({ location: 'Al-Anbar', precision: 3, lon: 43.30778 })
    expect(provinceFallback(gaz, 'Iraq', 'Atlantis')).toBeUndefined()
  })
})

describe('explainGeocode', () => {
  it('reads country and province from the context and lists what was set aside', () => {
    const text = explainGeocode(gaz, 'Husayniyat', 'an underground camp in the Husayniyat area, southwest of Anbar Province, Iraq')
    expect(text).toMatch(/country Iraq; province Al-Anbar/)
    expect(text).toMatch(/unresolved/)
    expect(text).toMatch(/rejected: in Ninawa, not Al-Anbar/)
  })
})
