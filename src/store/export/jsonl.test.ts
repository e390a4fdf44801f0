import { describe, expect, it } from 'vitest'
import { fixtureEvent } from './fixture-event.js'
import { jsonlLine, jsonlWriter } from './jsonl.js'
import type { StoredEvent } from '../types.js'

function streamed(events: StoredEvent[]): string {
  let out = ''
  const w = jsonlWriter((s) => { out += s })
  for (const e of events) w.add(e)
  w.end()
  return out
}

describe('JSONL export', () => {
  it('writes one event a line that parses back to the stored event', () => {
    const events = [
      fixtureEvent({ event_id: 'A', notes: 'line one\nline two\r\n\u2028"quoted", هاجم', merge_rules: { actor1: 'majority' } }),
      fixtureEvent({ event_id: 'B', corrections: [{ field: 'fatalities', value: 4, comment: null, at: '2024-01-01T00:00:00Z', author: 'ana' }], review: 'corrected' }),
    ]
    const lines = streamed(events).split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    expect(lines.slice(0, 2).map((l) => JSON.parse(l))).toEqual(events)
  })

  it('ends every line with a newline', () => {
    expect(jsonlLine(fixtureEvent())).toMatch(/^\{.*\}\n$/s)
  })

  it('writes nothing for no events and refuses use after end()', () => {
    expect(streamed([])).toBe('')
    const w = jsonlWriter(() => {})
    w.end()
    expect(() => w.add(fixtureEvent())).toThrow(/after end/)
  })
})
