import type { SitrepEvent } from '../../src/types.js'

/** A coded event as the coder would give it, Iraqi defaults; tests override what they care about. */
export function ev(over: Partial<SitrepEvent> = {}): SitrepEvent {
  const base: SitrepEvent = {
    event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', disorder_type: 'Political violence',
    actor1: 'Islamic State', assoc_actor_1: null, inter1: 2, actor2: 'Civilians (Iraq)', assoc_actor_2: null, inter2: 7, interaction: 27,
    civilian_targeting: 'Civilian targeting', country: 'Iraq', iso: 'IRQ', admin1: 'Baghdad', admin2: null, location: 'Baghdad',
    latitude: 33.34058, longitude: 44.40088, geo_precision: 1, geo_status: 'resolved', event_date: '2024-03-10', time_precision: 1,
    fatalities: 5, arrests: null, background: false, confidence: 0.7, notes: 'On 10 March 2024, a bomb exploded in Baghdad.',
    evidence: { event_type: { kind: 'spans', spans: [{ start: 0, end: 4 }] } },
  }
  return { ...base, ...over }
}

/** A report text that differs per id, long enough to look like news. */
export const text = (id: string, body = 'A bomb exploded at a market.') => `${body} Report ${id} from the wire desk, with local officials quoted.`
