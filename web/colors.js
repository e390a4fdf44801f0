// @ts-check
// Event types in the codebook's order and their colours: the Okabe–Ito palette, which stays
// distinguishable with the common colour-vision deficiencies (Okabe & Ito 2008). Yellow and black
// are left out: yellow vanishes on the light land colour, black is the outline colour.

/** @typedef {'Battles' | 'Explosions/Remote violence' | 'Violence against civilians' | 'Protests' | 'Riots' | 'Strategic developments'} EventType */

/** @type {readonly EventType[]} */
export const EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']

/** @type {Readonly<Record<EventType, string>>} */
export const TYPE_COLORS = {
  Battles: '#D55E00', // vermillion
  'Explosions/Remote violence': '#E69F00', // orange
  'Violence against civilians': '#CC79A7', // reddish purple
  Protests: '#0072B2', // blue
  Riots: '#009E73', // bluish green
  'Strategic developments': '#56B4E9', // sky blue
}

/** For a type the codebook does not know (an old store, a typo in a correction). */
export const OTHER_COLOR = '#777777'

/** The colour of an event type: `typeColor('Riots') === '#009E73'`. @param {string} type */
export function typeColor(type) {
  return /** @type {Record<string, string>} */ (TYPE_COLORS)[type] ?? OTHER_COLOR
}

/** Index in EVENT_TYPES, or EVENT_TYPES.length for an unknown type. @param {string} type */
export function typeIndex(type) {
  const i = EVENT_TYPES.indexOf(/** @type {EventType} */ (type))
  return i < 0 ? EVENT_TYPES.length : i
}

/**
 * Point radius in pixels, by fatalities on a square-root scale (area grows with the toll):
 * `pointRadius(0) === 4`, `pointRadius(25) === 14`, capped at 22.
 * @param {number} fatalities
 */
export function pointRadius(fatalities) {
  return Math.min(22, 4 + 2 * Math.sqrt(Math.max(0, fatalities)))
}

/** Cluster radius in pixels, by the number of events (log scale): 2 → 11, 100 → 24, capped at 30. @param {number} n */
export function clusterRadius(n) {
  return Math.min(30, 9 + 2.2 * Math.log2(Math.max(1, n)))
}
