import type { Doc } from '../doc.js'
// the English locale alone: the whole package loads every language (90 ms of a 0.5 s start-up)
import * as chrono from 'chrono-node/en'
import type { Furniture } from './furniture.js'

const STAMPS = new Set(['store-date', 'date-only', 'dateline-stamp'])
// "/2021/12/30/", "/2019-04-21-", "-20240510-": a date in a news address's path
const URL_DATE = [/\/((?:19|20)\d\d)\/(\d{1,2})\/(\d{1,2})(?:\/|$)/, /[/_-]((?:19|20)\d\d)-(\d{2})-(\d{2})(?:[/_.-]|$)/, /[/_-]((?:19|20)\d\d)(\d{2})(\d{2})(?:[/_.-]|$)/]

const pad = (n: number) => String(n).padStart(2, '0')
function day(y: number, m: number, d: number): string | null {
  const t = Date.UTC(y, m - 1, d)
  const x = new Date(t)
  return x.getUTCFullYear() === y && x.getUTCMonth() === m - 1 && x.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null
}

/**
 * A page without a publication date often shows one: a date line above the article ("Monday April 22 2019")
 * or its address (".../2021/12/30/..."). Relative dates ("on Sunday") need it; only a full date with a year counts.
 */
export function publishedFromPage(text: string, furniture: Furniture[], url?: string): { date: string; rule: string } | null {
  for (const f of furniture) {
    if (f.start > 400) break
    if (!STAMPS.has(f.rule)) continue
    const s = text.slice(f.start, f.end)
    const iso = /((?:19|20)\d\d)-(\d{2})-(\d{2})/.exec(s)
    const fromIso = iso ? day(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null
    if (fromIso) return { date: fromIso, rule: `published-from-${f.rule}` }
    const c = chrono.parse(s)[0]
    if (c && c.start.isCertain('year') && c.start.isCertain('month') && c.start.isCertain('day')) {
      const d = day(c.start.get('year')!, c.start.get('month')!, c.start.get('day')!)
      if (d) return { date: d, rule: `published-from-${f.rule}` }
    }
  }
  if (url) {
    let path = url
    try { path = new URL(url).pathname } catch { /* a bare path */ }
    for (const re of URL_DATE) {
      const m = re.exec(path)
      const d = m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null
      if (d) return { date: d, rule: 'published-from-url' }
    }
  }
  return null
}

/** Stage: a document with no publication date takes the one its page shows, with a diagnostic saying where from. */
export function publishedStage(d: Doc): Doc {
  if (d.published) return d
  const p = publishedFromPage(d.text, d.furniture ?? [], d.url)
  if (!p) return d
  d.diagnostics.push({ severity: 'info', ruleId: p.rule, reason: `no publication date given: ${p.date} read from the page's ${p.rule === 'published-from-url' ? 'address' : 'date line'}` })
  return { ...d, published: p.date, publishedFrom: p.rule }
}
