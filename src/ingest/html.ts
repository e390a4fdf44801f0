import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { MAX_HTML_DEPTH, MAX_HTML_MARKUP, htmlMarkupCount, htmlNestingDepth } from './html-depth.js'
import { readPageMetadata } from './html-metadata.js'
import type { PageMetadata } from './html-metadata.js'
import { FURNITURE, nodeText } from './html-text.js'

export type Article = PageMetadata & { text: string }

/**
 * The article of an HTML page: its text as paragraphs joined by blank lines, and its metadata.
 * Never throws: a page that cannot be read gives `{ error }`.
 * @example extractArticle('<title>Clashes</title><p>Two soldiers were killed.</p>') // { title: 'Clashes', text: 'Two soldiers were killed.' }
 */
export function extractArticle(html: string): Article | { error: string } {
  const parsed = parseDocument(html)
  if ('error' in parsed) return parsed
  try {
    const { document } = parsed
    const meta = readPageMetadata(document)
    const article = new Readability<Node>(document, { serializer: (node) => node }).parse()
    let text = article?.content ? nodeText(article.content) : ''
    if (!text) {
      // Readability took the page apart; read the untouched body instead
      const fresh = parseDocument(html)
      text = 'document' in fresh && fresh.document.body ? nodeText(fresh.document.body, FURNITURE) : ''
    }
    if (!text) return { error: 'no article text' }
    const byline = nameLike(article?.byline)
    const fallback: PageMetadata = {
      ...(article?.title ? { title: article.title.trim() } : {}),
      ...(byline ? { byline } : {}),
      ...(article?.siteName ? { siteName: article.siteName.trim() } : {}),
    }
    return { ...fallback, ...meta, text }
  } catch (e) {
    return { error: `could not read the HTML (${(e as Error).message})` }
  }
}

/** Readability's byline guess when it reads as names: "By Ana Reyes" -> "Ana Reyes"; a dateline is not a byline. */
function nameLike(byline: string | null | undefined): string | undefined {
  const b = byline?.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim()
  return b && b.length <= 80 && !/\d/.test(b) ? b : undefined
}

/**
 * Text of an HTML fragment (a feed item's content), paragraphs joined by blank lines.
 * @example htmlFragmentText('<p>One</p><p>Two &amp; three</p>') // 'One\n\nTwo & three'
 */
export function htmlFragmentText(html: string): string | { error: string } {
  const parsed = parseDocument(html)
  if ('error' in parsed) return parsed
  return parsed.document.body ? nodeText(parsed.document.body) : ''
}

function parseDocument(html: string): { document: Document } | { error: string } {
  const depth = htmlNestingDepth(html, MAX_HTML_DEPTH)
  if (depth > MAX_HTML_DEPTH) return { error: `HTML nested deeper than ${MAX_HTML_DEPTH} elements, refused` }
  if (htmlMarkupCount(html, MAX_HTML_MARKUP) > MAX_HTML_MARKUP) return { error: `HTML with more than ${MAX_HTML_MARKUP.toLocaleString('en')} tags and entities, refused` }
  try {
    // linkedom makes the first element the root of a fragment; a full document shell keeps <body> a body
    const shell = (h: string) => `<!DOCTYPE html><html><head></head><body>${h.replace(/^\s*<!doctype[^>]*>/i, '')}</body></html>`
    let { document } = parseHTML(/<html[\s>]/i.test(html) ? html : shell(html)) as unknown as { document: Document }
    // an "<html" that is not the root (inside a comment or CDATA) leaves linkedom with no root element,
    // or another element as its root: parse it as a fragment instead
    if (document.documentElement?.tagName.toUpperCase() !== 'HTML') document = (parseHTML(shell(html)) as unknown as { document: Document }).document
    if (!document.documentElement) return { error: 'could not parse the HTML (no root element)' }
    removeComments(document.documentElement)
    return { document }
  } catch (e) {
    return { error: `could not parse the HTML (${(e as Error).message})` }
  }
}

/**
 * Comments are never article text, and linkedom keeps some it should have ended (`<![CDATA[-->` in
 * HTML becomes one comment holding "-->..."), which sent Readability into an endless loop: drop them.
 */
function removeComments(root: Element) {
  const stack: Node[] = [root]
  while (stack.length) {
    const node = stack.pop()!
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 8) child.parentNode?.removeChild(child)
      else if (child.nodeType === 1) stack.push(child)
    }
  }
}
