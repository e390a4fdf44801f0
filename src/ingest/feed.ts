import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { toIsoDate } from './iso-date.js'

export type FeedItem = {
  title?: string
  link?: string
  guid?: string
  published?: string
  /** the item's HTML (or text): content:encoded, Atom content, else description/summary */
  content?: string
  byline?: string
}
export type Feed = { format: 'rss' | 'atom' | 'rdf'; title?: string; items: FeedItem[] }

type Node = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false, // a headline "1984" stays a string
  processEntities: true, // only the XML and HTML named entities: documents declaring their own are refused first
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
})

/**
 * Reads an RSS 2.0, Atom 1.0 or RSS 1.0 (RDF) feed. Documents declaring entities are refused
 * unparsed (billion-laughs expansion), malformed XML gives its first error with line and column.
 * @example parseFeed('<rss><channel><title>T</title><item><title>A</title></item></channel></rss>') // { format: 'rss', title: 'T', items: [{ title: 'A' }] }
 */
export function parseFeed(xml: string): Feed | { error: string } {
  if (/<!DOCTYPE/i.test(xml) && /<!ENTITY/i.test(xml)) return { error: 'XML declares entities (DOCTYPE/ENTITY), refused' }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { error: `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` }
  let doc: Node
  try {
    doc = parser.parse(xml) as Node
  } catch (e) {
    return { error: `malformed XML: ${(e as Error).message}` }
  }
  const rss = obj(doc.rss)
  if (rss) {
    const channel = obj(rss.channel) ?? {}
    return { format: 'rss', ...opt('title', text(channel.title)), items: list(channel.item).map(rssItem) }
  }
  const atom = obj(doc.feed)
  if (atom) return { format: 'atom', ...opt('title', text(atom.title)), items: list(atom.entry).map(atomEntry) }
  const rdf = obj(doc['rdf:RDF'])
  if (rdf) return { format: 'rdf', ...opt('title', text(obj(rdf.channel)?.title)), items: list(rdf.item).map(rssItem) }
  const root = Object.keys(doc).find((k) => !k.startsWith('?'))
  return { error: `not an RSS or Atom feed (root element <${root ?? 'none'}>)` }
}

/** Whether a text's root element is a feed's, for sniffing bodies served as generic XML or text. */
export function looksLikeFeed(head: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head.slice(0, 4096))
}

function rssItem(raw: unknown): FeedItem {
  const item = obj(raw) ?? {}
  const guidNode = item.guid
  const guid = text(guidNode)
  // an RSS guid is the item's permalink unless it says isPermaLink="false"
  const guidIsLink = guid && /^https?:\/\//.test(guid) && obj(guidNode)?.['@_isPermaLink'] !== 'false'
  const link = text(item.link) ?? (guidIsLink ? guid : undefined)
  return {
    ...opt('title', text(item.title)),
    ...opt('link', link),
    ...opt('guid', guid),
    ...opt('published', toIsoDate(text(item.pubDate) ?? text(item['dc:date']))),
    ...opt('content', text(item['content:encoded']) ?? text(item.description)),
    ...opt('byline', text(item['dc:creator']) ?? text(item.author)),
  }
}

function atomEntry(raw: unknown): FeedItem {
  const entry = obj(raw) ?? {}
  const links = list(entry.link).map((l) => obj(l) ?? {})
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0]
  return {
    ...opt('title', text(entry.title)),
    ...opt('link', text(alternate?.['@_href'])),
    ...opt('guid', text(entry.id)),
    ...opt('published', toIsoDate(text(entry.published) ?? text(entry.updated))),
    ...opt('content', text(entry.content) ?? text(entry.summary)),
    ...opt('byline', list(entry.author).map((a) => text(obj(a)?.name)).filter(Boolean).join(', ') || undefined),
  }
}

/** The text of an element: a string, the #text of one with attributes, or the text leaves of inline XHTML. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (Array.isArray(value)) return text(value[0])
  const o = obj(value)
  if (!o) return undefined
  if (typeof o['#text'] === 'string') return text(o['#text'])
  return deepText(o).join('\n\n') || undefined
}

/** Every text leaf under a parsed element (Atom type="xhtml" content arrives as elements, not a string). */
function deepText(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : []
  if (Array.isArray(value)) return value.flatMap(deepText)
  const o = obj(value)
  return o ? Object.entries(o).filter(([k]) => !k.startsWith('@_')).flatMap(([, v]) => deepText(v)) : []
}

function obj(v: unknown): Node | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined
}

function list(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string }
}
