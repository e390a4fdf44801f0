import { offsetPoint } from './geo-math.js'
import { resolveToponym } from './resolve.js'
import type { Gazetteer, Resolution, ToponymQuery } from './types.js'

/** "30 km south of Rutba" → { anchor: "Rutba", km: 30, bearing: 180 } */
export type RelativePhrase = {
  anchor: string
  /** distance from the anchor, when the text gives one */
  km: number | null
  /** degrees clockwise from north, when the text gives a direction */
  bearing: number | null
}

const BEARINGS: Readonly<Record<string, number>> = {
  north: 0, northeast: 45, east: 90, southeast: 135, south: 180, southwest: 225, west: 270, northwest: 315,
  'north-east': 45, 'south-east': 135, 'south-west': 225, 'north-west': 315,
  'north east': 45, 'south east': 135, 'south west': 225, 'north west': 315,
}
const UNIT_KM: Readonly<Record<string, number>> = { km: 1, kms: 1, kilometer: 1, kilometers: 1, kilometre: 1, kilometres: 1, mile: 1.609344, miles: 1.609344, mi: 1.609344 }

const DIRECTION = '(north|south)[- ]?(east|west)|north|south|east|west'
const DISTANCE = '(\\d+(?:[.,]\\d+)?)\\s*(km|kms|kilomet(?:er|re)s?|miles?|mi)\\b'
const WITH_DISTANCE = new RegExp(`^(?:about|some|around|approximately|nearly|roughly)?\\s*${DISTANCE}\\s*(?:to the\\s+)?(${DIRECTION})?\\s*(?:of|from)\\s+(.+)$`, 'i')
const WITH_DIRECTION = new RegExp(`^(?:to the\\s+|in the\\s+)?(${DIRECTION})(?:ern)?\\s+(?:of\\s+|outskirts of\\s+|part of\\s+)?(.+)$`, 'i')
const NEAR = /^(?:near|outside|around|close to|on the outskirts of|the outskirts of|outskirts of|the vicinity of|in the vicinity of|in the surroundings of|on the edge of)\s+(.+)$/i

/**
 * Reads a relative location phrase; undefined when the phrase is not relative.
 * parseRelative("southwest of Anbar") → { anchor: "Anbar", km: null, bearing: 225 }
 */
export function parseRelative(phrase: string): RelativePhrase | undefined {
  const s = phrase.trim().replace(/\s+/g, ' ').replace(/^the\s+/i, '')
  const d = WITH_DISTANCE.exec(s)
  if (d) {
    const value = Number((d[1] as string).replace(',', '.'))
    const unit = UNIT_KM[(d[2] as string).toLowerCase()] ?? 1
    const dir = d[3] ? bearingOf(d[3]) : null
    return { anchor: cleanAnchor(d[6] as string), km: Math.round(value * unit * 100) / 100, bearing: dir }
  }
  const r = WITH_DIRECTION.exec(s)
  if (r) return { anchor: cleanAnchor(r[4] as string), km: null, bearing: bearingOf(r[1] as string) }
  const n = NEAR.exec(s)
  if (n) return { anchor: cleanAnchor(n[1] as string), km: null, bearing: null }
  return undefined
}

function bearingOf(word: string): number | null {
  return BEARINGS[word.toLowerCase().replace(/ern$/, '')] ?? null
}

function cleanAnchor(s: string): string {
  return s.replace(/^the\s+/i, '').replace(/[.,;:]+$/, '').trim()
}

/**
 * A place given relative to an anchor: the anchor resolved, then moved by the distance and
 * bearing when both are known; precision 2 either way (codebook: "near a town", "30 km south of X").
 * An anchor that is only a province keeps precision 3.
 */
export function resolveRelative(gaz: Gazetteer, phrase: string, ctx: Omit<ToponymQuery, 'name'> = {}): Resolution | undefined {
  const rel = parseRelative(phrase)
  if (!rel) return undefined
  const anchor = resolveToponym(gaz, { ...ctx, name: rel.anchor })
  if (anchor.status !== 'resolved') return anchor
  if (anchor.precision === 3) return { ...anchor, reasons: [...anchor.reasons, `relative to a province: stays precision 3`] }
  const moved = rel.km !== null && rel.bearing !== null ? offsetPoint(anchor.lat, anchor.lon, rel.km, rel.bearing) : { lat: anchor.lat, lon: anchor.lon }
  const how = rel.km !== null && rel.bearing !== null ? `${rel.km} km at bearing ${rel.bearing}° from ${anchor.location}` : `near ${anchor.location}`
  return { ...anchor, ...moved, precision: 2, reasons: [...anchor.reasons, `relative phrase: ${how}; precision 2`] }
}
