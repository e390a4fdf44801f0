import type { ReportInput } from '../types.js'
import { kindForMime } from './document-kind.js'
import { parseFeed } from './feed.js'
import type { Feed, FeedItem } from './feed.js'
import { extractArticle, htmlFragmentText } from './html.js'
import type { SourceContext, SourceItem } from './source-types.js'
import { errorItem } from './source-types.js'
import { titleOf } from './split-title.js'
import { hostName, withDefaultPublished } from './document-reports.js'
import type { Origin } from './document-reports.js'

/** Item content longer than this, once stripped of HTML, is taken as the full article rather than a teaser. */
export const FULL_TEXT_CHARS = 1500

/**
 * Real feeds carry tens of items; one with a hundred thousand links would have Sitrep fetch them all
 * for whoever wrote it, so items past this are refused with one error.
 */
export const MAX_FEED_ITEMS = 1000

/**
 * A report per feed item: from the item's own content when it holds the full text, else from the
 * page its link points to (fetched through the context's safe fetch, after asking isSeen).
 * Each item that fails gives its own error item; the others go on.
 */
export async function* feedReports(xml: string, origin: Origin, ctx: SourceContext): AsyncGenerator<SourceItem> {
  const feed = parseFeed(xml)
  if ('error' in feed) {
    yield errorItem(origin.ref, feed.error)
    return
  }
  if (feed.items.length === 0) yield { ref: origin.ref, skipped: 'feed has no items' }
  for (const [i, item] of feed.items.slice(0, MAX_FEED_ITEMS).entries()) {
    const link = absoluteHttpUrl(item.link, origin.url)
    // the link names the item (resolved against the feed's URL), else its guid, else its place in the feed
    const key = link ?? item.link ?? item.guid
    const ref = key ?? `${origin.ref}#item-${i + 1}`
    try {
      yield await itemReport(item, { link, key, ref }, feed, origin, ctx)
    } catch (e) {
      // a failed fetch, or an isSeen that threw
      yield errorItem(ref, (e as Error).message)
    }
  }
  if (feed.items.length > MAX_FEED_ITEMS) {
    yield errorItem(origin.ref, `feed has ${feed.items.length.toLocaleString('en')} items; read the first ${MAX_FEED_ITEMS.toLocaleString('en')}, refused the rest`)
  }
}

type ItemNames = { link: string | undefined; key: string | undefined; ref: string }

async function itemReport(item: FeedItem, { link, key, ref }: ItemNames, feed: Feed, origin: Origin, ctx: SourceContext): Promise<SourceItem> {
  if (key && ctx.opts.isSeen && (await ctx.opts.isSeen(key))) return { ref, skipped: 'already seen' }
  const inlineText = item.content ? contentText(item.content) : ''
  const base = {
    id: key ?? ref,
    ...(item.title ? { title: item.title } : {}),
    ...(item.published ? { published: item.published } : {}),
    ...(link ? { url: link } : {}),
    ...(item.byline ? { byline: item.byline } : {}),
  }
  const outlet = feed.title ?? hostName(link ?? origin.url ?? '') ?? origin.host
  // no link to follow: a short summary is still the only text there is
  if (inlineText.length > FULL_TEXT_CHARS || (!link && inlineText)) {
    return { ref, report: finish({ ...base, text: inlineText, ...(outlet ? { source: outlet } : {}) }, ctx) }
  }
  if (!link) return errorItem(ref, item.link ? `item link ${item.link} is not an http(s) URL` : 'item has neither content nor a link')
  const page = await ctx.fetch(link)
  const kind = kindForMime(page.contentType, page.text)
  if (kind === 'text') {
    if (!page.text.trim()) return errorItem(ref, 'empty: no text to code')
    const title = titleOf(page.text)
    return { ref, report: finish({ ...(title ? { title } : {}), ...base, text: page.text, ...(outlet ? { source: outlet } : {}) }, ctx) }
  }
  if (kind !== 'html') return errorItem(ref, `item link gives ${page.contentType || kind}, not an article page`)
  const article = extractArticle(page.text)
  if ('error' in article) return errorItem(ref, article.error)
  // the feed's own title and date are cleaner than a page's <title>; the page knows its outlet best
  const source = article.siteName ?? feed.title ?? hostName(page.url)
  return {
    ref,
    report: finish({
      ...(article.title ? { title: article.title } : {}),
      ...(article.published ? { published: article.published } : {}),
      ...(article.byline ? { byline: article.byline } : {}),
      ...base,
      text: article.text,
      ...(source ? { source } : {}),
    }, ctx),
  }
}

/** An item's content as text: HTML is rendered, plain text keeps its paragraphs. */
function contentText(content: string): string {
  if (/<[a-z][^>]*>/i.test(content)) {
    const text = htmlFragmentText(content)
    return typeof text === 'string' ? text : ''
  }
  return content.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n')
}

function finish(r: ReportInput, ctx: SourceContext): ReportInput {
  return withDefaultPublished(r, ctx.opts)
}

function absoluteHttpUrl(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined
  try {
    const url = new URL(link, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}
