import type { PlaceMention } from '../entities/places.js'
import type { Span } from '../types.js'

/**
 * What the text says about where a place lies by reference to another place: "Bisara village near
 * Dadri", "Tabit, a village about 45 km southwest of El Fasher", "Mpondwe, a border town in Kasese
 * district", "Solhan lies about 15 km from Sebba", "Mekelle, about 25 km east of Togoga". When the
 * place itself is missing from the gazetteer, the anchor stands for it with precision 2 (DEV_CODING 5).
 */
export type Tie = {
  /** the place mention the text ties the name to */
  anchor: PlaceMention
  /** distance from the anchor, when given */
  km: number | null
  /** degrees clockwise from north, from the anchor to the place, when given */
  bearing: number | null
  how: 'near' | 'distance' | 'inside' | 'inverse'
  span: Span
}

const WINDOW = 110 // a tie is told right after the name, within a phrase
// "near Dadri", "outside Bankass", "close to the town of Sebba"
const NEAR_END = /\b(near|outside|around|close to|not far from|on the outskirts of|in the vicinity of)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$/i
// "about 15 km from Sebba", "40 kilometres from the provincial capital Sebba"
const FROM_END = /\b(\d+(?:[.,]\d+)?)\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:away\s+)?from\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/i
// "in Kasese district", "in the Djenné area", "in Igabi local government area"
const IN_END = /\b(?:in|of)\s+(?:the\s+)?$/i
const AREA_AFTER = /^\s+(?:local government area|lga|district|county|area|department|prefecture|township|subdistrict|sub-district|municipality|province|commune|circle|cercle)\b/i
// the text between the name and its anchor stays inside one phrase: no clause break, no second event
const BREAK = /[;:!?()"“”]|\.\s|\b(?:and|but|while|after|before|when|where|which|who|said|says|killed|attacked)\b/i
const BEARINGS: Readonly<Record<string, number>> = {
  north: 0, northeast: 45, east: 90, southeast: 135, south: 180, southwest: 225, west: 270, northwest: 315,
}

/** Every tie the text gives for a place name, nearest phrase first. */
export function tiesOf(text: string, name: string, places: readonly PlaceMention[]): Tie[] {
  const out: Tie[] = []
  // a place is tied where it is first named; reading only its first mentions keeps a long input linear
  for (const at of occurrences(text, name).slice(0, MAX_OCCURRENCES)) {
    const after: PlaceMention[] = []
    for (let i = firstAtOrAfter(places, at.end); i < places.length && places[i]!.start - at.end <= WINDOW; i++) {
      if (!sameName(places[i]!.name, name)) after.push(places[i]!)
    }
    for (const y of after) {
      const between = text.slice(at.end, y.start)
      if (BREAK.test(between.replace(/\bkm\.\s/g, 'km '))) break
      const tie = tieTo(text, at, y, between)
      if (tie) out.push(tie)
    }
    const inverse = inverseTie(text, at, places)
    if (inverse) out.push(inverse)
  }
  return out
}

function tieTo(text: string, at: Span, y: PlaceMention, between: string): Tie | undefined {
  const span = { start: at.start, end: y.end }
  if (y.relative) {
    const bearing = BEARINGS[y.relative.direction] ?? null
    return { anchor: y, km: y.relative.km, bearing, how: 'distance', span }
  }
  if (NEAR_END.test(between)) return { anchor: y, km: null, bearing: null, how: 'near', span }
  const from = FROM_END.exec(between)
  if (from) return { anchor: y, km: Number((from[1] as string).replace(',', '.')), bearing: null, how: 'distance', span }
  // a province named like this may be a district ("Oudalan province" in Burkina Faso); the caller drops true provinces
  if (IN_END.test(between) && (y.featureWord !== null || AREA_AFTER.test(text.slice(y.end, y.end + 30)))) {
    return { anchor: y, km: null, bearing: null, how: 'inside', span }
  }
  return undefined
}

const INVERSE = /^,\s+(?:about|some|around|roughly|nearly|approximately)?\s*(\d+(?:[.,]\d+)?)\s*(km|kms|kilomet(?:er|re)s?|miles?)\s+(?:to the\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+$/i

/** "Mekelle, about 25 km east of Togoga": Togoga lies 25 km west of Mekelle. */
function inverseTie(text: string, at: Span, places: readonly PlaceMention[]): Tie | undefined {
  const i = firstAtOrAfter(places, at.start) - 1
  const before = i >= 0 && places[i]!.end <= at.start && at.start - places[i]!.end <= 50 ? places[i] : undefined
  const m = before && INVERSE.exec(text.slice(before.end, at.start))
  if (!before || !m) return undefined
  const km = Number((m[1] as string).replace(',', '.')) * (/^mi/i.test(m[2] as string) ? 1.609 : 1)
  const b = BEARINGS[(m[3] as string).toLowerCase().replace('-', '')]
  return { anchor: before, km, bearing: b === undefined ? null : (b + 180) % 360, how: 'inverse', span: { start: before.start, end: at.end } }
}

const MAX_OCCURRENCES = 4

/** Index of the first mention starting at or after pos (mentions come in text order). */
function firstAtOrAfter(places: readonly PlaceMention[], pos: number): number {
  let lo = 0, hi = places.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (places[mid]!.start < pos) lo = mid + 1
    else hi = mid
  }
  return lo
}

const WORD_CHAR = /[\p{L}\p{N}]/u
// a plain search with a boundary check: a RegExp compiled per name cost a third of the coder's time
function occurrences(text: string, name: string): Span[] {
  const out: Span[] = []
  if (!name) return out
  for (let at = text.indexOf(name); at !== -1 && out.length < MAX_OCCURRENCES; at = text.indexOf(name, at + 1)) {
    const end = at + name.length
    if (at > 0 && WORD_CHAR.test(charBefore(text, at))) continue
    if (end < text.length && WORD_CHAR.test(charAt(text, end))) continue
    out.push({ start: at, end })
  }
  return out
}

// whole code points around a position, so a letter outside the BMP is seen as a letter
const charBefore = (text: string, at: number) => String.fromCodePoint(text.codePointAt(at - 1 >= 1 && /[\udc00-\udfff]/.test(text[at - 1]!) ? at - 2 : at - 1)!)
const charAt = (text: string, at: number) => String.fromCodePoint(text.codePointAt(at)!)

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
