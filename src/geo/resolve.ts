import { applyFrame, exactCandidates, fallbackCandidates, type Frame, type RawCandidate } from './candidates.js'
import { decide } from './decide.js'
import { districtFallback, findDistrict } from './district-fallback.js'
import { parsePlacePhrase } from './place-phrase.js'
import { provinceFallback } from './province-fallback.js'
import { scoreCandidate, type ScoreContext } from './score.js'
import type { Candidate, Gazetteer, Resolution, ToponymQuery } from './types.js'

const MAX_CANDIDATES = 12

/**
 * Resolves a place name to one gazetteer place, or says why it cannot: candidates in another
 * country or province than the context names are rejected, the rest are weighed by proximity
 * to the report's other places, kind and population. Never a guessed pin.
 * resolveToponym(gaz, { name: "Qa'im", country: "Iraq", admin1: "Anbar" }) → Al Qa'im, Al-Anbar, precision 1
 */
export function resolveToponym(gaz: Gazetteer, q: ToponymQuery): Resolution {
  if (typeof q.name !== 'string') throw new TypeError('resolveToponym: q.name must be a string')
  const reasons: string[] = []
  const frame = frameOf(gaz, q, reasons)
  const phrase = parsePlacePhrase(q.name)
  const names = [phrase.core, ...phrase.alternatives]

  if (phrase.role === 'province') {
    const asProvince = provinceNamed(gaz, phrase.core, frame)
    if (asProvince) return asProvince
  }
  let raw = applyFrame(exactCandidates(gaz, names, frame), frame)
  if (!raw.some((c) => !c.rejected)) {
    const more = fallbackCandidates(gaz, names, phrase.areaPart, frame)
    if (more.some((c) => !c.rejected)) reasons.push(`no exact match in the frame; tried spelling and area fallbacks`)
    raw = [...raw, ...more]
  }
  // The district the text names sets aside namesakes elsewhere in the province, when one lies inside it.
  const district = q.admin2 ? findDistrict(gaz, frame, q.admin2)?.admin2 : undefined
  if (district && raw.some((c) => !c.rejected && c.place.admin2 === district)) {
    raw = raw.map((c) => (c.rejected || c.place.admin2 === district ? c : { ...c, rejected: `in the district ${c.place.admin2 ?? '?'}, not ${district}` }))
    reasons.push(`district: ${district}`)
  }
  const ctx = scoreContext(gaz, frame, q, phrase.role)
  const candidates = toCandidates(raw, ctx)
  const accepted = candidates.filter((c) => !c.rejected)
  if (accepted.length === 0) {
    const asProvince = provinceNamed(gaz, phrase.core, frame)
    if (asProvince) return asProvince
  }
  const decided = decide(gaz, {
    query: q,
    phrase,
    frame,
    candidates: candidates.slice(0, MAX_CANDIDATES),
    accepted,
    reasons,
    areaWord: q.areaWord === true || phrase.role === 'area',
  })
  if (decided.status === 'resolved' || !q.admin2) return decided
  const fallback = districtFallback(gaz, frame, q.admin2, phrase.core)
  return fallback ? { ...fallback, candidates: decided.candidates, reasons: [...decided.reasons, ...fallback.reasons] } : decided
}

function frameOf(gaz: Gazetteer, q: ToponymQuery, reasons: string[]): Frame {
  let country = q.country ? gaz.country(q.country) : undefined
  if (q.country && !country) reasons.push(`country "${q.country}" is not in the gazetteer`)
  let admin1 = country && q.admin1 ? gaz.admin1(country.iso2, q.admin1) : undefined
  if (!country && q.admin1) {
    const all = gaz.findAdmin1Anywhere(q.admin1)
    if (all.length === 1 && all[0]) {
      admin1 = all[0]
      country = gaz.country(all[0].country)
      reasons.push(`country ${country?.name ?? all[0].country} from the province "${q.admin1}"`)
    }
  }
  if (q.admin1 && !admin1) reasons.push(`province "${q.admin1}" not found${country ? ` in ${country.name}` : ''}; not used`)
  if (country) reasons.push(`country: ${country.name}`)
  if (admin1) reasons.push(`province: ${admin1.name}`)
  return { ...(country ? { country } : {}), ...(admin1 ? { admin1 } : {}) }
}

function scoreContext(gaz: Gazetteer, frame: Frame, q: ToponymQuery, role: ScoreContext['role']): ScoreContext {
  const capitals = new Set<string>()
  const nationalCapitals = new Set<string>()
  const countries = frame.country ? [frame.country] : []
  for (const c of countries) {
    if (c.capital) nationalCapitals.add(c.capital.id)
    for (const a of c.admin1) if (a.capital) capitals.add(a.capital.id)
  }
  return { near: q.near ?? [], capitals, nationalCapitals, role }
}

function toCandidates(raw: RawCandidate[], ctx: ScoreContext): Candidate[] {
  const out = raw.map((c) => {
    const p = c.place
    const score = Math.round((scoreCandidate(p, c.match, ctx).score + (c.penalty ?? 0)) * 1000) / 1000
    const cand: Candidate = {
      id: p.id, name: p.name, country: p.country, admin1: p.admin1, admin2: p.admin2, kind: p.kind,
      population: p.population, lat: p.lat, lon: p.lon, match: c.match, score,
    }
    if (c.rejected) cand.rejected = c.rejected
    return cand
  })
  // Accepted first, best first; rejected ones stay listed so the coder sees what was set aside.
  return out.sort((a, b) => Number(a.rejected !== undefined) - Number(b.rejected !== undefined) || b.score - a.score)
}

/** "Anbar Province", or a bare name that is only a province: precision 3 at its capital. */
function provinceNamed(gaz: Gazetteer, name: string, frame: Frame): Resolution | undefined {
  const a = frame.country ? gaz.admin1(frame.country.iso2, name) : uniqueAdmin1(gaz, name)
  if (!a || (frame.admin1 && frame.admin1.name !== a.name)) return undefined
  const fb = provinceFallback(gaz, a.country, a.name)
  const place = fb ? gaz.capital(a.country, a.name) : undefined
  if (!fb || !place) return undefined
  return {
    status: 'resolved', place, precision: 3, location: a.name, admin1: a.name, admin2: null,
    lat: fb.lat, lon: fb.lon, candidates: [], reasons: [`"${name}" is the province ${a.name}; its capital ${place.name} stands for it`],
  }
}

function uniqueAdmin1(gaz: Gazetteer, name: string) {
  const all = gaz.findAdmin1Anywhere(name)
  return all.length === 1 ? all[0] : undefined
}
