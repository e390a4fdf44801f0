import type { Doc } from '../doc.js'
import type { SitrepEvent } from '../types.js'
import type { Draft } from './cluster.js'

/** What the event scorer reads of one coded event: named features and hashed word features. */
export type EventFeatures = { named: Record<string, number>; hashed: Map<number, number> }

const DAY = 864e5
const bucket = (n: number, edges: number[], names: string[]) => names[edges.findIndex((e) => n <= e)] ?? names[names.length - 1]!

/** FNV-1a over the UTF-16 code units: stable across runs, platforms and versions. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) }
  return h >>> 0
}

const WORD = /[\p{L}\p{N}]+/gu
const words = (s: string) => (s.toLowerCase().match(WORD) ?? []).map((w) => (/^\d+$/.test(w) ? '#' : w))

/**
 * Named features of an event in its report (its type, how it was found, where in the page, what the page is
 * like) and hashed unigrams and bigrams of the clauses that tell it and of the article's lead. Hashing keeps
 * the weights free of stored phrases: a bucket stands for many words.
 */
export function eventFeatures(doc: Doc, draft: Draft, e: SitrepEvent, events: number, buckets: number): EventFeatures {
  const f: Record<string, number> = {}
  const on = (k: string, v = 1) => { f[k] = v }
  on('bias')
  on(`type:${e.event_type}`)
  on(`sub:${e.sub_event_type}`)
  if (draft.generic) on('generic')
  if (e.background) on('background')
  on(`parts:${bucket(draft.parts.length, [1, 2, 4], ['1', '2', '3-4', '5+'])}`)
  on(`hits:${bucket(new Set(draft.parts.flatMap((p) => p.hits.map((h) => h.cls))).size, [1, 2], ['1', '2', '3+'])}`)
  const unidentified = (a: string | null) => !a || a.startsWith('Unidentified')
  on(unidentified(e.actor1) ? 'actor1:unidentified' : 'actor1:named')
  if (!e.actor2) on('actor2:none')
  const a1 = e.evidence.actor1
  if (a1?.kind === 'rule') on(`actor1-rule:${a1.rule.replace(/:.*/, '')}`)
  on(e.geo_status === 'resolved' ? `place:p${e.geo_precision ?? 0}` : e.location ? 'place:unresolved' : 'place:none')
  const loc = e.evidence.location
  if (loc?.kind === 'rule') on(`place-rule:${loc.rule.replace(/:.*/, '')}`)
  const date = e.evidence.event_date
  const dateRule = !date ? 'none' : date.kind === 'rule' ? date.rule.replace(/:.*/, '') : 'text'
  on(`date:${dateRule}`)
  if (e.event_date && doc.published) {
    const age = (Date.parse(doc.published.slice(0, 10)) - Date.parse(e.event_date)) / DAY
    on(`age:${bucket(age, [-1, 2, 7, 31, 365], ['future', '0-2', '3-7', '8-31', '32-365', 'older'])}`)
  } else on('age:unknown')
  const sentences = doc.seg?.sentences.length ?? 1
  const first = Math.min(...draft.parts.map((p) => p.clause.sentence))
  on(`first-sentence:${bucket(first, [0, 2, 5, 10], ['0', '1-2', '3-5', '6-10', '11+'])}`)
  on('first-position', first / Math.max(1, sentences))
  on(`events:${bucket(events, [1, 2, 4], ['1', '2', '3-4', '5+'])}`)
  if (e.fatalities > 0) on('fatalities')
  const fat = e.evidence.fatalities
  if (fat?.kind === 'rule') on(`fatalities-rule:${fat.rule}`)
  if (e.arrests) on('arrests')
  const triggered = new Set((doc.triggers ?? []).map((t) => t.sentence)).size
  on(`trigger-share:${bucket(triggered / Math.max(1, sentences), [0.1, 0.25, 0.5], ['<10%', '10-25%', '25-50%', '>50%'])}`)
  on(`sentences:${bucket(sentences, [1, 3, 10, 30], ['1', '2-3', '4-10', '11-30', '31+'])}`)
  if (doc.furniture?.length) on('furniture')
  const clauseText = draft.parts.map((p) => doc.text.slice(p.clause.start, p.clause.end)).join(' ')
  if (/[“"]/.test(doc.text.slice(Math.max(0, draft.parts[0]!.clause.start - 2), draft.parts[0]!.clause.start + 1))) on('quoted')

  const hashed = new Map<number, number>()
  const add = (prefix: string, toks: string[]) => {
    const grams = [...toks, ...toks.slice(1).map((t, i) => `${toks[i]} ${t}`)]
    if (grams.length === 0) return
    const w = 1 / Math.sqrt(grams.length)
    for (const g of grams) {
      const k = hashString(`${prefix}${g}`) % buckets
      hashed.set(k, (hashed.get(k) ?? 0) + w)
    }
  }
  add('c:', words(clauseText).slice(0, 200))
  const lead = doc.seg?.sentences.slice(0, 2).map((s) => doc.text.slice(s.start, s.end)).join(' ') ?? ''
  add('l:', words(lead).slice(0, 120))
  return { named: f, hashed }
}
