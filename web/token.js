// @ts-check
// The analyst's token: typed once per browser tab, kept in sessionStorage (gone when the tab
// closes), sent only as an Authorization header, never put in a URL.
import { byId } from './dom.js'

const KEY = 'sitrep.token'

/** @param {{ onChange: (token: string) => void }} opts */
export function createTokenField({ onChange }) {
  const form = byId('token-form', HTMLFormElement)
  const input = byId('token-input', HTMLInputElement)
  const state = byId('token-state')
  const forget = byId('token-forget', HTMLButtonElement)
  const read = () => { try { return sessionStorage.getItem(KEY) ?? '' } catch { return '' } }
  const show = () => {
    const has = read() !== ''
    state.textContent = has ? 'Token set' : ''
    forget.hidden = !has
    input.placeholder = has ? '••••••••' : 'Analyst token'
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const t = input.value.trim()
    input.value = ''
    if (!t) return
    sessionStorage.setItem(KEY, t)
    show()
    onChange(t)
  })
  forget.addEventListener('click', () => {
    sessionStorage.removeItem(KEY)
    show()
    onChange('')
  })
  show()
  return {
    get: read,
    /** The field is shown only when the server accepts writes. @param {boolean} writable */
    enable(writable) { form.hidden = !writable },
  }
}
