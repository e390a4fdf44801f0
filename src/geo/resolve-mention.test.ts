import { describe, expect, it } from 'vitest'
import { writeFixtureWorld } from './fixture-world.js'
import { loadGazetteer } from './gazetteer.js'
import { resolveToponym } from './resolve.js'
import { resolveMention, type MentionContext } from './resolve-mention.js'
import { isDistrictSeat } from './score.js'
import type { Place } from './types.js'

const gaz = loadGazetteer({ dir: writeFixtureWorld() })
const resolve = (q: Parameters<typeof resolveToponym>[1]) => resolveToponym(gaz, q)
const ctx = (focus: string, others: string[] = [], extra: Partial<MentionContext> = {}): MentionContext =>
  ({ countries: [focus, ...others], focus, province: null, nearbyProvince: null, near: [], areaWord: false, ...extra })
const where = (name: string, c: MentionContext) => {
  const r = resolveMention(gaz, resolve, name, c)
  return r?.status === 'resolved' ? `${r.place.name}, ${r.admin1}` : `unresolved (${r?.admin1 ?? '-'})`
}

describe('resolveMention', () => {
  it("keeps the report's country: Najaf the Iraqi city, not the village in Iran", () => {
    expect(where('Najaf', ctx('IQ', ['IR']))).toBe('Najaf, An-Najaf')
  })

  it('lets a province named earlier guide but not filter: Najaf after a Dhi Qar paragraph', () => {
    expect(where('Najaf', ctx('IQ', ['IR'], { nearbyProvince: 'Dhi-Qar' }))).toBe('Najaf, An-Najaf')
  })

  it('prefers the district seat among same-name villages (Ras al-Ain of Ras al-Ain district)', () => {
    expect(where('Ras al-Ain', ctx('SY', ['TR']))).toBe("Ra's al `Ayn, Hasaka (Al Haksa)")
  })

  it("takes another country's town only when the main country lacks the name", () => {
    expect(where('Serêkaniyê', ctx('SY', ['TR']))).toBe('Ceylanpinar, Sanliurfa')
    expect(where('Tabriz', ctx('IQ', ['IR']))).toBe('Tabriz, East Azerbaijan')
  })

  it('trusts a one-letter spelling match only inside the province the clause names', () => {
    expect(where('Kafr Nabl', ctx('SY', [], { province: 'Idlib' }))).toBe('Kafr Nubl, Idlib')
    expect(where('Kafr Nabl', ctx('SY'))).toMatch(/^unresolved/)
  })
})

describe('isDistrictSeat', () => {
  const p = (name: string, admin2: string | null): Place =>
    ({ id: 'x', name, altNames: [], lat: 0, lon: 0, country: 'SY', countryName: 'Syria', admin1: null, admin2, kind: 'locality', population: 0 })
  it.each([
    ["Ra's al `Ayn", 'Ras Al Ain', true],
    ['Al Qamishli', 'Quamishli', true],
    ["Ra's al `Ayn", 'Ain Al Arab', false],
    ['Najaf', null, false],
  ])('%s in %s district: %s', (name, admin2, seat) => {
    expect(isDistrictSeat(p(name, admin2))).toBe(seat)
  })
})
