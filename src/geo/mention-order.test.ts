import { describe, expect, it } from 'vitest'
import type { PlaceMention } from '../entities/places.js'
import { mainPlaces, mentionOrder } from './mention-order.js'

/** A mention with defaults: mention("Ramadi", 2, { cue: "in" }) */
function mention(name: string, sentence: number, extra: Partial<PlaceMention> = {}): PlaceMention {
  const start = sentence * 100 + name.length
  return { name, sentence, start, end: start + name.length, first: 0, last: 0, cue: 'in', feature: null, featureWord: null, relative: null, ...extra }
}
const provinces = new Set(['Anbar', 'Daraa'])
const isAdmin1 = (p: PlaceMention) => provinces.has(p.name)
const names = (xs: { mention: PlaceMention }[]) => xs.map((x) => x.mention.name)

describe('mentionOrder', () => {
  const dateline = mention('BAGHDAD', 0, { cue: 'dateline' })
  const qaim = mention('Qaim', 0)
  const anbar = mention('Anbar', 1, { feature: 'admin1' })
  const from = mention('Najaf', 2, { cue: 'from' })
  const haditha = mention('Haditha', 2)
  const report = { places: [dateline, qaim, anbar, from, haditha], paragraphOf: (s: number) => (s < 2 ? 0 : 1) }

  it('offers the own towns first, then the province, never a place introduced by "from"', () => {
    expect(names(mentionOrder([anbar, haditha, from], [1, 2], report, isAdmin1)).slice(0, 2)).toEqual(['Haditha', 'Anbar'])
    expect(names(mentionOrder([from], [2], report, isAdmin1))).not.toContain('Najaf')
  })

  it('without an own place, takes the nearest place told before it in the paragraph, then the report, the dateline last', () => {
    const order = mentionOrder([], [1], report, isAdmin1)
    expect(order[0]).toMatchObject({ tier: 'sentence' })
    expect(names(mentionOrder([], [3], { ...report, paragraphOf: () => 1 }, isAdmin1))[0]).toBe('Haditha')
    expect(names(mentionOrder([], [1], report, isAdmin1)).at(-1)).toBe('BAGHDAD')
  })

  it('puts a province named with "in" before a town named in passing ("in solidarity with Sweida")', () => {
    const daraa = mention('Daraa', 3, { feature: 'admin1' })
    const sweida = mention('Sweida', 3, { cue: null })
    expect(names(mentionOrder([daraa, sweida], [3], { places: [daraa, sweida], paragraphOf: () => 0 }, isAdmin1))[0]).toBe('Daraa')
  })
})

describe('mainPlaces', () => {
  it('ranks the town named most often first and the dateline last', () => {
    const ps = [mention('MOSUL', 0, { cue: 'dateline' }), mention('Tal Afar', 0), mention('Mosul', 1), mention('Mosul', 2)]
    expect(mainPlaces(ps, () => false).map((p) => p.name)).toEqual(['Mosul', 'Tal Afar', 'MOSUL'])
  })
})
