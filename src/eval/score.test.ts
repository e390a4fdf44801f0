import { describe, it, expect } from 'vitest'
import { score, formatScore, type GoldCase, type SystemCase } from './score.js'

// A hand-computed example for the port of the referee (shared/bench/score.mjs). The similarity of each pair
// is worked out beside it: type +2, sub-event +1, place +2 (else admin1 alone +1), date within 7 days +1, actors +1;
// a pair needs 3; a date more than 31 days off scores 0.
const IRAQ = 'Military Forces of Iraq'
const UAG = 'Unidentified Armed Group (Iraq)'
const CIV = 'Civilians (Iraq)'

const gold: GoldCase[] = [
  {
    id: 'a',
    events: [
      // gA1 — matched by sA1
      { event_type: 'Battles', sub_event_type: 'Armed clash', actor1: IRAQ, actor2: 'Islamic State', admin1: 'Al-Anbar', location: 'Rutba', geo_precision: 2, event_date: '2019-04-15', fatalities: 3 },
      // gA2 — past context, matched by the background sA2
      { event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory', actor1: 'Islamic State', actor2: IRAQ, admin1: 'Al-Anbar', location: 'Rutba', geo_precision: 1, event_date: '2015-05-15', background: true },
    ],
  },
  {
    id: 'b', same_incident_as: ['c'],
    events: [
      // gB1 — no coordinates and no location: its place is judged by admin1 and a precision at least as coarse
      { event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: UAG, actor2: CIV, admin1: 'Al-Anbar', geo_precision: 3, event_date: '2019-04-14', fatalities: 5 },
      // gB2 — missed
      { event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', actor1: UAG, actor2: IRAQ, admin1: 'Ninawa', location: 'Mosul', geo_precision: 1, event_date: '2019-04-14', fatalities: 2 },
    ],
  },
  {
    id: 'c', same_incident_as: ['b'],
    // gC1 — the incident of gB1, told by another report
    events: [{ event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: UAG, actor2: CIV, admin1: 'Al-Anbar', geo_precision: 3, event_date: '2019-04-14', fatalities: 5 }],
  },
]

const system = (ids: { a: string; b: string; c: string }): SystemCase[] => [
  {
    id: 'a',
    events: [
      // sA1 ~ gA1: 2 + 1 + place 2 (admin1 "Anbar" = "Al-Anbar", precision 2 >= 2) + date 1 (a day off) + actors 1 ("ISIS", swapped) = 7
      // fields: date not exact, fatalities 4 != 3
      { event_id: ids.a, event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'ISIS', actor2: IRAQ, admin1: 'Anbar', location: 'Ar Rutbah', geo_precision: 2, event_date: '2019-04-16', fatalities: 4, background: false },
      // sA2 ~ gA2: 2 + 1 + 2 + 1 + actors 0 (actor2 missing) = 6; ~ gA1: dates 4 years apart = 0
      { event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory', actor1: 'Islamic State', actor2: null, admin1: 'Al-Anbar', location: 'Rutbah', geo_precision: 1, event_date: '2015-05-15', background: true },
      // sA3 ~ gA1: date only = 1 < 3: spurious
      { event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Iraq)', actor2: null, admin1: 'Baghdad', location: 'Baghdad', geo_precision: 1, event_date: '2019-04-15', background: false },
    ],
  },
  {
    id: 'b',
    events: [
      // sB1 ~ gB1: admin1 "Anbaar" is one letter from "anbar" (names of 5+ letters may be 2 apart): 2 + 1 + 2 + 1 + 1 = 7
      // sB1 ~ gB2: date 1 only (actor pairs differ) = 1
      { event_id: ids.b, event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: UAG, actor2: CIV, admin1: 'Anbaar', location: 'Ramadi', geo_precision: 3, event_date: '2019-04-14', fatalities: 5 },
    ],
  },
  {
    id: 'c',
    events: [
      // sC1 ~ gC1: precision 1 is finer than gold's 3, so no place match, admin1 alone +1: 2 + 1 + 1 + 1 + 1 = 6
      // fields: geo_precision 1 != 3, date a day off
      { event_id: ids.c, event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: UAG, actor2: CIV, admin1: 'Al-Anbar', geo_precision: 1, event_date: '2019-04-15', fatalities: 5 },
    ],
  },
]

describe('score (the referee, ported)', () => {
  // sA1 shares its event id with sB1 and sC1: the system merged the Anbar clash with the attack (2 wrong pairs)
  const r = score(gold, system({ a: 'E1', b: 'E1', c: 'E1' }))

  it('counts a match per case, a miss and a spurious event: tp 3, fp 1, fn 1', () => {
    expect(r.cases).toBe(3)
    expect(r.events).toEqual({ tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75, f1: 0.75 })
  })

  it('a background pair counts neither for nor against precision, and is marked', () => {
    expect(r.background).toEqual({ pairs: 1, marked: 1 })
  })

  it('field accuracies are over the three matched reported pairs', () => {
    expect(r.fields).toEqual({
      event_type: { accuracy: 1, n: 3 },
      sub_event_type: { accuracy: 1, n: 3 },
      actors: { accuracy: 1, n: 3 },
      location: { accuracy: 1, n: 1 }, // only gA1 names a location
      admin1: { accuracy: 1, n: 3 }, // "Anbar" and "Anbaar" both pass
      geo_precision: { accuracy: 0.667, n: 3 }, // sC1 is 1, gold 3
      date_exact: { accuracy: 0.333, n: 3 }, // only sB1
      date_within_3d: { accuracy: 1, n: 3 },
      fatalities: { accuracy: 0.667, n: 3 }, // sA1 says 4
    })
  })

  it('merge pairs: b-c merged as gold says (tp), a-b and a-c merged wrongly (fp)', () => {
    expect(r.merge).toEqual({ tp: 1, fp: 2, fn: 0, precision: 0.333, recall: 1 })
  })

  it('a pair gold calls one incident and the system keeps apart is a merge miss', () => {
    const apart = score(gold, system({ a: 'E1', b: 'E1', c: 'E2' }))
    expect(apart.merge).toEqual({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 })
    const right = score(gold, system({ a: 'E9', b: 'E1', c: 'E1' }))
    expect(right.merge).toEqual({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 })
  })

  it('per type and misses name what went wrong', () => {
    expect(r.per_type).toEqual({
      Battles: { tp: 1, fp: 0, fn: 0 },
      'Violence against civilians': { tp: 2, fp: 0, fn: 0 },
      'Explosions/Remote violence': { tp: 0, fp: 0, fn: 1 },
      Protests: { tp: 0, fp: 1, fn: 0 },
    })
    expect(r.misses).toEqual([
      'a: spurious Protests / Peaceful protest at Baghdad',
      'b: missed Explosions/Remote violence / Remote explosive/landmine/IED at Mosul',
    ])
  })

  it('prints the referee\'s text report line for line', () => {
    expect(formatScore(r, true).split('\n')).toEqual([
      'cases 3  events P 0.75 R 0.75 F1 0.75 (tp 3 fp 1 fn 1)',
      '  event_type      1 (n=3)',
      '  sub_event_type  1 (n=3)',
      '  actors          1 (n=3)',
      '  location        1 (n=1)',
      '  admin1          1 (n=3)',
      '  geo_precision   0.667 (n=3)',
      '  date_exact      0.333 (n=3)',
      '  date_within_3d  1 (n=3)',
      '  fatalities      0.667 (n=3)',
      '  background     1/1 past-context mentions marked as background',
      '  merge          P 0.333 R 1 (pairs tp 1 fp 2 fn 0)',
      '  - a: spurious Protests / Peaceful protest at Baghdad',
      '  - b: missed Explosions/Remote violence / Remote explosive/landmine/IED at Mosul',
    ])
  })

  it('does not change its inputs', () => {
    const g = structuredClone(gold), s = system({ a: 'E1', b: 'E1', c: 'E1' }), s0 = structuredClone(s)
    score(g, s)
    expect(g).toEqual(gold)
    expect(s).toEqual(s0)
  })
})

describe('score: background mistakes', () => {
  const news = { event_type: 'Battles', sub_event_type: 'Armed clash', actor1: IRAQ, actor2: 'Islamic State', admin1: 'Al-Anbar', location: 'Rutba', geo_precision: 1, event_date: '2019-04-15' }
  const past = { ...news, sub_event_type: 'Non-state actor overtakes territory', event_date: '2015-05-15', background: true }
  const g: GoldCase[] = [{ id: 'x', events: [news, past] }]

  it('news marked as background is a miss; background reported as news is spurious', () => {
    const r = score(g, [{ id: 'x', events: [{ ...news, background: true }, { ...past, background: false }] }])
    expect(r.events).toMatchObject({ tp: 0, fp: 1, fn: 1 })
    expect(r.background).toEqual({ pairs: 1, marked: 0 })
    expect(r.misses).toEqual(['x: reported event marked as background'])
  })

  it('a case missing from the system output has no events', () => {
    const r = score(g, [])
    expect(r.events).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: 0, recall: 0, f1: 0 })
  })

  it('a system background event with no gold pair costs nothing', () => {
    const r = score([{ id: 'y', events: [news] }], [{ id: 'y', events: [news, { ...past, location: 'Mosul', admin1: 'Ninawa' }] }])
    expect(r.events).toMatchObject({ tp: 1, fp: 0, fn: 0 })
  })
})
