import { consonantKey } from './consonant-key.js'
import type { Frame } from './candidates.js'
import { editDistance } from './fuzzy.js'
import { normalizePlaceName } from './normalize.js'
import type { Gazetteer, Place, Resolution } from './types.js'

// "Mintaqat Markaz Hamah district" is the district of Hama: words that only say "district" or "central".
const DISTRICT_WORDS = new Set(['district', 'mintaqat', 'mantiqat', 'mintaqa', 'markaz', 'merkez', 'subdistrict', 'sub-district', 'nahiya', 'nahiyat', 'qada', 'qadaa', 'kaza', 'county', 'tehsil', 'lga'])

function districtCore(name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 0)
  const kept = words.filter((w) => !DISTRICT_WORDS.has(w.toLowerCase()))
  return (kept.length > 0 ? kept : words).join(' ')
}

const sameName = (a: string, b: string): boolean => {
  const x = normalizePlaceName(a), y = normalizePlaceName(b)
  if (x === y) return true
  if (Math.min(x.length, y.length) >= 5 && editDistance(x, y, 2) <= 2) return true
  const k = consonantKey(a)
  return k.replace(/ /g, '').length >= 3 && k === consonantKey(b)
}

/**
 * The place is not found but the text names its district: the district's seat stands for it,
 * precision 2 (codebook: part of a district). The seat is the town the district is named after,
 * else the district's most populous place.
 * districtFallback(gaz, frame, "Ar Rastan district", "Teir Maaleh") → Ar Rastan, precision 2
 */
export function districtFallback(gaz: Gazetteer, frame: Frame, district: string, named: string): Resolution | undefined {
  const found = findDistrict(gaz, frame, district)
  if (!found) return undefined
  const { admin2, seat } = found
  return {
    status: 'resolved', byDistrict: true, place: seat, precision: 2, location: named, admin1: seat.admin1, admin2,
    lat: seat.lat, lon: seat.lon, candidates: [],
    reasons: [`"${named}" is not in the gazetteer; its district ${admin2} is, and its seat ${seat.name} stands for it (precision 2)`],
  }
}

type Found = { admin2: string; seat: Place } | undefined
// the same district is asked about for every place in it: answers are kept per gazetteer (bounded)
const MEMO = new WeakMap<Gazetteer, Map<string, Found>>()

/** The gazetteer's admin2 the text's district names, with its seat; undefined when none fits. */
export function findDistrict(gaz: Gazetteer, frame: Frame, district: string): Found {
  const country = frame.country?.iso2
  if (!country) return undefined
  let memo = MEMO.get(gaz)
  if (!memo) MEMO.set(gaz, (memo = new Map()))
  const key = `${country}|${frame.admin1?.name ?? ''}|${district}`
  if (memo.has(key)) return memo.get(key)
  if (memo.size > 5000) memo.clear()
  const found = lookDistrict(gaz, country, frame, district)
  memo.set(key, found)
  return found
}

function lookDistrict(gaz: Gazetteer, country: string, frame: Frame, district: string): Found {
  const core = districtCore(district)
  const places = gaz.places(country, frame.admin1?.name)
  let admin2: string | null = null
  let seat: Place | undefined
  for (const p of places) {
    if (p.admin2 && sameName(core, p.admin2)) { admin2 = p.admin2; break }
  }
  if (!admin2) {
    // districts are named after their seat: "Maarat al-Numaan district" is the district of Ma`arrat an Nu`man
    const town = places.filter((p) => p.admin2 && [p.name, ...p.altNames].some((n) => normalizePlaceName(n) === normalizePlaceName(core)))
      .sort((a, b) => b.population - a.population)[0]
    if (town) { admin2 = town.admin2; seat = town }
  }
  if (!admin2) return undefined
  const members = places.filter((p) => p.admin2 === admin2)
  seat ??= members.find((p) => [p.name, ...p.altNames].some((n) => sameName(n, core))) ??
    [...members].sort((a, b) => b.population - a.population)[0]
  return seat ? { admin2, seat } : undefined
}
