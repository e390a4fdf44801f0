import { describe, expect, it } from 'vitest'
import { haversineKm, offsetPoint } from './geo-math.js'
import { parseRelative } from './relative.js'

describe('parseRelative', () => {
  it.each([
    ['30 km south of Rutba', { anchor: 'Rutba', km: 30, bearing: 180 }],
    ['about 12 kilometres north-west of Mosul', { anchor: 'Mosul', km: 12, bearing: 315 }],
    ['5 miles east of Kirkuk', { anchor: 'Kirkuk', km: 8.05, bearing: 90 }],
    ['southwest of Anbar', { anchor: 'Anbar', km: null, bearing: 225 }],
    ['near Qaim', { anchor: 'Qaim', km: null, bearing: null }],
    ['on the outskirts of Fallujah', { anchor: 'Fallujah', km: null, bearing: null }],
  ])('reads %s', (phrase, expected) => {
    expect(parseRelative(phrase)).toEqual(expected)
  })

  it('leaves a plain place name alone', () => {
    expect(parseRelative('Ramadi')).toBeUndefined()
  })
})

describe('offsetPoint', () => {
  it('moves the given distance along the bearing', () => {
    const p = offsetPoint(33.037, 40.286, 30, 180)
    expect(haversineKm(33.037, 40.286, p.lat, p.lon)).toBeCloseTo(30, 0)
    expect(p.lat).toBeLessThan(33.037)
    expect(p.lon).toBeCloseTo(40.286, 3)
  })

  it('refuses non-numbers', () => {
    expect(() => offsetPoint(Number.NaN, 0, 1, 0)).toThrow(TypeError)
  })
})
