import { kindForMime } from './document-kind.js'
import { feedReports } from './feed-reports.js'
import { FetchError } from './safe-fetch.js'
import type { SourceContext, SourceItem } from './source-types.js'
import { errorItem } from './source-types.js'
import { hostName, htmlReport, jsonlReports, textReport } from './document-reports.js'

/**
 * Reports from one URL: a feed gives its items, an HTML page its article, text one report, JSON
 * lines a report a line. The id is the URL as given; `url` is where redirects ended.
 */
export async function* readUrl(url: string, ctx: SourceContext): AsyncGenerator<SourceItem> {
  let page
  try {
    page = await ctx.fetch(url)
  } catch (e) {
    yield errorItem(url, e instanceof FetchError ? e.message : `fetch failed: ${(e as Error).message}`)
    return
  }
  const host = hostName(page.url)
  const origin = { ref: url, id: url, url: page.url, ...(host ? { host } : {}) }
  switch (kindForMime(page.contentType, page.text)) {
    case 'feed': yield* feedReports(page.text, origin, ctx); break
    case 'html': yield htmlReport(page.text, origin, ctx.opts); break
    case 'jsonl': yield* jsonlReports(page.text, { ref: url, id: url }, ctx.opts); break
    case 'text': yield textReport(page.text, origin, ctx.opts); break
  }
}
