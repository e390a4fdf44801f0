// @ts-check
// The analyst's review controls: confirm, reject, or correct fields with a comment. Shown only when
// the server accepts writes and a token has been entered; every API error is shown as it came.
import { h } from './dom.js'
import { errorText } from './api.js'

/** Fields an analyst may correct (src/store/corrections.ts CORRECTABLE). */
export const CORRECTABLE = ['fatalities', 'arrests', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'country', 'iso', 'admin1', 'admin2',
  'location', 'latitude', 'longitude', 'geo_precision', 'notes', 'background', 'tags']
const NUMERIC = new Set(['fatalities', 'arrests', 'time_precision', 'inter1', 'inter2', 'interaction', 'latitude', 'longitude', 'geo_precision'])

/**
 * The typed value of a correction as typed in the form: numbers for numeric fields, booleans for
 * `background`, null for an empty box. Throws a message for the form on a bad number.
 * `parseValue('fatalities', '4') === 4`
 * @param {string} field @param {string} raw @returns {unknown}
 */
export function parseValue(field, raw) {
  const s = raw.trim()
  if (s === '') return null
  if (NUMERIC.has(field)) {
    const n = Number(s)
    if (!Number.isFinite(n)) throw new Error(`${field} must be a number, got "${s}"`)
    return n
  }
  if (field === 'background') {
    if (/^(true|yes|1)$/i.test(s)) return true
    if (/^(false|no|0)$/i.test(s)) return false
    throw new Error('background must be yes or no')
  }
  return s
}

/**
 * The review form for one event.
 * @param {import('./api.js').StoredEvent} event
 * @param {(review: import('./api.js').ReviewAction & { comment?: string }) => Promise<void>} submit
 * @param {string} [flash]  a message to show at once (what the last review did)
 */
export function reviewForm(event, submit, flash = '') {
  const status = h('p', { class: 'review-status', role: 'alert', 'aria-live': 'assertive' }, flash)
  const comment = h('textarea', { id: 'review-comment', rows: 2, maxlength: 2000, placeholder: 'Why (kept with the review)' })
  const field = h('select', { id: 'review-field' }, CORRECTABLE.map((f) => h('option', { value: f }, f)))
  const value = h('input', { id: 'review-value', type: 'text', autocomplete: 'off' })
  const fill = () => { const v = event[field.value]; value.value = v === null || v === undefined ? '' : String(v) }
  field.addEventListener('change', fill)
  fill()
  const buttons = /** @type {HTMLButtonElement[]} */ ([])

  /** @param {import('./api.js').ReviewAction} action */
  async function send(action) {
    status.className = 'review-status'
    status.textContent = 'Saving…'
    for (const b of buttons) b.disabled = true
    try {
      const c = comment.value.trim()
      await submit(c ? { ...action, comment: c } : action)
      if (status.isConnected) status.textContent = 'Saved.'
    } catch (e) {
      status.className = 'review-status error'
      status.textContent = errorText(e)
    } finally {
      for (const b of buttons) b.disabled = false
    }
  }

  const confirm = h('button', { type: 'button', id: 'review-confirm', onclick: () => send({ action: 'confirm' }) }, 'Confirm')
  const reject = h('button', { type: 'button', id: 'review-reject', class: 'danger', onclick: () => send({ action: 'reject' }) }, 'Reject')
  const correct = h('button', { type: 'submit', id: 'review-correct' }, 'Save correction')
  buttons.push(confirm, reject, correct)
  const form = h('form', { class: 'review-form', id: 'review-form' },
    h('div', { class: 'review-row' }, confirm, reject),
    h('div', { class: 'review-row' },
      h('label', { for: 'review-field' }, 'Correct'), field,
      h('label', { for: 'review-value', class: 'visually-hidden' }, 'New value'), value),
    h('label', { for: 'review-comment' }, 'Comment'), comment,
    h('div', { class: 'review-row' }, correct),
    status)
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    let v
    try {
      v = parseValue(field.value, value.value)
    } catch (err) {
      status.className = 'review-status error'
      status.textContent = errorText(err)
      return
    }
    send({ action: 'correct', fields: { [field.value]: v } })
  })
  return form
}
