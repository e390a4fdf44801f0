import { toIsoDate } from './iso-date.js'
import { JSONLD_ARTICLE_TYPE, META_KEYS } from './meta-keys.js'

export type PageMetadata = { title?: string; byline?: string; published?: string; siteName?: string }

type JsonObject = Record<string, unknown>

/**
 * Title, byline, publication date and outlet of a page, from meta tags, JSON-LD, <time> and <title>/<h1>.
 * Read before Readability runs, since Readability removes what it judges clutter.
 * @example readPageMetadata(parseHTML('<meta property="og:site_name" content="Daily">').document) // { siteName: 'Daily' }
 */
export function readPageMetadata(document: Document): PageMetadata {
  const metas = new Map<string, string>()
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase()
    const content = clean(el.getAttribute('content'))
    if (key && content && !metas.has(key)) metas.set(key, content)
  }
  const meta = (keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v && !/^https?:\/\//.test(v))
  const ld = jsonLdArticle(document)
  const publishedMeta = META_KEYS.published.map((k) => toIsoDate(metas.get(k))).find(Boolean)
  const result: PageMetadata = {
    title: meta(META_KEYS.title) ?? clean(str(ld?.headline)) ?? clean(document.querySelector('title')?.textContent) ?? clean(document.querySelector('h1')?.textContent),
    byline: meta(META_KEYS.byline) ?? names(ld?.author),
    published: publishedMeta ?? toIsoDate(str(ld?.datePublished)) ?? timeElementDate(document),
    siteName: meta(['og:site_name']) ?? names(ld?.publisher) ?? meta(META_KEYS.siteName),
  }
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v)) as PageMetadata
}

function jsonLdArticle(document: Document): JsonObject | undefined {
  const objects: JsonObject[] = []
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      flatten(JSON.parse(script.textContent ?? ''), objects)
    } catch {
      // a page's broken JSON-LD is its problem; the other sources still apply
    }
  }
  const types = (o: JsonObject) => [o['@type']].flat().map(String)
  return objects.find((o) => types(o).some((t) => JSONLD_ARTICLE_TYPE.test(t))) ?? objects.find((o) => o.headline)
}

function flatten(value: unknown, out: JsonObject[]): void {
  if (Array.isArray(value)) value.forEach((v) => flatten(v, out))
  else if (value && typeof value === 'object') {
    out.push(value as JsonObject)
    if ('@graph' in value) flatten((value as JsonObject)['@graph'], out)
  }
}

/** A JSON-LD person or organisation, or a list of them, as "A, B". */
function names(value: unknown): string | undefined {
  const list = [value].flat().map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? str((v as JsonObject).name) : undefined))
  return clean(list.filter(Boolean).join(', '))
}

function timeElementDate(document: Document): string | undefined {
  const el = document.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime]') ?? document.querySelector('time[datetime]')
  return toIsoDate(el?.getAttribute('datetime'))
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim()
  return t || undefined
}
