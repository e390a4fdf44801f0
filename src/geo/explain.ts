import { findMentions } from './mentions.js'
import { parseRelative, resolveRelative } from './relative.js'
import { resolveToponym } from './resolve.js'
import type { Candidate, Gazetteer, Resolution, ToponymQuery } from './types.js'

const SHOWN_CANDIDATES = 10

/**
 * A printable account of how a name was geocoded, for `sitrep geocode NAME --context TEXT`:
 * the country and province read from the context, the choice, its precision, the candidates
 * weighed and set aside, and why.
 * explainGeocode(gaz, "Husayniyat", "an ISIS camp in the Husayniyat area, southwest of Anbar")
 */
export function explainGeocode(gaz: Gazetteer, name: string, context?: string): string {
  const query = queryFromContext(gaz, name, context)
  const r = parseRelative(name) ? (resolveRelative(gaz, name, query) ?? resolveToponym(gaz, query)) : resolveToponym(gaz, query)
  const lines = [`geocode "${name}"`]
  const frame = [query.country && `country ${gaz.country(query.country)?.name ?? query.country}`, query.admin1 && `province ${query.admin1}`]
  lines.push(`context: ${frame.filter(Boolean).join('; ') || 'none'}`)
  lines.push(...resultLines(gaz, r))
  lines.push('reasons:', ...r.reasons.map((x) => `  - ${x}`))
  lines.push(`candidates considered: ${r.candidates.length}`)
  r.candidates.slice(0, SHOWN_CANDIDATES).forEach((c, i) => lines.push(`  ${i + 1}. ${candidateLine(c)}`))
  if (r.candidates.length > SHOWN_CANDIDATES) lines.push(`  ... ${r.candidates.length - SHOWN_CANDIDATES} more`)
  return lines.join('\n')
}

/**
 * The query a context text supports: of the countries it names, the one a named province lies in,
 * else the first that has a place of this name ("near the Syrian border in Anbar, Iraq": Iraq).
 */
function queryFromContext(gaz: Gazetteer, name: string, context: string | undefined): ToponymQuery {
  if (!context) return { name }
  const m = findMentions(gaz, context)
  const named = m.countries.map((c) => c.iso2)
  const country =
    named.find((iso) => m.admin1.some((a) => a.country === iso)) ??
    named.find((iso) => gaz.lookup(name, { country: iso }).length > 0) ??
    named[0] ??
    m.admin1[0]?.country
  const admin1 = m.admin1.find((a) => a.country === country)?.name
  return { name, ...(country ? { country } : {}), ...(admin1 ? { admin1 } : {}) }
}

function resultLines(gaz: Gazetteer, r: Resolution): string[] {
  if (r.status === 'resolved') {
    const where = [r.admin2 && `admin2 ${r.admin2}`, r.admin1, r.place.countryName].filter(Boolean).join(', ')
    return [`result: ${r.location} (${where}), precision ${r.precision} at ${r.lat}, ${r.lon}`]
  }
  const out = [`result: unresolved "${r.name}"${r.admin1 ? `, province known: ${r.admin1}` : ''}${r.country ? `, ${gaz.country(r.country)?.name ?? r.country}` : ''}`]
  if (r.fallback) out.push(`fallback: ${r.fallback.location}, precision 3 at ${r.fallback.lat}, ${r.fallback.lon}`)
  return out
}

function candidateLine(c: Candidate): string {
  const base = `${c.name} (${c.kind}, ${c.admin1 ?? '?'}, ${c.country}) ${c.lat}, ${c.lon} — ${c.match}, score ${c.score}`
  return c.rejected ? `${base} — rejected: ${c.rejected}` : base
}
