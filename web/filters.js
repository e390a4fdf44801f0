// @ts-check
// The filter panel. Its inputs carry the API's parameter names; a change is reported as a whole
// Filters object, which the app puts in the URL and sends to the API.
import { EVENT_TYPES, typeColor } from './colors.js'
import { h, byId, clear, slashBreaks } from './dom.js'
import { emptyFilters, isConfidence, splitList } from './filter-state.js'
import { getActors, isAbort } from './api.js'

/** @typedef {import('./filter-state.js').Filters} Filters */

/**
 * @param {HTMLFormElement} form
 * @param {{ onChange: (f: Filters) => void, onError: (e: unknown) => void }} opts
 */
export function createFilters(form, { onChange, onError }) {
  const input = (/** @type {string} */ id) => byId(id, HTMLInputElement)
  const since = input('f-since'), until = input('f-until'), country = input('f-country'), admin1 = input('f-admin1')
  const subType = input('f-sub-type'), actor = input('f-actor'), q = input('f-q'), minDead = input('f-min-fatalities')
  const minConfidence = input('f-min-confidence')
  const typeBox = byId('f-types')
  const boxes = EVENT_TYPES.map((t) => {
    const cb = h('input', { type: 'checkbox', name: 'type', value: t, checked: true })
    const sw = h('span', { class: 'swatch' })
    sw.style.backgroundColor = typeColor(t)
    const only = h('button', { type: 'button', class: 'only', title: `Show ${t} only`, onclick: () => { for (const b of boxes) b.checked = b === cb; changed() } }, 'only')
    typeBox.append(h('div', { class: 'type-row' }, h('label', {}, cb, sw, slashBreaks(t)), only))
    return cb
  })

  /** @returns {Filters} */
  function read() {
    const f = emptyFilters()
    f.since = since.value
    f.until = until.value
    f.country = splitList(country.value)
    f.admin1 = splitList(admin1.value)
    f['sub-type'] = splitList(subType.value)
    const checked = boxes.filter((b) => b.checked).map((b) => b.value)
    f.type = checked.length === boxes.length ? [] : checked
    f.actor = actor.value.trim()
    f.q = q.value.trim()
    f['min-fatalities'] = /^\d+$/.test(minDead.value.trim()) && minDead.value.trim() !== '0' ? minDead.value.trim() : ''
    // 0 asks for every event, as no minimum does; a value out of range is left out, not sent
    const conf = minConfidence.value.trim()
    f['min-confidence'] = isConfidence(conf) && Number(conf) > 0 ? conf : ''
    return f
  }

  function changed() {
    // no type at all would ask for nothing: unchecking the last one means "all types" again
    if (!boxes.some((b) => b.checked)) for (const b of boxes) b.checked = true
    onChange(read())
  }

  form.addEventListener('change', () => changed())
  form.addEventListener('submit', (e) => { e.preventDefault(); changed() })
  byId('f-reset').addEventListener('click', () => { set(emptyFilters()); changed() })

  // actor suggestions, as the analyst types
  const actorList = byId('actor-list')
  /** @type {AbortController | null} */
  let pending = null
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  actor.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      pending?.abort()
      pending = new AbortController()
      try {
        const actors = await getActors(actor.value.trim(), pending.signal)
        clear(actorList)
        for (const a of actors) actorList.append(h('option', { value: a.name }, `${a.name} (${a.events})`))
      } catch (e) {
        if (!isAbort(e)) onError(e)
      }
    }, 150)
  })

  /** @param {Filters} f */
  function set(f) {
    since.value = f.since
    until.value = f.until
    country.value = f.country.join(', ')
    admin1.value = f.admin1.join(', ')
    subType.value = f['sub-type'].join(', ')
    for (const b of boxes) b.checked = !f.type.length || f.type.includes(b.value)
    actor.value = f.actor
    q.value = f.q
    minDead.value = f['min-fatalities']
    minConfidence.value = f['min-confidence']
  }

  /** @param {string} id @param {string[]} values */
  function suggest(id, values) {
    const list = byId(id)
    clear(list)
    for (const v of values) list.append(h('option', { value: v }))
  }

  return {
    set,
    read,
    /** @param {string[]} names */
    setCountries: (names) => suggest('country-list', names),
    /** @param {string[]} names */
    setProvinces: (names) => suggest('admin1-list', names),
  }
}
