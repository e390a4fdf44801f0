import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATA_DIR } from '../../data/load.js'
import { ACLED_COLUMNS, acledCsvHeader, acledCsvLine, acledCsvWriter, acledRow, isoNumericCodes } from './acled-csv.js'
import { fixtureEvent } from './fixture-event.js'
import type { StoredEvent } from '../types.js'

// Written out again on purpose: a reorder in the source must fail here, not pass by construction.
const ACLED_ORDER = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'

const col = (name: (typeof ACLED_COLUMNS)[number]) => ACLED_COLUMNS.indexOf(name)

function csvOf(events: StoredEvent[]): string {
  let out = ''
  const w = acledCsvWriter((s) => { out += s })
  for (const e of events) w.add(e)
  w.end()
  return out
}

const awkward: StoredEvent[] = [
  fixtureEvent({ event_id: 'IRQ1', notes: 'Militants, "IS", attacked; 3 killed, 2 wounded.' }),
  fixtureEvent({ event_id: 'IRQ2', notes: 'First line\nsecond line\r\nthird line, with "quotes" and a trailing CR\r', actor1: 'Hashd al-Sha\'abi, "PMF"' }),
  fixtureEvent({ event_id: 'SYR1', iso: 'SYR', country: 'Syria', notes: 'هاجم مسلحون قرية الشعيطات — Déir ez-Zōr 🚩', actor1: 'الدولة الإسلامية', actor2: 'Civilians (Syria)', location: 'Ash Shu\'aytat' }),
  fixtureEvent({ event_id: 'IRQ3', notes: '=HYPERLINK("http://x","y")', actor1: '+cmd', assoc_actor_1: '-1', tags: '@SUM(A1)' }),
  fixtureEvent({ event_id: 'IRQ5', notes: 'a lone\rcarriage return', assoc_actor_2: 'Tribesmen\nof Albu Nimr' }),
  fixtureEvent({ event_id: 'IRQ4', notes: '', actor2: null, inter2: null, latitude: null, longitude: null, admin2: null, tags: null, source_scale: null }),
]

describe('ACLED CSV', () => {
  it('has exactly the ACLED columns in ACLED order', () => {
    expect(ACLED_COLUMNS.join(',')).toBe(ACLED_ORDER)
    expect(acledCsvHeader()).toBe(ACLED_ORDER + '\r\n')
  })

  it('parses back with csv-parse to the header and the exact cell values', () => {
    const text = csvOf(awkward)
    const rows = parse(text) as string[][]
    expect(rows[0]).toEqual([...ACLED_COLUMNS])
    expect(rows).toHaveLength(awkward.length + 1)
    awkward.forEach((e, i) => {
      expect(rows[i + 1]).toEqual(acledRow(e))
      expect(rows[i + 1]![col('notes')]).toBe(e.notes)
      expect(rows[i + 1]![col('actor1')]).toBe(e.actor1 ?? '')
    })
  })

  it('round-trips by column name too, keeping non-ASCII and line breaks', () => {
    const records = parse(csvOf(awkward), { columns: true }) as Record<string, string>[]
    expect(records[1]!.notes).toBe('First line\nsecond line\r\nthird line, with "quotes" and a trailing CR\r')
    expect(records[1]!.actor1).toBe('Hashd al-Sha\'abi, "PMF"')
    expect(records[2]!.notes).toBe('هاجم مسلحون قرية الشعيطات — Déir ez-Zōr 🚩')
    expect(records[2]!.actor1).toBe('الدولة الإسلامية')
  })

  it('quotes only fields that need it and doubles their quotes', () => {
    const line = acledCsvLine(awkward[0]!)
    expect(line).toContain(',"Militants, ""IS"", attacked; 3 killed, 2 wounded.",')
    expect(line).toContain(',Battles,Armed clash,')
    expect(line.endsWith('\r\n')).toBe(true)
    expect(acledCsvLine(fixtureEvent({ notes: 'a lone\rcarriage return' }))).toContain(',"a lone\rcarriage return",')
  })

  it('writes no BOM and ends every record with CRLF', () => {
    const text = csvOf([fixtureEvent()])
    expect(text.charCodeAt(0)).toBe('e'.charCodeAt(0))
    expect(text.split('\r\n')).toEqual([ACLED_ORDER, expect.stringMatching(/^IRQ0001,/), ''])
  })

  it('leaves formula-like values as they are', () => {
    const row = acledRow(awkward[3]!)
    expect(row[col('notes')]).toBe('=HYPERLINK("http://x","y")')
    expect(row[col('actor1')]).toBe('+cmd')
    expect(row[col('assoc_actor_1')]).toBe('-1')
    expect(row[col('tags')]).toBe('@SUM(A1)')
  })

  it('maps ISO3 to the numeric ISO code ACLED uses', () => {
    expect(acledRow(fixtureEvent({ iso: 'IRQ' }))[col('iso')]).toBe('368')
    expect(acledRow(fixtureEvent({ iso: 'AFG' }))[col('iso')]).toBe('4')
    expect(acledRow(fixtureEvent({ iso: 'SYR' }))[col('iso')]).toBe('760')
    expect(acledRow(fixtureEvent({ iso: 'ZZZ' }))[col('iso')]).toBe('')
    expect(acledRow(fixtureEvent({ iso: null }))[col('iso')]).toBe('')
  })

  it('knows a numeric code for every country in the actor dictionary', () => {
    const countries = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', 'countries.json'), 'utf8')) as { iso3: string }[]
    const codes = isoNumericCodes()
    expect(countries.filter((c) => !codes.has(c.iso3)).map((c) => c.iso3)).toEqual([])
  })

  it('writes nulls as empty cells and civilian targeting as ACLED spells it', () => {
    const row = acledRow(awkward[5]!)
    for (const c of ['actor2', 'inter2', 'latitude', 'longitude', 'admin2', 'tags', 'source_scale', 'civilian_targeting'] as const) expect(row[col(c)], c).toBe('')
    expect(acledRow(fixtureEvent({ civilian_targeting: 'Civilian targeting' }))[col('civilian_targeting')]).toBe('Civilian targeting')
  })

  it('rounds coordinates to 5 decimals without trailing zeros', () => {
    const row = acledRow(fixtureEvent({ latitude: 33.421114999, longitude: 43.3 }))
    expect(row[col('latitude')]).toBe('33.42111')
    expect(row[col('longitude')]).toBe('43.3')
  })

  it('takes year from event_date and timestamp as whole unix seconds', () => {
    const row = acledRow(fixtureEvent({ event_date: '2021-01-03', year: 2019, timestamp: 1609632000.7 }))
    expect(row[col('year')]).toBe('2021')
    expect(row[col('timestamp')]).toBe('1609632000')
    expect(acledRow(fixtureEvent({ event_date: null, year: 2018 }))[col('year')]).toBe('2018')
  })

  it('writes just the header for no events and refuses use after end()', () => {
    expect(csvOf([])).toBe(ACLED_ORDER + '\r\n')
    const w = acledCsvWriter(() => {})
    w.end()
    expect(() => w.add(fixtureEvent())).toThrow(/after end/)
  })
})
