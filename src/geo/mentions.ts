import type { Admin1Info, CountryInfo, Gazetteer } from './types.js'

/** Countries and provinces a text names, in order of first mention. */
export type Mentions = { countries: CountryInfo[]; admin1: Admin1Info[] }

// Adjectives that name a country as well as its name does ("Iraqi forces").
const DEMONYMS: Readonly<Record<string, string>> = {
  iraqi: 'IQ', syrian: 'SY', turkish: 'TR', iranian: 'IR', saudi: 'SA', yemeni: 'YE', afghan: 'AF',
  pakistani: 'PK', nigerian: 'NG', somali: 'SO', sudanese: 'SD', malian: 'ML', burkinabe: 'BF',
  nigerien: 'NE', congolese: 'CD', ethiopian: 'ET', libyan: 'LY', ukrainian: 'UA', russian: 'RU',
  israeli: 'IL', palestinian: 'PS', lebanese: 'LB', egyptian: 'EG', kenyan: 'KE', cameroonian: 'CM',
  mozambican: 'MZ', chadian: 'TD', colombian: 'CO', mexican: 'MX', indian: 'IN', filipino: 'PH',
  burmese: 'MM', ugandan: 'UG',
}

// Admin1 names that are also everyday words; they count only inside a country the text names.
const COMMON_WORDS: ReadonlySet<string> = new Set([
  'centre', 'center', 'central', 'north', 'south', 'east', 'west', 'delta', 'bay', 'lakes', 'unity',
  'plateau', 'niger', 'est', 'nord', 'sud', 'capital', 'coast', 'eastern', 'western', 'northern', 'southern',
  'islands', 'river', 'mountain', 'sahel', 'sea', 'lagos', 'federal', 'national', 'state',
])

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’`-]*/gu
const MAX_WORDS = 4

type Token = { text: string; upper: boolean }
type Admin1Hit = { options: Admin1Info[]; common: boolean }

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], upper: /^\p{Lu}/u.test(m[0]) }))
}

/**
 * Finds the countries and provinces a context text mentions, longest phrase first.
 * findMentions(gaz, "killed in Anbar Province, Iraq").admin1[0].name === "Al-Anbar"
 */
export function findMentions(gaz: Gazetteer, text: string): Mentions {
  const toks = tokens(text)
  const countries = new Map<string, CountryInfo>()
  const admin1Hits: Admin1Hit[] = []
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token
    const demonym = DEMONYMS[t.text.toLowerCase()]
    if (demonym && t.upper) {
      const c = gaz.country(demonym)
      if (c && !countries.has(c.iso2)) countries.set(c.iso2, c)
      continue
    }
    if (!t.upper) continue
    for (let n = Math.min(MAX_WORDS, toks.length - i); n >= 1; n--) {
      const phrase = toks.slice(i, i + n).map((x) => x.text).join(' ')
      if (phrase.length < 4 && !/^\p{Lu}{3}$/u.test(phrase)) continue
      const c = phrase.length > 3 || isAliasOf(gaz, phrase) ? gaz.country(phrase) : undefined
      const a = c ? [] : gaz.findAdmin1Anywhere(phrase)
      if (c) {
        if (!countries.has(c.iso2)) countries.set(c.iso2, c)
      } else if (a.length > 0) {
        admin1Hits.push({ options: a, common: COMMON_WORDS.has(phrase.toLowerCase()) })
      } else continue
      i += n - 1
      break
    }
  }
  return { countries: [...countries.values()], admin1: pickAdmin1(admin1Hits, countries) }
}

function isAliasOf(gaz: Gazetteer, phrase: string): boolean {
  const c = gaz.country(phrase)
  return c !== undefined && (c.aliases.includes(phrase) || c.name === phrase)
}

/** In the countries named, when any are; else unambiguous and not an everyday word. */
function pickAdmin1(hits: Admin1Hit[], countries: Map<string, CountryInfo>): Admin1Info[] {
  const out: Admin1Info[] = []
  const seen = new Set<string>()
  for (const { options, common } of hits) {
    const inNamed = options.filter((a) => countries.has(a.country))
    const chosen = countries.size > 0 ? inNamed : common || options.length !== 1 ? [] : options
    for (const a of chosen) {
      const key = `${a.country}\t${a.name}`
      if (!seen.has(key)) {
        seen.add(key)
        out.push(a)
      }
    }
  }
  return out
}
