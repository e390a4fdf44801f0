import type { PlaceMention } from '../entities/places.js'
import type { Gazetteer } from './types.js'
import { lastBefore, sentenceMentions } from './mention-index.js'

/** Reads which province (admin1) a report's mentions name, and where. */
export type ProvinceReader = {
  /** "Anbar province" → "Al-Anbar"; "Kabul", "Tartus" alone are the city, not the province */
  of(m: PlaceMention | undefined, country: string | null): string | null
  /** the province named in the mention's own clause ("Koshobe in Borno state"): a hard frame */
  inSentence(m: PlaceMention, places: readonly PlaceMention[], country: string | null, text: string): string | null
  /** the province named last before the mention: a preference, never a filter */
  before(m: PlaceMention, places: readonly PlaceMention[], country: string | null): string | null
  /** the first province the report names, for a precision-3 fallback */
  anywhere(places: readonly PlaceMention[], country: string | null): string | null
}

// "struck Ain al-Asad in Anbar province, and five hit Erbil airport": a province frames the places of its own clause
const BREAK = /;|\b(?:and|but|while|whereas|after|before|when)\b/i
const ANAPHORA = /^[^.;]{0,40}\bthe (province|governorate|region|state|district)\b(?!\s+of\b)/i
const between = (text: string, a: PlaceMention, b: PlaceMention) => text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start))

/**
 * makeProvinceReader(gaz).of({ name: "Anbar", feature: "admin1", ... }, "IQ") === "Al-Anbar"
 */
export function makeProvinceReader(gaz: Gazetteer): ProvinceReader {
  // the same names are asked about for every incident of a report: answers are kept (bounded)
  const memo = new Map<string, string | null>()
  function of(m: PlaceMention | undefined, country: string | null): string | null {
    if (!m || !country || m.feature === 'area' || m.cue === 'from') return null
    const key = `${m.name}|${m.feature}|${country}`
    const known = memo.get(key)
    if (known !== undefined) return known
    if (memo.size > 20000) memo.clear()
    const answer = provinceOf(m, country)
    memo.set(key, answer)
    return answer
  }
  function provinceOf(m: PlaceMention, country: string): string | null {
    const a = gaz.admin1(country, m.name)
    if (!a || m.feature === 'admin1') return a?.name ?? null
    // a province named like its capital ("Tartus", "Sweida", "Lagos"): without "province" the city is meant
    const city = gaz.lookup(m.name, { country }).some((p) => p.kind === 'locality' && (p.population >= 100000 || p.id === a.capital?.id))
    return city ? null : a.name
  }
  const first = (ps: readonly PlaceMention[], country: string | null) => {
    for (const p of ps) {
      const a = of(p, country)
      if (a) return a
    }
    return null
  }
  const before = (m: PlaceMention, places: readonly PlaceMention[], country: string | null) =>
    of(lastBefore(places, m.start, country ?? '', (p) => of(p, country) !== null), country)
  return {
    of,
    inSentence: (m, places, country, text) => first(sentenceMentions(places, m.sentence).filter((p) => p !== m && !BREAK.test(between(text, m, p))), country)
      // "the Husayniyat area, southwest of the province": the province is the one just named, and a hard frame
      ?? (ANAPHORA.test(text.slice(m.end, m.end + 60)) ? before(m, places, country) : null),
    before,
    anywhere: (places, country) => first(places, country),
  }
}
