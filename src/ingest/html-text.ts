const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul',
])
const SKIP = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'button', 'select', 'textarea'])
const TEXT_NODE = 3
const ELEMENT_NODE = 1

/**
 * The readable text under a node: one paragraph per block element, joined by blank lines; a <br>
 * is a line break; other whitespace collapses as a browser would render it.
 * @example nodeText(parseHTML('<body><p>One <b>two</b></p><p>Three</p></body>').document.body) // 'One two\n\nThree'
 */
export function nodeText(root: Node, skip: ReadonlySet<string> = SKIP): string {
  const parts: string[] = []
  walk(root, parts, skip)
  return parts.join('')
    .split(/\n{2,}/)
    .map((p) => p.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim()).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n')
}

/** Like nodeText, also leaving out page furniture, for pages where Readability found no article. */
export const FURNITURE = new Set([...SKIP, 'nav', 'header', 'footer', 'aside', 'form', 'menu'])

function walk(node: Node, parts: string[], skip: ReadonlySet<string>): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      parts.push((child.textContent ?? '').replace(/\s+/g, ' '))
    } else if (child.nodeType === ELEMENT_NODE) {
      const tag = (child as Element).tagName.toLowerCase()
      if (skip.has(tag)) continue
      if (tag === 'br') {
        parts.push('\n')
        continue
      }
      const block = BLOCK.has(tag)
      if (block) parts.push('\n\n')
      else if (tag === 'td' || tag === 'th') parts.push(' ')
      walk(child, parts, skip)
      if (block) parts.push('\n\n')
    }
  }
}
