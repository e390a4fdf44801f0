import { describe, it, expect } from 'vitest'
import { makeCoder } from '../pipeline.js'

// Invented reports in the shapes seen on real pages: one incident told twice, with conflicting accounts.
const code = makeCoder({ scorer: null })
const events = (text: string) => code({ id: 'x', text, published: '2021-05-04' }).events!.filter((e) => !e.background)

describe('one incident told several times in a report is one event', () => {
  it('two accounts of one market bombing give one event with the conservative toll', () => {
    const text = [
      'A suicide bomber blew himself up in a crowded market in Maiduguri on Monday, killing eight people, police said.',
      'Witnesses said two bombers struck the market in Maiduguri on Monday and that 11 people were killed.',
    ].join('\n\n')
    const out = events(text)
    expect(out.map((e) => [e.sub_event_type, e.location, e.fatalities])).toEqual([['Suicide bomb', 'Maiduguri', 8]])
    // every telling's words stay evidence of the type
    expect(out[0]!.evidence.event_type!.spans!.length).toBeGreaterThan(2)
  })

  it('a march that turns violent is one Violent demonstration, not a peaceful protest and a riot', () => {
    const text = [
      'Thousands of protesters marched through Colombo on Saturday demanding the resignation of the president.',
      'Protesters stormed the presidential residence in Colombo on Saturday and set fire to a police vehicle.',
    ].join('\n\n')
    expect(events(text).map((e) => e.sub_event_type)).toEqual(['Violent demonstration'])
  })

  it('keeps apart what the text tells as a new episode, another place or another day', () => {
    const later = [
      'Police fired tear gas to disperse protesters outside the governor\'s office in Nasiriyah on Monday.',
      'Later on Monday evening, youths returned to the city centre in Nasiriyah and hurled stones at security forces.',
    ].join('\n\n')
    expect(events(later).map((e) => e.sub_event_type)).toEqual(['Protest with intervention', 'Violent demonstration'])
    const places = 'Gunmen killed three villagers in Kauran Namoda on Monday.\n\nGunmen killed four villagers in Maru on Monday.'
    expect(events(places).map((e) => e.location)).toEqual(['Kaura-Namoda', 'Maru'])
    const days = 'Gunmen killed three villagers in Maru on Monday.\n\nGunmen killed four villagers in Maru on Sunday.'
    expect(events(days).length).toBe(2)
  })
})
