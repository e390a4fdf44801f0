import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, parseEventQuery, type Cursor } from './query.js'

const cursor = encodeCursor({ kind: 'date', event_date: '2019-04-11', event_id: 'IRQ0001' })
const queueCursor = encodeCursor({ kind: 'confidence', confidence: 0.35, event_id: 'IRQ0001' })

describe('parseEventQuery accepts', () => {
  it('every parameter at once, in HTTP spelling', () => {
    const r = parseEventQuery({
      country: 'Iraq,SY', admin1: ['Al-Anbar', 'Ninawa'], type: 'battles', 'sub-type': 'ARMED CLASH', actor: 'Islamic State',
      since: '2019-01-01', until: '2019-12-31', bbox: '38.79, 29.06, 48.57, 37.38', q: 'Ramadi', 'min-fatalities': '0',
      'min-confidence': '0.25', review: 'Unreviewed,corrected', limit: '10000', cursor, order: 'asc', background: 'true',
    })
    expect(r).toEqual({
      ok: true,
      query: {
        country: ['Iraq', 'SY'], admin1: ['Al-Anbar', 'Ninawa'], type: ['Battles'], subType: ['Armed clash'], actor: 'Islamic State',
        since: '2019-01-01', until: '2019-12-31', bbox: [38.79, 29.06, 48.57, 37.38], q: 'Ramadi', minFatalities: 0,
        minConfidence: 0.25, review: ['unreviewed', 'corrected'], limit: 10000, cursor, order: 'asc', includeBackground: true,
      },
    })
  })

  it('the review queue: order confidence with its own cursor, unreviewed events', () => {
    expect(parseEventQuery({ order: 'confidence', review: 'unreviewed', cursor: queueCursor }))
      .toEqual({ ok: true, query: { order: 'confidence', review: ['unreviewed'], cursor: queueCursor } })
  })

  it('min-confidence from 0 to 1 in any decimal spelling, and the camelCase commander gives', () => {
    for (const [raw, n] of [['0', 0], ['1', 1], ['.5', 0.5], ['0.75', 0.75], ['1.0', 1], [' 0.6 ', 0.6]] as const) {
      expect(parseEventQuery({ 'min-confidence': raw })).toEqual({ ok: true, query: { minConfidence: n } })
    }
    expect(parseEventQuery({ minConfidence: '0.9' })).toEqual({ ok: true, query: { minConfidence: 0.9 } })
  })

  it('a date cursor with either date order, and with none (desc)', () => {
    for (const order of [undefined, 'desc', 'asc']) expect(parseEventQuery({ cursor, order }).ok).toBe(true)
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
  [{ cursor: Buffer.from('{"order":"confidence","confidence":"0.5","event_id":"x"}').toString('base64url') }, 'cursor', /not a cursor of this API/],
  [{ cursor: Buffer.from('{"order":"confidence","confidence":0.5,"event_id":"x","more":1}').toString('base64url') }, 'cursor', /not a cursor of this API/],
  [{ cursor: queueCursor }, 'cursor', /a cursor of order confidence, but the order is desc/],
  [{ cursor: queueCursor, order: 'asc' }, 'cursor', /a cursor of order confidence, but the order is asc/],
  [{ cursor, order: 'confidence' }, 'cursor', /a cursor of the date order \(desc or asc\), but the order is confidence/],
  [{ 'min-confidence': '1.5' }, 'min-confidence', /expected a number from 0 to 1 such as 0\.6, got "1\.5"/],
  [{ 'min-confidence': '-0.1' }, 'min-confidence', /from 0 to 1/],
  [{ 'min-confidence': '60%' }, 'min-confidence', /from 0 to 1/],
  [{ 'min-confidence': '1e-1' }, 'min-confidence', /from 0 to 1/],
  [{ 'min-confidence': 'high' }, 'min-confidence', /from 0 to 1/],
  [{ 'min-confidence': ['0.5', '0.6'] }, 'min-confidence', /given 2 times/],
  [{ review: 'pending' }, 'review', /unknown review status "pending" \(allowed: unreviewed, confirmed, rejected, corrected\)/],
  [{ review: ' , ' }, 'review', /empty/],
  [{ order: 'newest' }, 'order', /unknown order "newest" \(allowed: desc, asc, confidence\)/],
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
    const cursors: Cursor[] = [
      { kind: 'date', event_date: '2019-04-11', event_id: 'IRQ0001' }, { kind: 'date', event_date: null, event_id: 'x/y,"z" ü' },
      { kind: 'confidence', confidence: 0.1 + 0.2, event_id: 'IRQ0001' }, { kind: 'confidence', confidence: 0, event_id: 'x/y,"z" ü' },
    ]
    for (const c of cursors) {
      const s = encodeCursor(c)
      expect(s).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(decodeCursor(s)).toEqual(c)
    }
  })

  it('keep the wire form of date cursors handed out before the review queue: [event_date, event_id]', () => {
    const old = Buffer.from(JSON.stringify(['2019-04-11', 'IRQ0001'])).toString('base64url')
    expect(encodeCursor({ kind: 'date', event_date: '2019-04-11', event_id: 'IRQ0001' })).toBe(old)
    expect(decodeCursor(old, 'asc')).toEqual({ kind: 'date', event_date: '2019-04-11', event_id: 'IRQ0001' })
  })

  it('refuse, given the order, a cursor of another order', () => {
    expect(() => decodeCursor(queueCursor, 'desc')).toThrow(/^invalid cursor: a cursor of order confidence, but the order is desc/)
    expect(() => decodeCursor(cursor, 'confidence')).toThrow(/^invalid cursor: a cursor of the date order/)
    expect(decodeCursor(queueCursor, 'confidence')).toEqual({ kind: 'confidence', confidence: 0.35, event_id: 'IRQ0001' })
  })

  it('throw a clear message on anything else', () => {
    expect(() => decodeCursor('abc$')).toThrow(/^invalid cursor: not base64url/)
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(/^invalid cursor: not a cursor of this API/)
    expect(() => decodeCursor(Buffer.from('["2019-02-30","a"]').toString('base64url'))).toThrow(/^invalid cursor/)
  })
})
