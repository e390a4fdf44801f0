const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?'

/**
 * A publication date as YYYY-MM-DD, read literally where the string spells it out, so the
 * publisher's local date is kept (2024-03-05T23:30-05:00 stays 2024-03-05, not the UTC day after).
 * @example toIsoDate('Tue, 05 Mar 2024 10:00:00 GMT') // '2024-03-05'
 */
export function toIsoDate(raw: string | undefined | null): string | undefined {
  const s = raw?.trim()
  if (!s) return undefined
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s)
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!)
  m = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4}|\\d{2})\\b`, 'i').exec(s) // RFC 822: 05 Mar 2024
  if (m) return ymd(fullYear(m[3]!), monthNumber(m[2]!), +m[1]!)
  m = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i').exec(s) // March 5, 2024
  if (m) return ymd(+m[3]!, monthNumber(m[1]!), +m[2]!)
  const t = Date.parse(s)
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10)
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
}

function fullYear(y: string): number {
  return y.length === 4 ? +y : +y < 50 ? 2000 + +y : 1900 + +y
}

function ymd(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
