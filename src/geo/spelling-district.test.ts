import { describe, expect, it } from 'vitest'
import { consonantKey } from './consonant-key.js'
import { place, writeFixtureGazetteer } from './fixture-gazetteer.js'
import { loadGazetteer } from './gazetteer.js'
import { resolveToponym } from './resolve.js'

// An invented Syrian province: villages known by their Arabic names, two namesakes in two
// districts, and districts whose seats share their names.
const dir = writeFixtureGazetteer([
  {
    iso2: 'SY', iso3: 'SYR', name: 'Syria', capitalId: 's0',
    admin1: [{ name: 'Idlib', code: '08', capitalId: 's1' }, { name: 'Damascus', code: '01', capitalId: 's0' }],
    places: [
      place('s0', 'Damascus', 33.51, 36.29, 'Damascus', { population: 1700000, admin2: 'Damascus' }),
      place('s1', 'Idlib', 35.93, 36.63, 'Idlib', { population: 160000, admin2: 'Idleb' }),
      place('s2', 'Ariha', 35.81, 36.61, 'Idlib', { population: 40000, admin2: 'Ariha' }),
      place('s3', '`Ayn al `Arus', 35.70, 36.45, 'Idlib', { admin2: 'Ariha', altNames: ['عين لاروز'] }),
      place('s4', 'Juzif', 35.74, 36.55, 'Idlib', { admin2: 'Ariha', altNames: ['جوزيف'] }),
      place('s5', 'Harim', 36.21, 36.52, 'Idlib', { population: 20000, admin2: 'Harim' }),
      place('s6', 'Al Mansurah', 36.15, 36.60, 'Idlib', { admin2: 'Harim' }),
      place('s7', 'Al Mansurah', 35.78, 36.58, 'Idlib', { admin2: 'Ariha' }),
      place('s8', 'Al Qanatir', 36.05, 36.40, 'Idlib', { admin2: 'Harim' }),
      place('s9', 'Qantarah', 35.60, 36.70, 'Idlib', { admin2: 'Ariha', altNames: ['قنطرة'] }),
    ],
  },
])
const gaz = loadGazetteer({ dir })
const where = (name: string, admin2?: string) => {
  const r = resolveToponym(gaz, { name, country: 'SY', admin1: 'Idlib', ...(admin2 ? { admin2 } : {}) })
  return r.status === 'resolved' ? `${r.place.id} p${r.precision}${r.byDistrict ? ' district' : ''}` : 'unresolved'
}

describe('consonant keys', () => {
  it.each([
    ['Ein Laroz', 'عين لاروز'], ['Josef', 'جوزيف'], ['Menagh', 'منق'], ['Al Tamanaa al Ghab', 'تمانعة الغاب'], ['Eastern Ghariyah', 'غارية الشرقية'],
  ])('"%s" and "%s" have the same consonants', (latin, arabic) => {
    expect(consonantKey(latin)).toBe(consonantKey(arabic))
  })

  it.each([
    ['Faysal', 'Faysaliyah'], ['Maghar', 'Umm Ghuwayr'], ['Thayyem', 'Tamim'],
  ])('"%s" and "%s" do not', (a, b) => {
    expect(consonantKey(a)).not.toBe(consonantKey(b))
  })
})

describe('spelling and district fallbacks', () => {
  it('finds a village by the consonants of its Arabic name, inside the named province', () => {
    expect(where('Ein Laroz village')).toBe('s3 p1')
    expect(where('Josef village')).toBe('s4 p1')
  })

  it('does not take a two-consonant or far-from-unique match', () => {
    expect(where('Qantara')).not.toBe('s8 p1')
  })

  it('prefers the namesake inside the district the text names', () => {
    expect(where('Al Mansurah', 'Harim district')).toBe('s6 p1')
    expect(where('Al Mansurah', 'Ariha district')).toBe('s7 p1')
  })

  it("falls back to the district's seat, precision 2, keeping the named place", () => {
    const r = resolveToponym(gaz, { name: 'Tall Zuhur village', country: 'SY', admin1: 'Idlib', admin2: 'Mintaqat Ariha district' })
    expect(r.status).toBe('resolved')
    if (r.status === 'resolved') expect([r.place.id, r.precision, r.location, r.byDistrict, r.admin2]).toEqual(['s2', 2, 'Tall Zuhur', true, 'Ariha'])
  })

  it('without a district the unknown village stays unresolved, with its province as fallback', () => {
    const r = resolveToponym(gaz, { name: 'Tall Zuhur village', country: 'SY', admin1: 'Idlib' })
    expect(r.status).toBe('unresolved')
    if (r.status === 'unresolved') expect(r.fallback?.precision).toBe(3)
  })

  it('a district the gazetteer does not know is no fallback', () => {
    expect(where('Tall Zuhur village', 'Nowhere district')).toBe('unresolved')
  })

  it('a place named as a district is precision 2', () => {
    expect(where('Harim district')).toBe('s5 p2')
  })
})
