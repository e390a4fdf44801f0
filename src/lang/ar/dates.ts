import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Diagnostic, Span } from '../../types.js'
import type { DateMention } from '../../entities/dates.js'
import type { Sentence, Word } from '../../text/segment.js'
import { iso, parseDay, RELATIVE } from '../../entities/relative-dates.js'
import { makePhraseMatcher } from '../../entities/phrase-matcher.js'
import { arabicKey } from '../arabic-normal.js'

type DatesPack = {
  weekdays: Record<string, number>; months: Record<string, number>; hijri_months: Record<string, number>; hijri_marker: string
  relative: Record<'today' | 'yesterday' | 'day_before_yesterday' | 'last_week' | 'last_month' | 'last_year', string>
  day_words: string; year_words: string
}

const DAY = 864e5
const keys = (w: Word) => (w.forms ? [w.lower, ...w.forms] : [w.lower])
const num = (w: Word | undefined) => (w && /^\d{1,4}$/.test(w.lower) ? Number(w.lower) : null)
// a civil date from a Hijri one (tabular calendar): good to a day or two, which a Hijri-dated news item needs
function hijriToIso(y: number, m: number, d: number): string {
  const jd = Math.floor((11 * y + 3) / 30) + 354 * y + 30 * m - Math.floor((m - 1) / 2) + d + 1948440 - 385
  return iso((jd - 2440587.5) * DAY + DAY / 2)
}

/** Dates in Arabic sentences (data/lang/ar/dates.json), resolved against the publication date. */
export function makeArabicDateFinder(dataDir: string) {
  const p = JSON.parse(readFileSync(join(dataDir, 'lang', 'ar', 'dates.json'), 'utf8')) as DatesPack
  const weekdays = new Map(Object.entries(p.weekdays).map(([k, v]) => [arabicKey(k), v]))
  const yearWords = new Set(arabicKey(p.year_words).split('|')), dayWords = new Set(arabicKey(p.day_words).split('|'))
  const monthEntries = [...Object.entries(p.months).map(([k, v]) => [arabicKey(k), v, false] as const), ...Object.entries(p.hijri_months).map(([k, v]) => [arabicKey(k), v, true] as const)]
  const months = makePhraseMatcher(monthEntries.map(([k, v, hijri]) => ({ pattern: k, value: { month: v, hijri } })))
  const hijriMarker = new Set(arabicKey(p.hijri_marker).split('|'))
  const relative = makePhraseMatcher(Object.entries(p.relative).flatMap(([rule, pattern]) => arabicKey(pattern).split('|').map((x) => ({ pattern: x, value: rule }))))

  return function findDates(text: string, sentences: Sentence[], published: string | undefined, diagnostics: Diagnostic[]): DateMention[] {
    const pub = published ? parseDay(published) : NaN
    const out: DateMention[] = []
    for (const s of sentences) {
      const ws = s.words
      const taken: Span[] = []
      const add = (first: number, last: number, date: string | null, precision: 1 | 2 | 3, rule: string) => {
        const span = { start: ws[first]!.start, end: ws[last]!.end }
        if (taken.some((t) => span.start < t.end && t.start < span.end)) return
        taken.push(span)
        out.push({ ...span, sentence: s.index, date, precision, rule, role: 'plain' })
      }
      // "21 كانون الثاني/يناير 2021", "في 3 مايو", "15 رمضان 1445 هـ"
      for (const m of months(ws)) {
        const day = num(ws[m.first - 1])
        let last = m.last
        // "كانون الثاني/يناير": the second month name of the pair says the same
        const pair = months(ws, m.last + 1, Math.min(ws.length, m.last + 4)).find((x) => x.first === m.last + 1)
        if (pair) last = pair.last
        const year = num(ws[last + 1])
        const hijri = m.value.hijri || (year !== null && hijriMarker.has(ws[last + 2]?.lower ?? ''))
        const y = year ?? (Number.isNaN(pub) ? null : new Date(pub).getUTCFullYear())
        const first = day !== null && day >= 1 && day <= 31 ? m.first - 1 : m.first
        const end = year !== null ? last + 1 : last
        if (y === null) { add(first, end, null, day ? 1 : 3, 'explicit-day-no-year'); continue }
        if (hijri) { add(first, end + (hijriMarker.has(ws[end + 1]?.lower ?? '') ? 1 : 0), day ? hijriToIso(y, m.value.month, day) : hijriToIso(y, m.value.month, 15), day ? 1 : 3, 'explicit-day-hijri'); continue }
        if (day !== null && day >= 1 && day <= 31) add(first, end, iso(Date.UTC(y, m.value.month - 1, day)), 1, year !== null ? 'explicit-day' : 'explicit-day-no-year')
        else add(first, end, iso(Date.UTC(y, m.value.month - 1, 15)), 3, 'explicit-month')
      }
      // "اليوم", "أمس", "الأسبوع الماضي"
      for (const m of relative(ws)) {
        if (Number.isNaN(pub)) { diagnostics.push({ severity: 'warning', ruleId: 'date-unresolved', span: { start: ws[m.first]!.start, end: ws[m.last]!.end }, reason: `relative date "${text.slice(ws[m.first]!.start, ws[m.last]!.end)}" left unresolved: no publication date` }); continue }
        const r = m.value
        const res = r === 'today' ? { date: iso(pub), precision: 1 as const }
          : r === 'yesterday' ? { date: iso(pub - DAY), precision: 1 as const }
            : r === 'day_before_yesterday' ? { date: iso(pub - 2 * DAY), precision: 1 as const }
              : r === 'last_week' ? RELATIVE['previous-week']!(pub, ws, m.first, () => null)
                : r === 'last_month' ? RELATIVE['previous-month']!(pub, ws, m.first, () => null)
                  : RELATIVE['previous-year']!(pub, ws, m.first, () => null)
        if (res) add(m.first, m.last, res.date, res.precision as 1 | 2 | 3, `relative:${r}`)
      }
      // "يوم الاثنين", "الخميس": the latest such day on or before publication
      for (let i = 0; i < ws.length; i++) {
        const d = keys(ws[i]!).map((k) => weekdays.get(k)).find((x) => x !== undefined)
        if (d === undefined) continue
        const first = i > 0 && dayWords.has(ws[i - 1]!.lower) ? i - 1 : i
        if (Number.isNaN(pub)) { add(first, i, null, 1, 'weekday'); continue }
        let t = pub
        while (new Date(t).getUTCDay() !== d) t -= DAY
        add(first, i, iso(t), 1, 'weekday')
      }
      // "في عام 2014": a year alone
      for (let i = 0; i < ws.length; i++) {
        const y = num(ws[i])
        if (y === null || y < 1950 || y > 2100 || !yearWords.has(ws[i - 1]?.lower ?? '')) continue
        add(i - 1, i, `${y}-07-01`, 3, 'explicit-year')
        const last = out[out.length - 1]
        if (last && last.rule === 'explicit-year') last.yearOnly = true
      }
    }
    return out.sort((a, b) => a.start - b.start)
  }
}
