import { describe, expect, it } from 'vitest'
import { fixtureEvent } from './fixture-event.js'
import { storedEventTable } from './table.js'

describe('storedEventTable', () => {
  const events = [
    fixtureEvent({ event_id: 'IRQ1', fatalities: 3, n_sources: 2, confidence: 0.4 }),
    fixtureEvent({
      event_id: 'IRQ2', event_type: 'Violence against civilians', sub_event_type: 'Abduction/forced disappearance',
      actor1: 'Islamic State (Iraq)', actor2: 'Civilians (Iraq)', location: 'An Nukhayb', fatalities: 12, background: true, review: 'rejected',
    }),
  ]

  it('has a header, a rule and one line per event', () => {
    const lines = storedEventTable(events).split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/^date\s+id\s+type\s+actors\s+location\s+dead\s+src\s+conf$/)
    expect(lines[1]).toMatch(/^[- ]+$/)
    expect(lines[2]).toMatch(/^2019-04-11\s+IRQ1\s+Armed clash \(Battles\)\s+Military Forces of Iraq \(2014-\) vs Islamic State \(Iraq\)\s+Ramadi, Al-Anbar\s+3\s+2\s+0\.40$/)
    expect(lines[3]).toMatch(/Abduction\/forced disappearance \(Violence ag…\s+Islamic State \(Iraq\) vs Civilians \(Iraq\)\s+An Nukhayb, Al-Anbar\s+12\s+1\s+0\.75\s+bg rejected$/)
  })

  it('lines columns up and right-aligns the counts', () => {
    const lines = storedEventTable(events).split('\n')
    const at = lines[0]!.indexOf('location')
    expect(lines[2]!.indexOf('Ramadi')).toBe(at)
    expect(lines[3]!.indexOf('An Nukhayb')).toBe(at)
    const deadEnd = lines[0]!.indexOf('dead') + 'dead'.length
    expect(lines[2]!.slice(0, deadEnd).endsWith(' 3')).toBe(true)
    expect(lines[3]!.slice(0, deadEnd).endsWith('12')).toBe(true)
  })

  it('never cuts the id', () => {
    const id = 'IRQ-' + 'x'.repeat(60)
    expect(storedEventTable([fixtureEvent({ event_id: id })]).split('\n')[2]).toContain(`  ${id}  `)
  })

  it('cuts long cells with an ellipsis and strips control characters', () => {
    const t = storedEventTable([fixtureEvent({ actor1: 'A'.repeat(80), actor2: null, location: 'Ram\u001b[31madi\nEast', admin1: null, country: 'Iraq' })])
    const row = t.split('\n')[2]!
    expect(row).toContain('A'.repeat(55) + '…')
    expect(row).not.toContain('A'.repeat(56))
    expect(row).not.toMatch(/[\u0000-\u001f]/)
    expect(row).toContain('Ram [31madi East, Iraq')
  })

  it('says so when there are no events', () => {
    expect(storedEventTable([])).toBe('(no events)')
  })
})
