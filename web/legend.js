// @ts-check
// The map's legend: colour per event type with the number of events shown, and the size key.
import { EVENT_TYPES, typeColor, pointRadius } from './colors.js'
import { h, clear, fmt } from './dom.js'

/**
 * Adds the legend to the map's bottom-right corner.
 * @param {import('leaflet').Map} map
 * @returns {{ update: (points: import('./api.js').EventPoint[]) => void }}
 */
export function createLegend(map) {
  const list = h('ul', { class: 'legend-types' })
  const box = h('section', { class: 'legend', id: 'legend', 'aria-label': 'Legend' },
    h('h2', {}, 'Event types'), list,
    h('div', { class: 'legend-sizes' }, h('span', {}, 'Fatalities'),
      ...[0, 10, 50].map((n) => {
        const d = 2 * pointRadius(n)
        const dot = h('span', { class: 'legend-dot' })
        dot.style.width = dot.style.height = `${d}px`
        return h('span', { class: 'legend-size' }, dot, String(n))
      })),
    h('p', { class: 'legend-note' }, 'Numbered circles: clusters, ringed by event type (click to zoom in)'))
  const Legend = L.Control.extend({ onAdd: () => { L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box); return box } })
  new Legend({ position: 'bottomright' }).addTo(map)

  return {
    update(points) {
      /** @type {Map<string, number>} */
      const counts = new Map()
      for (const p of points) counts.set(p.event_type, (counts.get(p.event_type) ?? 0) + 1)
      const types = [...EVENT_TYPES, ...[...counts.keys()].filter((t) => !(/** @type {readonly string[]} */ (EVENT_TYPES)).includes(t))]
      clear(list)
      for (const t of types) {
        const sw = h('span', { class: 'swatch' })
        sw.style.backgroundColor = typeColor(t)
        list.append(h('li', { 'data-type': t }, sw, h('span', { class: 'legend-name' }, t), h('span', { class: 'legend-count' }, fmt(counts.get(t) ?? 0))))
      }
    },
  }
}
