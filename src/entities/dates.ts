// the English locale alone: the whole package loads every language (90 ms of a 0.5 s start-up)
import * as chrono from 'chrono-node/en'
import type { Chrono, ParsedResult } from 'chrono-node'
import type { Span, TimePrecision, Diagnostic } from '../types.js'
import type { Sentence } from '../text/segment.js'
import { makePhraseMatcher } from './phrase-matcher.js'
import { RELATIVE, iso, parseDay } from './relative-dates.js'
import type { Rules } from '../data/load.js'
import { makeNumberReader } from './numbers.js'

/** role: 'report' when the date is when something was said or a toll updated ("said on Tuesday"), 'incident' when
 * the text ties it to the incident itself ("Sunday's bombing"), else 'plain'. */
export type DateMention = Span & { sentence: number; date: string | null; precision: TimePrecision; rule: string; yearOnly?: boolean; role: 'report' | 'incident' | 'plain' }

const REPORT_VERB = /\b(said|says|say|told|announced|reported|confirmed|declared|admitted|stated|added|rose|risen|reached|climbed|revised|updated|claimed responsibility|statement)\b[^.;]{0,25}$/i
const INCIDENT_AFTER = /^\s*(night|morning|evening|afternoon)?\s*['’]s\b/i

function roleOf(text: string, span: Span, precision: TimePrecision = 1): DateMention['role'] {
  // "Sunday's bombing" dates the incident; "last year's port explosion" names another one
  if (INCIDENT_AFTER.test(text.slice(span.end, span.end + 10))) return precision === 1 ? 'incident' : 'plain'
  if (REPORT_VERB.test(text.slice(Math.max(0, span.start - 40), span.start))) return 'report'
  return 'plain'
}

const DAY = 864e5
// chrono is the slowest step of the pipeline: it only sees sentences that can hold a date
const MAYBE_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\b|day\b|\b(yesterday|tonight|ago|weeks?|months?|years?|overnight|night|morning|evening|afternoon|dawn|midnight|noon)\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\b(19|20)\d\d\b/i
const WEEKDAY_ONLY = /^(on |last |late on |early on |before dawn on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i
// chrono reads "night of October 30" as a time of day; the date inside is what the codebook wants
const POSSESSIVE_DAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)((?: night| morning| evening| afternoon)?['’]s)\b/gi
const NIGHT_OF = /\b(night|evening|morning|afternoon|early hours|small hours) of\b/gi

/** Finds dates in each sentence, resolved against the publication date (or left unresolved, with a diagnostic). */
export function makeDateFinder(r: Rules) {
  const readNumber = makeNumberReader(r.numbers)
  const parser = dateOnlyChrono()
  const relative = makePhraseMatcher(r.dates.relative.flatMap((d) => d.patterns.map((pattern) => ({ pattern, value: d.rule }))))
  return function findDates(text: string, sentences: Sentence[], published: string | undefined, diagnostics: Diagnostic[]): DateMention[] {
    const pub = published ? parseDay(published) : NaN
    const out: DateMention[] = []
    for (const s of sentences) {
      const slice = text.slice(s.start, s.end)
      if (!MAYBE_DATE.test(slice)) continue
      const taken: Span[] = []
      for (const m of relative(s.words)) {
        const span = { start: s.words[m.first]!.start, end: s.words[m.last]!.end }
        if (taken.some((t) => span.start < t.end && t.start < span.end)) continue
        taken.push(span)
        if (Number.isNaN(pub)) { unresolved(diagnostics, text, span); continue }
        const res = RELATIVE[m.value]?.(pub, s.words, m.first, readNumber)
        if (res) out.push({ ...span, sentence: s.index, ...res, rule: `relative:${m.value}`, role: roleOf(text, span, res.precision) })
      }
      const ref = Number.isNaN(pub) ? new Date(0) : new Date(pub + 12 * 3600e3)
      // chrono reads neither "night of October 30" nor "Saturday's bombing": both are masked, offsets kept
      const masked = slice.replace(NIGHT_OF, (x) => ' '.repeat(x.length)).replace(POSSESSIVE_DAY, (_, d: string, rest: string) => d + ' '.repeat(rest.length))
      for (const c of parseWindows(parser, masked, ref)) {
        const span = { start: s.start + c.index, end: s.start + c.index + c.text.length }
        if (taken.some((t) => span.start < t.end && t.start < span.end)) continue
        // "since April", "until May": the bounds of a campaign, not the day of an incident
        if (/\b(since|until|till)\b[^.,;]{0,30}$/i.test(slice.slice(0, c.index))) continue
        const m = readChrono(c, pub)
        if (!m) continue
        if (m.relative && Number.isNaN(pub)) { unresolved(diagnostics, text, span); continue }
        // nothing reported happened after the report was published ("a day after" is relative to another event)
        if (!Number.isNaN(pub) && parseDay(m.date) > pub + DAY) continue
        out.push({ ...span, sentence: s.index, date: m.date, precision: m.precision, rule: m.rule, role: roleOf(text, span) })
      }
      for (const y of slice.matchAll(/\b(?:in|since|of|during|the) ((?:19|20)\d\d)\b/gi)) {
        const start = s.start + y.index! + y[0].length - 4
        if (taken.some((t) => start < t.end && t.start < start + 4) || out.some((o) => start >= o.start && start < o.end)) continue
        out.push({ start, end: start + 4, sentence: s.index, date: `${y[1]}-07-01`, precision: 3, rule: 'year-only', yearOnly: true, role: 'plain' })
      }
    }
    return withSentenceYears(out).sort((a, b) => a.start - b.start)
  }
}

// "In 2014, militants overran the city on June 10": a day without a year takes the year its sentence names
function withSentenceYears(dates: DateMention[]): DateMention[] {
  const years = new Map<number, string>()
  for (const d of dates) if (d.yearOnly && d.date) years.set(d.sentence, d.date.slice(0, 4))
  if (years.size === 0) return dates
  return dates.map((d) => {
    const y = years.get(d.sentence)
    return y && d.date && !d.yearOnly && d.rule === 'explicit-day-no-year' ? { ...d, date: `${y}${d.date.slice(4)}`, rule: 'explicit-day+sentence-year' } : d
  })
}

const ANCHOR = /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?=\W|$)|[a-z]*day\b|\b(yesterday|tonight|ago|later|earlier|overnight|night|morning|evening)\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/gi

// chrono's cost grows with the text it reads: it reads short windows around words that can start or end a date
function parseWindows(parser: Chrono, slice: string, ref: Date): ParsedResult[] {
  const windows: [number, number][] = []
  for (const m of slice.matchAll(ANCHOR)) {
    const from = Math.max(0, m.index! - 30), to = Math.min(slice.length, m.index! + m[0].length + 30)
    const last = windows[windows.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else windows.push([from, to])
  }
  const out: ParsedResult[] = []
  for (const [a0, b0] of windows) {
    // widen to word boundaries so no word is cut in half
    let a = a0, b = b0
    while (a > 0 && /\S/.test(slice[a - 1]!)) a--
    while (b < slice.length && /\S/.test(slice[b]!)) b++
    for (const c of parser.parse(slice.slice(a, b), { instant: ref, timezone: 0 }, { forwardDate: false })) {
      (c as { index: number }).index += a
      out.push(c)
    }
  }
  return out
}

// Events are dated to the day: chrono's clock-time parsers and refiners cost half its time and add nothing.
const TIME_PARSERS = /^(ISOFormatParser|ENTimeUnitWithinFormatParser|ENTimeExpressionParser|ENCasualTimeParser|ENEndOfCurrentMonthParser|ENTimeUnitLaterFormatParser|ENSlashMonthFormatParser|ENYearMonthDayParser)$/
function dateOnlyChrono(): Chrono {
  const c = chrono.casual.clone()
  c.parsers = c.parsers.filter((p) => !TIME_PARSERS.test(p.constructor.name))
  c.refiners = c.refiners.filter((p) => !/Timezone|DateTime/.test(p.constructor.name))
  return c
}

function unresolved(diagnostics: Diagnostic[], text: string, span: Span) {
  diagnostics.push({ severity: 'warning', ruleId: 'date-unresolved', span, reason: `relative date "${text.slice(span.start, span.end)}" left unresolved: no publication date` })
}

function readChrono(c: ParsedResult, pub: number): { date: string; precision: TimePrecision; rule: string; relative: boolean } | null {
  const st = c.start
  const t = c.text.trim()
  if (/^(may|march|sun|sat|wed|mar|jan|dec|now|today|tonight|midnight|noon)$/i.test(t) && !/^(today|tonight)$/i.test(t)) return null
  // "the last days of Ramadan", "in recent weeks": a stretch of time, not a day
  if (/^(the )?(last|past|recent|next|coming) (few )?(days|weeks|months|years|hours)$/i.test(t)) return null
  const day = st.isCertain('day'), month = st.isCertain('month'), year = st.isCertain('year'), weekday = st.isCertain('weekday')
  let time = Date.UTC(st.get('year') ?? 1970, (st.get('month') ?? 1) - 1, st.get('day') ?? 1)
  if (WEEKDAY_ONLY.test(t) || (weekday && !month)) {
    // "on Tuesday" is the most recent Tuesday on or before publication
    if (Number.isNaN(pub)) return { date: iso(time), precision: 1, rule: 'weekday', relative: true }
    while (time > pub) time -= 7 * DAY
    while (time <= pub - 7 * DAY) time += 7 * DAY
    return { date: iso(time), precision: 1, rule: 'weekday', relative: true }
  }
  if (/^(today|tonight|yesterday|this morning|this evening|last night|overnight)$/i.test(t) || /ago|later|earlier/i.test(t)) {
    if (!day && !/today|tonight|yesterday|night/i.test(t)) return null
    return { date: iso(time), precision: 1, rule: 'deictic', relative: true }
  }
  if (day && month) {
    // a date with no year that would fall after publication belongs to the year before
    if (!year && !Number.isNaN(pub) && time > pub + DAY) time = Date.UTC(new Date(time).getUTCFullYear() - 1, new Date(time).getUTCMonth(), new Date(time).getUTCDate())
    return { date: iso(time), precision: 1, rule: year ? 'explicit-day' : 'explicit-day-no-year', relative: !year }
  }
  if (month && !day) {
    let y = st.get('year') ?? 1970
    if (!year && !Number.isNaN(pub) && Date.UTC(y, (st.get('month') ?? 1) - 1, 1) > pub) y -= 1
    return { date: iso(Date.UTC(y, (st.get('month') ?? 1) - 1, 15)), precision: 3, rule: 'explicit-month', relative: !year }
  }
  return null
}
