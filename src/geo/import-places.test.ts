import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { place, writeFixtureGazetteer } from './fixture-gazetteer.js'
import { loadGazetteer } from './gazetteer.js'
import { importPlaces } from './import-places.js'

function geonamesLine(f: (string | number)[]): string {
  return f.join('\t')
}

const akashat = geonamesLine([99001, 'Akashat', 'Akashat', 'Akashat,عكاشات', 33.795, 40.603, 'P', 'PPL', 'IQ', '', '01', '', '', '', 2000, '', 600, 'Asia/Baghdad', '2020-01-01'])
const ramadiAgain = geonamesLine([98717, 'Ramadi', 'Ramadi', 'Ramadie', 33.42056, 43.30778, 'P', 'PPLA', 'IQ', '', '01', '', '', '', 223500, '', 51, 'Asia/Baghdad', '2020-01-01'])
const badCoords = geonamesLine([99002, 'Nowhere', 'Nowhere', '', 'north', 40.6, 'P', 'PPL', 'IQ', '', '01', '', '', '', 0, '', 0, 'Asia/Baghdad', '2020-01-01'])

describe('importPlaces', () => {
  it('adds new GeoNames places, merges known ones and reports bad rows by line', () => {
    const dir = writeFixtureGazetteer([
      {
        iso2: 'IQ', iso3: 'IRQ', name: 'Iraq',
        admin1: [{ name: 'Al-Anbar', code: '01', capitalId: 'w10' }],
        places: [place('w10', 'Ramadi', 33.42056, 43.30778, 'Al-Anbar', { population: 223500 })],
      },
    ])
    const file = join(mkdtempSync(join(tmpdir(), 'sitrep-import-')), 'IQ.txt')
    writeFileSync(file, [akashat, 'too\tfew\tcolumns', ramadiAgain, badCoords].join('\n') + '\n')
    const r = importPlaces(file, dir)
    expect(r).toMatchObject({ format: 'geonames', read: 4, added: 1, merged: 1, countries: { IQ: 2 } })
    expect(r.errors.map((e) => e.line)).toEqual([2, 4])
    const gaz = loadGazetteer({ dir })
    expect(gaz.lookup('Akashat', { country: 'IQ' })[0]).toMatchObject({ admin1: 'Al-Anbar', population: 2000 })
    expect(gaz.lookup('Akashat')[0]?.id).toBe('g99001')
    expect(gaz.lookup('Ramadie', { country: 'IQ' })[0]?.id).toBe('w10')
  })

  it('imports a Who\'s On First CSV into an empty directory', () => {
    const out = mkdtempSync(join(tmpdir(), 'sitrep-wof-'))
    const file = join(out, 'wof_iq.csv')
    writeFileSync(file, [
      'wof_id,name,placetype,latitude,longitude,country,admin1,admin2,geonames_id,wikidata_id,name_eng,name_ara,name_other_latin,is_current,population,src_geom',
      '1,Akashat,locality,33.795,40.603,IQ,Al-Anbar,Ka\'im,,,"Akashat|Ukashat",عكاشات,,1,,whosonfirst',
      '2,Broken,locality,,40.6,IQ,Al-Anbar,,,,,,,1,,whosonfirst',
    ].join('\n'))
    const r = importPlaces(file, out)
    expect(r).toMatchObject({ format: 'wof', added: 1 })
    expect(r.errors).toEqual([{ line: 3, reason: 'latitude/longitude are not numbers' }])
    expect(loadGazetteer({ dir: out }).lookup('Ukashat', { country: 'IQ' })[0]?.name).toBe('Akashat')
  })
})
