import type { Doc } from '../doc.js'
import type { Evidence, TimePrecision } from '../types.js'
import type { ActorMention } from '../entities/actors.js'
import type { Candidate } from './candidate.js'

const CLAIM = /\bclaim(ed|s)? (responsibility|the (attack|bombing|blast|killing|strike|assault)s?|it)\b|\bsaid (it|they) (had )?carried out\b|\bclaimed by\b/i
const BLAME = /\b(blamed|attributed|suspected|responsible)\b/i

/** Who claimed the report's attacks (a claim beats an attribution by the authorities). */
export function findClaimant(doc: Doc): ActorMention | null {
  const groups = (doc.actors ?? []).filter((a) => a.ref.kind === 'group')
  for (const re of [CLAIM, BLAME]) {
    for (const s of doc.seg?.sentences ?? []) {
      if (!re.test(doc.text.slice(s.start, s.end))) continue
      const g = groups.find((a) => a.sentence === s.index)
      if (g) return g
    }
  }
  return null
}

/** The report's news date: the first dated news clause, else the publication day. */
export function reportDate(doc: Doc, cands: Candidate[]): { date: string; precision: TimePrecision; evidence: Evidence } | null {
  const dated = cands.find((c) => !c.background.value && c.date?.date && !c.date.yearOnly)
  if (dated?.date?.date) return { date: dated.date.date, precision: dated.date.precision, evidence: { kind: 'rule', rule: `report-date:${dated.date.rule}`, spans: [{ start: dated.date.start, end: dated.date.end }] } }
  if (doc.published) return { date: doc.published.slice(0, 10), precision: 1, evidence: { kind: 'rule', rule: 'publication-date' } }
  return null
}

/** The country the report is mostly about: country names count twice, adjectives ("Iraqi") once. */
export function focusCountry(doc: Doc): Doc['focus'] {
  const score = new Map<string, number>()
  for (const c of doc.countries ?? []) score.set(c.iso2, (score.get(c.iso2) ?? 0) + (c.demonym ? 1 : 2) + (c.sentence === 0 ? 1 : 0))
  for (const a of doc.actors ?? []) {
    if (a.ref.kind === 'group') for (const g of a.ref.groups.slice(0, 1)) if (g.countries.length === 1) score.set(g.countries[0]!, (score.get(g.countries[0]!) ?? 0) + 1)
  }
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0]
  return best ? { iso2: best[0], rule: 'most-mentioned-country' } : { iso2: null, rule: 'no-country-mentioned' }
}
