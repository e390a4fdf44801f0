import type { FeatureRole } from './feature-words.js'
import { haversineKm } from './geo-math.js'
import { editDistance } from './fuzzy.js'
import { normalizePlaceName } from './normalize.js'
import type { LatLon, MatchKind, Place } from './types.js'

/**
 * A town whose district bears its name is the district's seat (Ras al-Ain in Ras al-Ain district,
 * Al Qamishli in Quamishli district): the prominent one of its homonyms when the gazetteer gives
 * no population, as Who's On First villages mostly do.
 * isDistrictSeat({ name: "Al Qamishli", admin2: "Quamishli", kind: "locality", ... }) === true
 */
export function isDistrictSeat(p: Place): boolean {
  if (p.admin2 === null || p.kind !== 'locality') return false
  const a = normalizePlaceName(p.admin2)
  const b = normalizePlaceName(p.name)
  return a === b || (Math.min(a.length, b.length) >= 5 && editDistance(a, b, 1) <= 1)
}
const SEAT_BONUS = 0.5

/** What a candidate is weighed against: the rest of the report and the words around the name. */
export type ScoreContext = {
  near: LatLon[]
  /** ids of admin1 and national capitals in play */
  capitals: ReadonlySet<string>
  nationalCapitals: ReadonlySet<string>
  role: FeatureRole | null
}

// Towns over villages' neighbours: a named place in a report is most often a settlement.
const KIND_WEIGHT: Readonly<Record<string, number>> = {
  locality: 1,
  localadmin: 0.9,
  neighbourhood: 0.7,
  campus: 0.3, // airports and bases only when the text says so
  county: 0.4,
  region: 0.2,
}

// The words around the name lift the kind they describe: "X airbase" → campus, "X district" → county.
const ROLE_KIND: Readonly<Partial<Record<FeatureRole, string>>> = {
  facility: 'campus',
  district: 'county',
  province: 'region',
}

const SETTLEMENT_KINDS: ReadonlySet<string> = new Set(['locality', 'localadmin', 'neighbourhood'])

const MATCH_PENALTY: Readonly<Record<MatchKind, number>> = {
  name: 0,
  alt: -0.2,
  'area-part': -0.3,
  skeleton: -0.4,
  fuzzy: -0.5,
}

/** Proximity to the report's other places: the strongest evidence when there is any. */
function proximityBonus(p: Place, near: LatLon[]): { bonus: number; km: number | null } {
  if (near.length === 0) return { bonus: 0, km: null }
  let km = Infinity
  for (const n of near) km = Math.min(km, haversineKm(p.lat, p.lon, n.lat, n.lon))
  const bonus = km <= 15 ? 1.2 : km <= 40 ? 0.8 : km <= 100 ? 0.4 : km <= 250 ? 0 : -0.3
  return { bonus, km }
}

/** A candidate's score and the reasons for it, in words a coder can check. */
export function scoreCandidate(p: Place, match: MatchKind, ctx: ScoreContext): { score: number; reasons: string[] } {
  const reasons: string[] = []
  const kindTarget = ctx.role ? ROLE_KIND[ctx.role] : undefined
  const kind = kindTarget !== undefined && p.kind === kindTarget ? 1.1 : (KIND_WEIGHT[p.kind] ?? 0.5)
  let score = kind + MATCH_PENALTY[match]
  if (match !== 'name') reasons.push(`matched by ${match === 'alt' ? 'an alternate name' : `${match} spelling`}`)
  // A district's or province's population says nothing about a settlement of the same name.
  if (SETTLEMENT_KINDS.has(p.kind) && p.population > 0) {
    score += Math.min(0.8, Math.log10(p.population + 1) / 8)
    reasons.push(`population ${p.population}`)
  }
  if (isDistrictSeat(p)) {
    score += SEAT_BONUS
    reasons.push('district seat')
  }
  // Places the news writes about carry more names (English, Arabic, Kurdish, variants).
  score += Math.min(0.25, 0.04 * p.altNames.length)
  if (ctx.nationalCapitals.has(p.id)) {
    score += 0.4
    reasons.push('national capital')
  } else if (ctx.capitals.has(p.id)) {
    score += 0.3
    reasons.push('province capital')
  }
  const { bonus, km } = proximityBonus(p, ctx.near)
  score += bonus
  if (km !== null) reasons.push(`${Math.round(km)} km from the report's other places`)
  return { score: Math.round(score * 1000) / 1000, reasons }
}
