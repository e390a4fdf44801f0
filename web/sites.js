// @ts-check
import { typeIndex } from './colors.js'

/** @typedef {import('./api.js').EventPoint} EventPoint */
/** @typedef {{ events: EventPoint[], f: number, c: number[] }} Site  the events at one exact spot: fatalities, events per type index */

/**
 * Events grouped by their exact coordinates. Many events share a town's pin, so clustering the
 * spots instead of the events indexes far fewer points (100,000 events at 2,000 places: 2,000).
 * @param {EventPoint[]} pts
 * @returns {Site[]}
 */
export function groupBySite(pts) {
  /** @type {Map<number, Site>} */
  const sites = new Map()
  for (const p of pts) {
    // both coordinates to 1e-5 degrees (about a metre) in one exact integer key
    const key = (Math.round(p.latitude * 1e5) + 9e6) * 4e7 + Math.round(p.longitude * 1e5) + 2e7
    let s = sites.get(key)
    if (!s) { s = { events: [], f: 0, c: [0, 0, 0, 0, 0, 0, 0] }; sites.set(key, s) }
    s.events.push(p)
    s.f += p.fatalities
    s.c[typeIndex(p.event_type)]++
  }
  return [...sites.values()]
}
