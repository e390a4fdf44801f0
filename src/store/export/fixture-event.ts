import type { SourceClaim, StoredEvent } from '../types.js'

/** A source claim for tests: one report about an armed clash in Ramadi, with `over` on top. */
export function fixtureClaim(over: Partial<SourceClaim> = {}): SourceClaim {
  return {
    report_id: 'r1', url: 'https://example.org/r1', outlet: 'Example News', published: '2019-04-15', title: 'Clashes in Ramadi',
    mention: 0, event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Iraq (2014-)',
    actor2: 'Islamic State (Iraq)', event_date: '2019-04-11', time_precision: 2, location: 'Ramadi', admin1: 'Al-Anbar',
    latitude: 33.4258, longitude: 43.2992, geo_precision: 3, fatalities: 3, arrests: null,
    ...over,
  }
}

/** A stored event for tests: the armed clash of fixtureClaim(), with `over` on top. */
export function fixtureEvent(over: Partial<StoredEvent> = {}): StoredEvent {
  return {
    event_id: 'IRQ0001', event_type: 'Battles', sub_event_type: 'Armed clash', disorder_type: 'Political violence',
    actor1: 'Military Forces of Iraq (2014-)', assoc_actor_1: null, inter1: 1, actor2: 'Islamic State (Iraq)', assoc_actor_2: null,
    inter2: 2, interaction: 12, civilian_targeting: null, country: 'Iraq', iso: 'IRQ', admin1: 'Al-Anbar', admin2: 'Ramadi',
    location: 'Ramadi', latitude: 33.4258, longitude: 43.2992, geo_precision: 3, geo_status: 'resolved',
    event_date: '2019-04-11', time_precision: 2, fatalities: 3, arrests: null, background: false, confidence: 0.75,
    notes: 'On 11 April 2019, Iraqi forces clashed with IS militants in Ramadi (Al-Anbar). 3 fatalities.',
    year: 2019, region: 'Middle East', admin3: null, source: 'Example News', source_scale: 'National', tags: null,
    timestamp: 1555372800, n_sources: 1, sources: [fixtureClaim()], merge_rules: {}, corrections: [], review: 'unreviewed',
    ...over,
  }
}
