import type { ReportInput } from '../types.js'
import { extractArticle } from './html.js'
import type { Article } from './html.js'
import { readReportLines } from './jsonl.js'
import type { SourceItem, SourceOptions } from './source-types.js'
import { errorItem } from './source-types.js'
import { titleOf } from './split-title.js'

/**
 * Where a document came from: its ref and report id, for fetched ones the final URL and host, and the
 * outlet to name when the document names none (a local file's base name).
 */
export type Origin = { ref: string; id: string; url?: string; host?: string; source?: string }

/**
 * One report from a text or Markdown document: the text as it is, its first line as the title when
 * titleOf() says it is one.
 * @example textReport('# Clashes\n\nTwo killed.', { ref: 'a.md', id: 'a.md' }, {}) // { ref: 'a.md', report: { id: 'a.md', title: 'Clashes', text: '# Clashes\n\nTwo killed.' } }
 */
export function textReport(body: string, origin: Origin, opts: SourceOptions): SourceItem {
  if (!body.trim()) return errorItem(origin.ref, 'empty: no text to code')
  const title = titleOf(body)
  const source = origin.host ?? origin.source
  const fields = { text: body, ...(title ? { title } : {}), ...(source ? { source } : {}) }
  return { ref: origin.ref, report: report(origin, opts, fields) }
}

/** One report from an HTML page; outlet from the page, else the host it was fetched from. */
export function htmlReport(html: string, origin: Origin, opts: SourceOptions): SourceItem {
  const article = extractArticle(html)
  if ('error' in article) return errorItem(origin.ref, article.error)
  return { ref: origin.ref, report: report(origin, opts, articleFields(article, origin)) }
}

/** A report a JSONL line; each line's ref and default id is `ref:line`. */
export function* jsonlReports(text: string, origin: Origin, opts: SourceOptions): Generator<SourceItem> {
  for (const r of readReportLines(text, { defaultId: (n) => `${origin.id}:${n}` })) {
    const ref = `${origin.ref}:${r.line}`
    yield 'error' in r ? errorItem(ref, r.error) : { ref, report: withDefaultPublished(r.report, opts) }
  }
}

function articleFields(article: Article, origin: Pick<Origin, 'host' | 'source'>): Omit<ReportInput, 'id'> {
  const source = article.siteName ?? origin.host ?? origin.source
  return {
    text: article.text,
    ...(article.title ? { title: article.title } : {}),
    ...(article.published ? { published: article.published } : {}),
    ...(source ? { source } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
  }
}

/** @example withDefaultPublished({ id: 'a', text: 't' }, { defaultPublished: '2024-01-02' }) // { id: 'a', text: 't', published: '2024-01-02' } */
export function withDefaultPublished(r: ReportInput, opts: SourceOptions): ReportInput {
  // "mtime" is turned into a date where a file is read; elsewhere there is no file to take it from
  return r.published || !opts.defaultPublished || opts.defaultPublished === 'mtime' ? r : { ...r, published: opts.defaultPublished }
}

function report(origin: Origin, opts: SourceOptions, fields: Omit<ReportInput, 'id'>): ReportInput {
  return withDefaultPublished({ id: origin.id, ...fields, ...(origin.url ? { url: origin.url } : {}) }, opts)
}

/** The host as an outlet name, for pages that do not name theirs. @example hostName('https://www.example.org/a') // 'example.org' */
export function hostName(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}
