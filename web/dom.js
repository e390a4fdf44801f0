// @ts-check
// The one way the dashboard builds DOM: elements and text nodes, never HTML strings, so a report
// text, an actor name or an outlet can only ever show up as text.

/**
 * @typedef {Record<string, string | number | boolean | null | undefined | ((e: any) => void)>} Attrs
 * Attributes; `on<event>` keys add listeners, `class` sets className, false/null/undefined are skipped.
 */

/**
 * An element with attributes and children: `h('a', { href: url, class: 'src' }, 'Reuters')`.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...(Node | string | number | null | undefined | false | (Node | string | null | undefined | false)[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.slice(2), v)
    else if (k === 'class') el.className = String(v)
    else if (k === 'style') throw new Error('h(): no style attributes (CSP style-src self); set element.style or a class')
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  append(el, children)
  return el
}

/**
 * Appends children (text as text nodes); nested arrays are flattened, empty values skipped.
 * @param {Node} parent
 * @param {any[]} children
 */
export function append(parent, children) {
  for (const c of children.flat(2)) {
    if (c === null || c === undefined || c === false) continue
    parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)))
  }
}

/**
 * An SVG element: `svg('rect', { x: 0, y: 0, width: 4, height: 9, class: 'bar' })`.
 * @param {string} tag
 * @param {Record<string, string | number | undefined>} [attrs]
 * @param {...(Node | string | null | undefined)} children
 * @returns {SVGElement}
 */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag)
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v))
  append(el, children)
  return el
}

/** Removes every child: `clear(tbody)`. @param {Node} el */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild)
}

/**
 * The element with this id, typed; throws when the page lacks it (a broken index.html, not a user error).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} [type]
 * @returns {T}
 */
export function byId(id, type) {
  const el = document.getElementById(id)
  if (!el) throw new Error(`index.html has no #${id}`)
  if (type && !(el instanceof type)) throw new Error(`#${id} is not a ${type.name}`)
  return /** @type {T} */ (el)
}

/** Thousands separators: `fmt(100000) === '100,000'`. @param {number} n */
export const fmt = (n) => n.toLocaleString('en-US')

/**
 * Text that may wrap after each slash ('Remote explosive/landmine/IED'), so a narrow column (the
 * table's type, the filter panel's type list) breaks there rather than inside a word.
 * @param {string} s
 */
export function slashBreaks(s) {
  const parts = s.split('/')
  return parts.flatMap((part, i) => (i < parts.length - 1 ? [`${part}/`, h('wbr')] : [part]))
}
