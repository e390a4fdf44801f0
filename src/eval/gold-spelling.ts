import type { Gazetteer } from '../geo/types.js'
import type { ScoreEvent } from './score.js'

/**
 * The bench gold files name provinces as the gazetteer does (DEV_CODING section 5: "Days Az Zawr",
 * "Borno State"); Sitrep writes ACLED's names ("Deir-ez-Zor", "Borno"). Scoring the province choice
 * means comparing like with like, so the output's names are put back into the gazetteer's spelling
 * before the referee sees them. Names the gazetteer does not know are left as they are.
 */
export function inGazetteerSpelling<E extends ScoreEvent>(events: E[], gaz: Gazetteer): E[] {
  return events.map((e) => {
    const country = typeof e.iso === 'string' ? e.iso : typeof e.country === 'string' ? e.country : null
    if (!country || typeof e.admin1 !== 'string') return e
    const unit = gaz.admin1(country, e.admin1)
    if (!unit || unit.name === e.admin1) return e
    return { ...e, admin1: unit.name, ...(e.location === e.admin1 ? { location: unit.name } : {}) }
  })
}
