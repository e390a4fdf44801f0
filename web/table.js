// @ts-check
// The events list, 100 at a time ("Load more" follows the API's cursor): newest first, or the
// review queue (unreviewed events, least certain first), with each event's confidence.
import { h, clear, fmt, slashBreaks } from './dom.js'
import { typeColor } from './colors.js'

/** @typedef {import('./api.js').StoredEvent} StoredEvent */

/** Actors as 'A vs B' with associates in brackets. @param {StoredEvent} e */
export function actorsText(e) {
  const side = (/** @type {string | null} */ a, /** @type {string | null} */ assoc) => (a ? (assoc ? `${a} (with ${assoc})` : a) : '')
  return [side(e.actor1, e.assoc_actor_1), side(e.actor2, e.assoc_actor_2)].filter(Boolean).join(' vs ')
}

/** 'Location, admin1, country' without repeats. @param {StoredEvent} e */
export function placeText(e) {
  const parts = [e.location, e.admin1, e.country].filter((x) => x)
  return parts.filter((x, i) => parts.indexOf(x) === i).join(', ')
}

/** A confidence as two decimals, '—' when the event has none: `confidenceText(0.8) === '0.80'`. @param {unknown} c */
export function confidenceText(c) {
  return typeof c === 'number' && Number.isFinite(c) ? c.toFixed(2) : '—'
}

/**
 * @param {HTMLTableSectionElement} tbody
 * @param {{ onSelect: (id: string) => void }} opts
 */
export function createTable(tbody, { onSelect }) {
  /** @type {Map<string, HTMLTableRowElement>} */
  const rows = new Map()
  let selected = ''

  /** @param {StoredEvent} e */
  function row(e) {
    const sw = h('span', { class: 'swatch' })
    sw.style.backgroundColor = typeColor(e.event_type)
    const tr = h('tr', { tabindex: 0, 'data-event-id': e.event_id, class: e.event_id === selected ? 'selected' : undefined },
      h('td', { class: 'c-date' }, e.event_date ?? '—'),
      h('td', { class: 'c-type' }, sw, h('span', {}, slashBreaks(e.event_type)), h('div', { class: 'sub' }, slashBreaks(e.sub_event_type))),
      h('td', { class: 'c-actors' }, actorsText(e)),
      h('td', { class: 'c-place' }, placeText(e) || 'unresolved'),
      h('td', { class: 'c-num c-dead' }, fmt(e.fatalities)),
      h('td', { class: 'c-num c-src' }, fmt(e.n_sources)),
      h('td', { class: 'c-num c-conf', title: 'the chance the event is real and rightly typed' }, confidenceText(e.confidence)))
    if (e.review && e.review !== 'unreviewed') tr.classList.add(`review-${e.review}`)
    return tr
  }

  /** @param {Event} ev */
  const pick = (ev) => {
    const tr = /** @type {HTMLElement} */ (ev.target).closest('tr[data-event-id]')
    if (tr instanceof HTMLElement && tr.dataset.eventId) onSelect(tr.dataset.eventId)
  }
  tbody.addEventListener('click', pick)
  tbody.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(ev) } })

  return {
    reset() {
      clear(tbody)
      rows.clear()
      tbody.dataset.rows = '0'
    },
    /** @param {StoredEvent[]} events */
    append(events) {
      for (const e of events) {
        if (rows.has(e.event_id)) continue
        const tr = row(e)
        rows.set(e.event_id, tr)
        tbody.append(tr)
      }
      tbody.dataset.rows = String(rows.size)
    },
    /** A changed event (after a review) replaces its row. @param {StoredEvent} e */
    update(e) {
      const old = rows.get(e.event_id)
      if (!old) return
      const tr = row(e)
      old.replaceWith(tr)
      rows.set(e.event_id, tr)
    },
    /** An event that left the list (reviewed, in the review queue) loses its row. @param {string} id */
    remove(id) {
      rows.get(id)?.remove()
      rows.delete(id)
      tbody.dataset.rows = String(rows.size)
    },
    /** @param {string} id */
    select(id) {
      rows.get(selected)?.classList.remove('selected')
      selected = id
      const tr = rows.get(id)
      tr?.classList.add('selected')
    },
    get size() { return rows.size },
  }
}
