// One country's entry in data/gazetteer/index.json: names, admin1 list with aliases and capitals.
import { admin1Key, admin1Variants } from '../../dist/geo/admin-names.js'
import { roundCoord } from '../../dist/geo/place-row.js'
import { WOF_ADMIN_COUNTRIES } from './admins.mjs'

const MIN_PLACES_FOR_UNMAPPED_ADMIN1 = 50 // WOF strays such as "Akkar" filed under Syria

function capitalRef(p) {
  return p ? { id: p.id, name: p.name, lat: roundCoord(p.lat), lon: roundCoord(p.lon) } : null
}

/** The admin1 capital: GeoNames PPLA, else PPLC, else the most populous locality, else the region point. */
function pickCapital(placesIn) {
  const byPop = (a, b) => b.population - a.population
  const ppla = placesIn.filter((p) => p.gn?.featureCode === 'PPLA').sort(byPop)[0]
  const pplc = placesIn.filter((p) => p.gn?.featureCode === 'PPLC').sort(byPop)[0]
  const town = placesIn.filter((p) => p.kind === 'locality').sort(byPop)[0]
  const region = placesIn.find((p) => p.kind === 'region')
  return ppla ?? pplc ?? town ?? region ?? null
}

/** Aliases that add something: a key not already answered by the name or an earlier alias. */
function usefulAliases(name, candidates) {
  const seen = new Set([admin1Key(name)])
  const out = []
  for (const a of candidates) {
    const k = admin1Key(a)
    if (!k || seen.has(k)) continue
    seen.add(k)
    out.push(a)
  }
  return out
}

export function countryEntry({ iso, info, names, places, codeToName, gnAdmin1, handAliases, hasWof }) {
  const byAdmin1 = new Map()
  for (const p of places) {
    if (!p.admin1) continue
    let list = byAdmin1.get(p.admin1)
    if (!list) byAdmin1.set(p.admin1, (list = []))
    list.push(p)
  }
  const nameToCodes = new Map()
  for (const [code, name] of codeToName) nameToCodes.set(name, [...(nameToCodes.get(name) ?? []), code])
  const admin1Names = WOF_ADMIN_COUNTRIES.has(iso)
    ? [...byAdmin1.keys()].filter((n) => nameToCodes.has(n) || byAdmin1.get(n).length >= MIN_PLACES_FOR_UNMAPPED_ADMIN1)
    : [...new Set([...codeToName.values(), ...byAdmin1.keys()])]
  const wofVariants = wofNamesPerAdmin1(places)
  const admin1 = admin1Names.sort().map((name) => {
    const codes = nameToCodes.get(name) ?? []
    const gnNames = codes.flatMap((c) => { const a = gnAdmin1.get(`${iso}.${c}`); return a ? [a.ascii, a.name] : [] })
    const hand = handAliases?.[name]?.aliases ?? []
    const variants = [...hand, ...gnNames, ...(wofVariants.get(name) ?? []), ...admin1Variants(name)]
    const inside = byAdmin1.get(name) ?? []
    return {
      name,
      code: codes[0] ?? null,
      aliases: usefulAliases(name, variants.filter((v) => v !== name)),
      capital: capitalRef(pickCapital(inside)),
      count: inside.length,
    }
  })
  const capital = places.find((p) => p.gn?.featureCode === 'PPLC') ?? places.find((p) => p.gn && p.name === info.capital)
  return {
    iso2: iso,
    iso3: info.iso3,
    name: names?.acled ?? info.name,
    aliases: [...new Set([info.name, ...(names?.aliases ?? [])])].filter((a) => a !== (names?.acled ?? info.name)),
    capital: capitalRef(capital),
    admin1,
    count: places.length,
    wof: hasWof,
  }
}

/** WOF admin1 spellings of places filed under a GeoNames admin1 ("Borno" under "Borno State"). */
function wofNamesPerAdmin1(places) {
  const out = new Map()
  for (const p of places) {
    const w = p.wof?.admin1
    if (!w || !p.admin1 || w === p.admin1) continue
    let set = out.get(p.admin1)
    if (!set) out.set(p.admin1, (set = new Map()))
    set.set(w, (set.get(w) ?? 0) + 1)
  }
  // Keep a WOF spelling only when it is the usual one for that admin1, not a border stray.
  const result = new Map()
  const claims = new Map()
  for (const [a, counts] of out) {
    const total = [...counts.values()].reduce((x, y) => x + y, 0)
    const usual = [...counts].filter(([, c]) => c >= 0.3 * total).map(([w]) => w)
    result.set(a, usual)
    for (const w of usual) claims.set(w, (claims.get(w) ?? 0) + 1)
  }
  // A former province split in several ("Orientale") names none of them.
  for (const [a, list] of result) result.set(a, list.filter((w) => claims.get(w) === 1))
  return result
}
