import { describe, expect, it } from 'vitest'
import { loadGazetteer } from './gazetteer.js'
import { findMentions } from './mentions.js'
import { resolveToponym } from './resolve.js'

// The committed gazetteer in data/gazetteer, as shipped.
const gaz = loadGazetteer()

function resolved(q: Parameters<typeof resolveToponym>[1]) {
  const r = resolveToponym(gaz, q)
  if (r.status !== 'resolved') throw new Error(`${q.name} unresolved: ${r.reasons.join('; ')}`)
  return r
}

describe('committed gazetteer', () => {
  it('files Ramadi under Al-Anbar, as the admin1 capital', () => {
    const r = resolved({ name: 'Ramadi', country: 'Iraq' })
    expect([r.admin1, r.precision]).toEqual(['Al-Anbar', 1])
    expect(gaz.capital('Iraq', 'Anbar')?.name).toBe('Ramadi')
  })

  it('has Karrada as a Baghdad neighbourhood', () => {
    const r = resolved({ name: 'Karrada', country: 'Iraq' })
    expect([r.location, r.admin1]).toEqual(['Baghdad - Karrada', 'Baghdad'])
  })

  it('puts An Nukhayb in Al-Anbar, and the Nukhayb desert there with precision 2', () => {
    expect(resolved({ name: 'An Nukhayb', country: 'Iraq' }).admin1).toBe('Al-Anbar')
    expect(resolved({ name: 'the Nukhayb desert', country: 'Iraq', admin1: 'Anbar' }).precision).toBe(2)
  })

  it("tells Qa'im in Anbar from Qa'im in Qadisiyah by context", () => {
    expect(resolved({ name: "Qa'im", country: 'Iraq', admin1: 'Anbar' }).admin1).toBe('Al-Anbar')
    expect(resolved({ name: "Qa'im", country: 'Iraq', admin1: 'Al-Qadisiyah' }).admin1).toBe('Al-Qadisiyah')
    // without a province, the district seat (Al Qa'im of Qa'im district) outranks the Qadisiyah village
    expect(resolved({ name: "Qa'im", country: 'Iraq' }).admin1).toBe('Al-Anbar')
  })

  it('keeps the Husayniyat area of Anbar out of Ninawa', () => {
    const r = resolveToponym(gaz, { name: 'the Husayniyat area', country: 'Iraq', admin1: 'Anbar' })
    expect(r.status === 'resolved' ? r.admin1 : r.admin1).toBe('Al-Anbar')
  })

  it('uses WOF admin1 names in Iraq and Syria and GeoNames names elsewhere', () => {
    expect(gaz.admin1('Iraq', 'Salahuddin')?.name).toBe('Sala ad-Din')
    expect(gaz.admin1('Syria', 'Deir ez-Zor')?.name).toBe('Days Az Zawr')
    expect(gaz.admin1('Syria', 'Hasakah')?.name).toBe('Hasaka (Al Haksa)')
    expect(gaz.admin1('Nigeria', 'Borno')?.name).toBe('Borno State')
    expect(gaz.admin1('Sudan', 'North Darfur')?.name).toBe('Northern Darfur')
    expect(gaz.country('DRC')?.name).toBe('Democratic Republic of Congo')
  })

  it('resolves towns of countries without WOF data from GeoNames', () => {
    expect(resolved({ name: 'Culiacan', country: 'Mexico' }).admin1).toBe('Sinaloa')
    expect(resolved({ name: 'Maiduguri' }).admin1).toBe('Borno State')
  })

  it('finds the country and province a context names', () => {
    const m = findMentions(gaz, 'Iraqi forces raided a hideout in Anbar Province, near the Syrian border.')
    expect(m.countries.map((c) => c.iso2)).toEqual(['IQ', 'SY'])
    expect(m.admin1.map((a) => a.name)).toEqual(['Al-Anbar'])
  })
})

describe('the index file check', () => {
  it('a malformed index.json is refused with the file named, unless a current database vouches for it', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { readIndexFile } = await import('./gazetteer-index.js')
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-index-'))
    mkdirSync(join(dir, 'places'))
    const bad = { version: 1, normalizerVersion: 1, built: 'x', countries: { IQ: { iso2: 'IQ', iso3: 'IRQ', name: 'Iraq', aliases: [], capital: null, admin1: [{ name: 'Baghdad', code: null, aliases: [], capital: null, count: 'many' }], count: 1, wof: false } } }
    writeFileSync(join(dir, 'index.json'), JSON.stringify(bad))
    expect(() => readIndexFile(dir)).toThrow(/index\.json is not a Sitrep gazetteer index/)
    expect(() => readIndexFile(dir, { checked: true })).not.toThrow()
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...bad, version: 2 }))
    expect(() => readIndexFile(dir, { checked: true })).toThrow(/not a Sitrep gazetteer index/)
  })
})
