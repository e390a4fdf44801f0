import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, parseEventQuery } from './query.js'

const cursor = encodeCursor({ event_date: '2019-04-11', event_id: 'IRQ0001' })

describe('parseEventQuery accepts', () => {
  it('every parameter at once, in HTTP spelling', () => {
    const r = parseEventQuery({
      country: 'Iraq,SY', admin1: ['Al-Anbar', 'Ninawa'], type: 'battles', 'sub-type': 'ARMED CLASH', actor: 'Islamic State',
      since: '2019-01-01', until: '2019-12-31', bbox: '38.79, 29.06, 48.57, 37.38', q: 'Ramadi', 'min-fatalities': '0',
      limit: '10000', cursor, background: 'true',
    })
    expect(r).toEqual({
      ok: true,
      query: {
        country: ['Iraq', 'SY'], admin1: ['Al-Anbar', 'Ninawa'], type: ['Battles'], subType: ['Armed clash'], actor: 'Islamic State',
        since: '2019-01-01', until: '2019-12-31', bbox: [38.79, 29.06, 48.57, 37.38], q: 'Ramadi', minFatalities: 0,
        limit: 10000, cursor, includeBackground: true,
      },
    })
  })

  it('nothing, as an empty query', () => {
    expect(parseEventQuery({ country: undefined })).toEqual({ ok: true, query: {} })
  })

  it('repeated and comma-separated lists together, types in any case', () => {
    const r = parseEventQuery({ type: ['PROTESTS,riots', 'explosions/remote violence'], country: ['IQ', 'SY, TR'] })
    expect(r).toEqual({ ok: true, query: { type: ['Protests', 'Riots', 'Explosions/Remote violence'], country: ['IQ', 'SY', 'TR'] } })
  })

  it('the camelCase names commander produces', () => {
    expect(parseEventQuery({ subType: 'attack', minFatalities: '5' })).toEqual({ ok: true, query: { subType: ['Attack'], minFatalities: 5 } })
  })

  it('a bare background flag, a one-day range and a leap day', () => {
    expect(parseEventQuery({ background: '', since: '2020-02-29', until: '2020-02-29' })).toEqual({ ok: true, query: { includeBackground: true, since: '2020-02-29', until: '2020-02-29' } })
    expect(parseEventQuery({ background: 'no' })).toEqual({ ok: true, query: { includeBackground: false } })
  })

  it('a bbox on the edges of the world', () => {
    expect(parseEventQuery({ bbox: '-180,-90,180,90' })).toEqual({ ok: true, query: { bbox: [-180, -90, 180, 90] } })
  })

  it('parameters the caller asks it to ignore', () => {
    expect(parseEventQuery({ format: 'csv', limit: '5' }, { ignore: ['format'] })).toEqual({ ok: true, query: { limit: 5 } })
  })
})

// [parameters, the parameter the error must name, a phrase of the reason]
const bad: [Record<string, string | string[]>, string, RegExp][] = [
  [{ since: '2019/01/01' }, 'since', /YYYY-MM-DD/],
  [{ since: '2019-02-29' }, 'since', /real date/],
  [{ until: '2019-13-01' }, 'until', /real date/],
  [{ since: '2020-01-02', until: '2020-01-01' }, 'since', /after until/],
  [{ bbox: '1,2,3' }, 'bbox', /four numbers/],
  [{ bbox: '1,2,3,x' }, 'bbox', /four numbers/],
  [{ bbox: '1,2,3,1e3' }, 'bbox', /four numbers/],
  [{ bbox: '-181,0,10,10' }, 'bbox', /-180\.\.180/],
  [{ bbox: '0,-91,10,10' }, 'bbox', /-90\.\.90/],
  [{ bbox: '0,20,10,10' }, 'bbox', /south 20 is north of north 10/],
  [{ bbox: '170,0,-170,10' }, 'bbox', /antimeridian/],
  [{ 'min-fatalities': '-1' }, 'min-fatalities', /non-negative integer/],
  [{ 'min-fatalities': '2.5' }, 'min-fatalities', /non-negative integer/],
  [{ limit: '0' }, 'limit', /1 to 10000/],
  [{ limit: '10001' }, 'limit', /1 to 10000/],
  [{ limit: 'ten' }, 'limit', /1 to 10000/],
  [{ limit: ['5', '6'] }, 'limit', /given 2 times/],
  [{ type: 'Battle' }, 'type', /unknown event type "Battle" \(allowed: Battles, Explosions\/Remote violence, Violence against civilians, Protests, Riots, Strategic developments/],
  [{ 'sub-type': 'Shooting' }, 'sub-type', /unknown sub-event type "Shooting" \(allowed: .*Armed clash/],
  [{ q: 'x'.repeat(501) }, 'q', /at most 500 characters/],
  [{ actor: 'x'.repeat(201) }, 'actor', /at most 200 characters/],
  [{ country: ['IQ', 'y'.repeat(201)] }, 'country', /at most 200 characters/],
  [{ admin1: ' , ' }, 'admin1', /empty/],
  [{ country: Array.from({ length: 101 }, (_, i) => `C${i}`) }, 'country', /at most 100 values/],
  [{ actor: '  ' }, 'actor', /empty/],
  [{ background: 'maybe' }, 'background', /true or false/],
  [{ background: 'constructor' }, 'background', /true or false/],
  [{ cursor: 'not a cursor!' }, 'cursor', /base64url/],
  [{ cursor: Buffer.from('{oops').toString('base64url') }, 'cursor', /JSON/],
  [{ cursor: Buffer.from('{"a":1}').toString('base64url') }, 'cursor', /\[event_date, event_id\]/],
  [{ contry: 'IQ' }, 'contry', /unknown parameter \(allowed: country, /],
  [{ subType: 'Attack', 'sub-type': 'Attack' }, 'sub-type', /given twice/],
]

describe('parseEventQuery refuses', () => {
  it.each(bad)('%j, naming the parameter', (raw, param, reason) => {
    const r = parseEventQuery(raw)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.startsWith(`${param}: `), r.error).toBe(true)
    expect(r.error).toMatch(reason)
  })

  it('and reports every bad parameter at once', () => {
    const r = parseEventQuery({ limit: '0', type: 'x', since: 'yesterday', cursor: '!', bbox: '9,0,1,1', nope: '1' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.split('; ').map((m) => m.split(':')[0]).sort()).toEqual(['bbox', 'cursor', 'limit', 'nope', 'since', 'type'])
  })
})

describe('cursors', () => {
  it('round-trip the keyset position, null dates and any id included', () => {
    for (const c of [{ event_date: '2019-04-11', event_id: 'IRQ0001' }, { event_date: null, event_id: 'x/y,"z" ü' }]) {
      const s = encodeCursor(c)
      expect(s).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(decodeCursor(s)).toEqual(c)
    }
  })

  it('throw a clear message on anything else', () => {
    expect(() => decodeCursor('abc$')).toThrow(/^invalid cursor: not base64url/)
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(/^invalid cursor: not a cursor of this API/)
    expect(() => decodeCursor(Buffer.from('["2019-02-30","a"]').toString('base64url'))).toThrow(/^invalid cursor/)
  })
})
