import type { PlaceMention } from '../entities/places.js'

/** The report as the locator sees it: its place mentions and which paragraph each sentence is in. */
export type ReportPlaces = {
  places: readonly PlaceMention[]
  paragraphOf: (sentence: number) => number
}

/** A place mention offered for an incident, with the reason it was offered. */
export type Offered = { mention: PlaceMention; tier: 'own' | 'sentence' | 'paragraph' | 'report' }

// "men from Najaf" says where people come from, not where the incident happened
const usable = (p: PlaceMention) => p.cue !== 'from'
// a name with no locative word before it and no feature word after it ("solidarity with Sweida", "fled to Sebba")
const bare = (p: PlaceMention) => (p.cue === null || /^(to|toward|towards)$/.test(p.cue)) && p.feature === null && p.relative === null
const isProvince = (p: PlaceMention, isAdmin1: (p: PlaceMention) => boolean) => isAdmin1(p) && p.feature !== 'area'

/**
 * The place mentions that may place an incident, best first (DEV_CODING 5): the towns of its own
 * clauses, then the towns of its sentences, then a province it names; failing those, the nearest
 * place told before it in the same paragraph, then the report's main place, the dateline last.
 * mentionOrder(own: [], sentences: [3], ...) → [nearest place before sentence 3 in its paragraph, ..., main place]
 */
export function mentionOrder(
  own: readonly PlaceMention[],
  sentences: readonly number[],
  report: ReportPlaces,
  isAdmin1: (p: PlaceMention) => boolean,
): Offered[] {
  const out: Offered[] = []
  const seen = new Set<PlaceMention>()
  const offer = (m: PlaceMention, tier: Offered['tier']) => {
    if (!seen.has(m) && usable(m)) { seen.add(m); out.push({ mention: m, tier }) }
  }
  const inSentences = report.places.filter((p) => sentences.includes(p.sentence) && p.cue !== 'dateline')
  const town = (m: PlaceMention) => !isProvince(m, isAdmin1) && !bare(m)
  for (const m of own) if (town(m)) offer(m, 'own')
  for (const m of inSentences) if (town(m)) offer(m, 'sentence')
  // "rallies across Daraa province ... in solidarity with Sweida": the province, not a name said in passing
  for (const m of [...own, ...inSentences]) if (isProvince(m, isAdmin1)) offer(m, own.includes(m) ? 'own' : 'sentence')
  for (const m of [...own, ...inSentences]) offer(m, own.includes(m) ? 'own' : 'sentence')
  const first = Math.min(...sentences)
  if (Number.isFinite(first)) {
    const paragraph = report.paragraphOf(first)
    const before = report.places.filter((p) => p.sentence < first && report.paragraphOf(p.sentence) === paragraph && p.cue !== 'dateline')
    for (const m of before.reverse()) offer(m, 'paragraph')
  }
  for (const m of mainPlaces(report.places, isAdmin1)) offer(m, 'report')
  return out
}

/**
 * The report's places by weight: a town named more often first, then the earlier one; provinces
 * after towns; the dateline only when the text names nothing else.
 */
export function mainPlaces(places: readonly PlaceMention[], isAdmin1: (p: PlaceMention) => boolean): PlaceMention[] {
  const body = places.filter((p) => usable(p) && p.cue !== 'dateline')
  // a mention says where something is ("at Guire", "the town of X") more than a name in passing ("the Bamako
  // government") or a point of reference ("370 km north of the capital Bamako")
  const weight = (p: PlaceMention) => (p.relative ? 0.25 : p.cue && /^(in|at|near|outside|inside|around)$/.test(p.cue) || p.feature ? 1.5 : 1)
  const count = new Map<string, number>()
  for (const p of body) count.set(p.name.toLowerCase(), (count.get(p.name.toLowerCase()) ?? 0) + weight(p))
  const firstOf = new Map<string, PlaceMention>()
  for (const p of body) if (!firstOf.has(p.name.toLowerCase())) firstOf.set(p.name.toLowerCase(), p)
  const rank = (p: PlaceMention) => (isProvince(p, isAdmin1) ? 0 : 100) + (count.get(p.name.toLowerCase()) ?? 0)
  const towns = [...firstOf.values()].sort((a, b) => rank(b) - rank(a) || a.start - b.start)
  return [...towns, ...places.filter((p) => p.cue === 'dateline')]
}
