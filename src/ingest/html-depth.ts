/**
 * Readability's cost grows with the square of nesting depth (measured: 1,000 levels ~3 s, 2,000 ~17 s)
 * and real article pages stay under ~100, so deeper documents are refused before parsing.
 */
export const MAX_HTML_DEPTH = 500

// Elements that never hold children, and those an HTML parser closes implicitly when a sibling opens
// (<p><p>, <li><li>): counting either would report depth that the parsed tree does not have.
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp',
])
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp'])

/**
 * The deepest element nesting in an HTML string, by one linear scan of its tags (an estimate:
 * unclosed tags count as open). Stops early once past `limit`.
 * @example htmlNestingDepth('<div><div><p>x</p></div></div>') // 2
 */
export function htmlNestingDepth(html: string, limit = Infinity): number {
  // [^<>] rather than [^>]: a stray '<' ends the attempt, keeping the scan linear on garbage input
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>|<!--/g
  let depth = 0
  let max = 0
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', tag.lastIndex)
      if (end < 0) break
      tag.lastIndex = end + 3
      continue
    }
    const name = m[2]!.toLowerCase()
    if (NOT_NESTING.has(name) || m[3]) continue
    if (m[1]) {
      depth = Math.max(0, depth - 1)
      continue
    }
    if (RAW_TEXT.has(name)) {
      // their content is text, not markup: skip to the closing tag
      const close = new RegExp(`</${name}`, 'gi')
      close.lastIndex = tag.lastIndex
      tag.lastIndex = close.exec(html) ? close.lastIndex : html.length
      continue
    }
    depth++
    if (depth > max) max = depth
    if (max > limit) break
  }
  return max
}

/**
 * Each '<' and '&' can become a node of its own (a tag, a comment, or a text node split at a stray
 * '<' or an entity), and the DOM plus Readability slow down faster than linearly past a few hundred
 * thousand nodes (measured: 1.6 M stray '<' 7 s, 3.2 M 57 s and 1.9 GB). Real article pages hold a few
 * thousand, the largest encyclopedia pages under 100,000.
 */
export const MAX_HTML_MARKUP = 250_000

/**
 * How many '<' and '&' characters an HTML string holds, counting stops past `limit`: an upper bound
 * on the nodes a parser can make of it.
 * @example htmlMarkupCount('<p>Tom &amp; Jerry</p>') // 3
 */
export function htmlMarkupCount(html: string, limit = Infinity): number {
  let n = 0
  for (let i = 0; i < html.length && n <= limit; i++) {
    const c = html.charCodeAt(i)
    if (c === 60 || c === 38) n++
  }
  return n
}
