import type { Doc } from '../doc.js'
import type { Evidence, TimePrecision } from '../types.js'
import type { ActorMention } from '../entities/actors.js'
import type { Candidate } from './candidate.js'
import { bySentence } from '../text/by-sentence.js'

const CLAIM = /\bclaim(ed|s)? (responsibility|the (attack|bombing|blast|killing|strike|assault)s?|it)\b|\bsaid (it|they) (had )?carried out\b|\bclaimed by\b/i
const DOER = /\b(had |have |has )?(carried out|was behind|were behind|is behind|are behind)\b(?! by)/i
const BLAME = /\b(blamed|attributed|suspected|responsible|(carried out|conducted|launched|fired) by)\b/i

/** Who claimed the report's attacks (a claim beats an attribution by the authorities). */
export function findClaimant(doc: Doc): ActorMention | null {
  const groupsOf = bySentence((doc.actors ?? []).filter((a) => a.ref.kind === 'group'))
  // the accused: a named group, a state's forces ("carried out by Russian warplanes"), or a state by name
  const accusedOf = bySentence((doc.actors ?? []).filter((a) => a.ref.kind === 'group' || ((a.ref.kind === 'military' || a.ref.kind === 'police') && a.ref.country)))
  const countriesOf = bySentence((doc.countries ?? []).filter((c) => !c.demonym))
  const datesOf = bySentence(doc.dates)
  const cutoff = doc.published ? shiftDays(doc.published, -14) : null
  // a claim of an old attack ("that attack was claimed by TAK", "the 2016 bombings") names no doer of the news
  const aboutThePast = (i: number, text: string) => /\b(that|those|the (19|20)\d\d) (attack|bombing|blast|massacre)s?\b/i.test(text) || datesOf(i).some((d) => d.date && cutoff && d.date < cutoff && d.precision === 1)
  for (const s of doc.seg?.sentences ?? []) {
    const text = doc.text.slice(s.start, s.end)
    if (!CLAIM.test(text) || aboutThePast(s.index, text)) continue
    const g = groupsOf(s.index)[0]
    if (g) return { ...g, rule: 'claim' }
  }
  // "officials who said Russian forces had carried out the strike": the doer named before the deed
  for (const s of doc.seg?.sentences ?? []) {
    const text = doc.text.slice(s.start, s.end)
    const m = DOER.exec(text)
    if (!m || aboutThePast(s.index, text)) continue
    const at = s.start + m.index
    const before = accusedOf(s.index).filter((x) => x.end <= at && at - x.end < 20)
    if (before.length) return before[before.length - 1]!
  }
  for (const s of doc.seg?.sentences ?? []) {
    const text = doc.text.slice(s.start, s.end)
    const m = BLAME.exec(text)
    if (!m || aboutThePast(s.index, text)) continue
    const at = s.start + m.index
    // "suspected Boko Haram fighters": only a group right after "suspected"
    if (/^suspected$/i.test(m[0])) {
      const g = groupsOf(s.index).find((x) => x.start > at && x.start - at < 14)
      if (g) return g
      continue
    }
    const a = accusedOf(s.index).find((x) => x.start > at)
    if (a) return a
    // "Zelenskiy blamed Russia for the attack": a state accused by name is accused for its forces
    const c = countriesOf(s.index).find((x) => x.start > at)
    if (c) return { start: c.start, end: c.end, sentence: c.sentence, first: c.first, last: c.last, ref: { kind: 'military', country: c.iso2 }, rule: 'state-blamed' }
  }
  return null
}

/** The report's news date: the first dated news clause, else the publication day. */
export function reportDate(doc: Doc, cands: Candidate[]): { date: string; precision: TimePrecision; evidence: Evidence } | null {
  const dated = cands.find((c) => !c.background.value && c.date?.date && !c.date.yearOnly)
  if (dated?.date?.date) return { date: dated.date.date, precision: dated.date.precision, evidence: { kind: 'rule', rule: `report-date:${dated.date.rule}`, spans: [{ start: dated.date.start, end: dated.date.end }] } }
  const lead = (doc.dates ?? []).find((d) => d.date && !d.yearOnly && d.role !== 'report' && d.sentence <= 2 && doc.published && d.date <= doc.published && d.date >= shiftDays(doc.published, -14))
  if (lead?.date) return { date: lead.date, precision: lead.precision, evidence: { kind: 'rule', rule: `report-date:${lead.rule}`, spans: [{ start: lead.start, end: lead.end }] } }
  if (doc.published) return { date: doc.published.slice(0, 10), precision: 1, evidence: { kind: 'rule', rule: 'publication-date' } }
  return null
}

/** The one non-state armed group a report is about, when it names exactly one (its most-mentioned). */
export function dominantGroup(doc: Doc): ActorMention | null {
  const counts = new Map<string, { m: ActorMention; n: number }>()
  for (const a of doc.actors ?? []) {
    if (a.ref.kind !== 'group') continue
    const g = a.ref.groups[0]!
    if (g.inter < 2 || g.inter > 4) continue
    // "a member of the VDP" among the victims, "targeting a post of the VDP": not the report's armed group
    if (/\b(members? of|posts? of|positions? of|bases? of|targeting|against|attacks? on|ambush on)( an?| the)? $/i.test(doc.text.slice(Math.max(0, a.start - 30), a.start))) continue
    const e = counts.get(g.name) ?? { m: a, n: 0 }
    e.n++
    counts.set(g.name, e)
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n)
  // named once in passing ("a member of the VDP") is not what the report is about
  if (ranked.length === 0) return null
  if (ranked.length > 1 && ranked[1]!.n * 2 > ranked[0]!.n) return null
  return ranked[0]!.m
}

const shiftDays = (day: string, n: number) => new Date(Date.parse(day.slice(0, 10) + 'T00:00:00Z') + n * 864e5).toISOString().slice(0, 10)

const weight = (e: { m: ActorMention; n: number }) => e.n * (e.m.ref.kind === 'group' ? 1.5 : 1)

/** The armed sides a report names (groups, and state forces of a named country), most-mentioned first. */
export function reportSides(doc: Doc): ActorMention[] {
  const counts = new Map<string, { m: ActorMention; n: number }>()
  for (const a of doc.actors ?? []) {
    const key = a.ref.kind === 'group' ? a.ref.groups[0]!.name : (a.ref.kind === 'military' || a.ref.kind === 'police') && a.ref.country ? `${a.ref.kind}:${a.ref.country}` : null
    if (!key) continue
    const e = counts.get(key) ?? { m: a, n: 0 }
    e.n++
    counts.set(key, e)
  }
  // a named group is more often the other side than the state forces a report mentions in passing
  return [...counts.values()].sort((a, b) => weight(b) - weight(a)).map((e) => e.m)
}
