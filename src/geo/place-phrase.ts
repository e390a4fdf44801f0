import { AREA_PREFIXES, FEATURE_WORDS, FILLER_WORDS, type FeatureRole } from './feature-words.js'

/** A place as written, taken apart: "Teir Maaleh village" → core "Teir Maaleh", role settlement. */
export type PlacePhrase = {
  /** the name to look up */
  core: string
  /** other spellings given in the phrase ("Duniq/Dowaibeq"), or both ends of a road */
  alternatives: string[]
  /** what the feature words say the place is, if any */
  role: FeatureRole | null
  /** "Wadi Hauran" → "Hauran": a settlement that may name the area */
  areaPart: string | null
}

const BETWEEN = /\bbetween\s+(.+?)\s+and\s+(.+?)(?:\s+in\s+.*)?$/i
// "Sayda-Western Ghariyah road" joins two towns; "Ain al-Asad air base" is one name
const ROAD_ENDS = / [-–—] |(?<!\b(?:al|el|ad|ar|as|an|at|az|ash|ez|es|ed|er|en))[-–—](?=\p{Lu})/u
const ROAD = /\b(?:road|highway|route|motorway)\b/i

const ROLE_STRENGTH: Readonly<Record<FeatureRole, number>> = { settlement: 1, district: 2, area: 3, facility: 4, province: 5 }

/**
 * parsePlacePhrase("the Nukhayb desert") → { core: "Nukhayb", role: "area", ... }
 * parsePlacePhrase("Duniq/Dowaibeq village") → { core: "Duniq", alternatives: ["Dowaibeq"], role: "settlement" }
 */
export function parsePlacePhrase(text: string): PlacePhrase {
  const between = BETWEEN.exec(text)
  if (between) {
    // "Road between Ariha and Jisr ash Shughur": a road is placed at the towns it joins.
    const ends = [between[1], between[2]].map((e) => stripFeatureWords((e as string).trim()).core)
    return { core: ends[0] as string, alternatives: ends.slice(1), role: 'facility', areaPart: null }
  }
  // "Khuwayn al Kabir village (Tell al-Khuwaiyn)": the parenthesis is another name.
  const inParens = [...text.matchAll(/\(([^)]+)\)/g)].map((m) => m[1] as string)
  const outside = text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim()
  const variants = [...outside.split('/'), ...inParens].map((v) => v.trim()).filter((v) => v.length > 0)
  let role: FeatureRole | null = null
  const cores: string[] = []
  for (const v of variants) {
    const { core, role: r } = stripFeatureWords(v)
    if (r && (!role || ROLE_STRENGTH[r] > ROLE_STRENGTH[role])) role = r
    if (core) cores.push(core)
  }
  const first = cores[0] ?? text.trim()
  let alternatives = cores.slice(1)
  if (role === 'facility' && ROAD.test(text) && ROAD_ENDS.test(first)) {
    // "Sayda-Western Ghariyah road", "Khanasir – Ithriya road": the towns it joins.
    alternatives = [...first.split(ROAD_ENDS).map((s) => s.trim()), ...alternatives]
  }
  return { core: first, alternatives, role, areaPart: areaPartOf(first) }
}

function stripFeatureWords(v: string): { core: string; role: FeatureRole | null } {
  const words = v.split(/\s+/).filter((w) => w.length > 0)
  let role: FeatureRole | null = null
  const isEdgeWord = (w: string): boolean => {
    const lower = w.toLowerCase().replace(/[.,;:]$/, '')
    const r = FEATURE_WORDS[lower]
    if (r) {
      if (!role || ROLE_STRENGTH[r] > ROLE_STRENGTH[role]) role = r
      return true
    }
    return FILLER_WORDS.has(lower)
  }
  while (words.length > 1 && isEdgeWord(words[words.length - 1] as string)) words.pop()
  while (words.length > 1 && isEdgeWord(words[0] as string)) words.shift()
  return { core: words.join(' '), role }
}

function areaPartOf(core: string): string | null {
  const words = core.split(/\s+/)
  if (words.length < 2 || !AREA_PREFIXES.has((words[0] as string).toLowerCase())) return null
  const rest = words.slice(1)
  const ARTICLE = /^(al|el|ad|ar|as|an|at|az|ash)$/i
  while (rest.length > 1 && ARTICLE.test(rest[0] as string)) rest.shift()
  return rest.join(' ')
}
