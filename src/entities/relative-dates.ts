import type { TimePrecision } from '../types.js'
import type { Word } from '../text/segment.js'
import type { NumberReader } from './numbers.js'

export type Resolved = { date: string; precision: TimePrecision }

const DAY = 864e5
export const iso = (t: number) => new Date(t).toISOString().slice(0, 10)
export const parseDay = (s: string) => Date.parse(s.slice(0, 10) + 'T00:00:00Z')
const mondayOf = (t: number) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY
const monthMiddle = (y: number, m: number) => iso(Date.UTC(y, m, 15))

/** Resolvers named by data/rules/dates.json; each returns the codebook's date and precision. */
export const RELATIVE: Record<string, (published: number, words: Word[], first: number, readNumber: NumberReader) => Resolved | null> = {
  // the codebook: "last week" is the week before publication, dated at its middle day
  'previous-week': (p) => ({ date: iso(mondayOf(p) - 7 * DAY + 3 * DAY), precision: 2 }),
  'this-week': (p) => ({ date: iso(Math.min(p, mondayOf(p) + 3 * DAY)), precision: 2 }),
  'week-ago': (p) => ({ date: iso(p - 7 * DAY), precision: 2 }),
  // "came a week after X": X is context to the report's news, a week before it
  'week-before-event': (p) => ({ date: iso(p - 7 * DAY), precision: 2 }),
  'days-after-event': (p, words, first, readNumber) => {
    const n = readNumber(words, first)
    const unit = words.slice(first, first + 4).some((w) => w.lower.startsWith('week')) ? 7 : 1
    return n && n.value < 60 ? { date: iso(p - n.value * unit * DAY), precision: unit === 7 ? 2 : 1 } : null
  },
  // "overnight": the night before a report, dated at the night's start
  overnight: (p) => ({ date: iso(p - DAY), precision: 1 }),
  'this-month': (p) => { const d = new Date(p); return { date: monthMiddle(d.getUTCFullYear(), d.getUTCMonth()), precision: 3 } },
  'previous-month': (p) => { const d = new Date(p); return { date: monthMiddle(d.getUTCFullYear(), d.getUTCMonth() - 1), precision: 3 } },
  // "earlier this year": the middle month of the part of the year before publication
  'this-year': (p) => { const d = new Date(p); return { date: monthMiddle(d.getUTCFullYear(), Math.floor(Math.max(0, d.getUTCMonth() - 1) / 2)), precision: 3 } },
  'previous-year': (p) => ({ date: `${new Date(p).getUTCFullYear() - 1}-07-01`, precision: 3 }),
  'days-ago': (p, words, first, readNumber) => {
    const n = readNumber(words, first)
    return n && n.value < 60 ? { date: iso(p - n.value * DAY), precision: 1 } : null
  },
}
