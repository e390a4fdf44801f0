// @ts-check
// The top bar's one-line summary of the filtered events. The map shows events reported as news;
// events reports mention only as past context ("background") are left out unless asked for, so
// without saying so the count would disagree with the store's (GET /api/health) for no visible reason.
import { fmt } from './dom.js'

/** `plural(1, 'event') === '1 event'`, `plural(2, 'event') === '2 events'`. @param {number} n @param {string} word */
const plural = (n, word) => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`

/**
 * The summary's text: `summaryText({ events: 13, fatalities: 90, hidden: 1 })` is
 * '13 events on the map, 1 background event hidden · 90 fatalities'. `hidden` is null while the
 * count is not in yet, and 0 says nothing.
 * @param {{ events: number, fatalities: number, hidden: number | null }} s
 */
export function summaryText({ events, fatalities, hidden }) {
  const note = hidden ? `, ${plural(hidden, 'background event')} hidden` : ''
  return `${plural(events, 'event')} on the map${note} · ${fmt(fatalities)} fatalities`
}

/** @param {HTMLElement} el */
export function createSummary(el) {
  /** @type {{ events: number, fatalities: number, hidden: number | null }} */
  let state = { events: 0, fatalities: 0, hidden: null }
  const show = () => {
    el.textContent = summaryText(state)
    if (state.hidden) el.title = 'Events the reports mention only as past context are not shown (the API gives them with background=true)'
    else el.removeAttribute('title')
  }
  return {
    /** New filters' events are in: the hidden count is unknown until setHidden. @param {number} events @param {number} fatalities */
    setEvents(events, fatalities) { state = { events, fatalities, hidden: null }; show() },
    /** @param {number} hidden */
    setHidden(hidden) { state = { ...state, hidden }; show() },
  }
}
