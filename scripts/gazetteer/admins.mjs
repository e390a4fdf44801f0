// Filing merged places under admin1/admin2 names as DEV_CODING section 5 spells them:
// WOF names for IQ, SY, TR, IR, SA; GeoNames ASCII names elsewhere.
import { admin1Key } from '../../dist/geo/admin-names.js'
import { skeletonKey } from '../../dist/geo/normalize.js'
import { Grid } from './grid.mjs'

export const WOF_ADMIN_COUNTRIES = new Set(['IQ', 'SY', 'TR', 'IR', 'SA'])
const NEAREST_ADMIN1_KM = 50
const NEAREST_ADMIN2_KM = 25

/** Most frequent value of each counter: Map key → Map value → count ⇒ Map key → value */
function argmax(counters) {
  const out = new Map()
  for (const [k, counts] of counters) {
    let best = null
    let n = 0
    for (const [v, c] of counts) if (c > n) { best = v; n = c }
    if (best !== null) out.set(k, best)
  }
  return out
}

function count(counters, k, v) {
  let m = counters.get(k)
  if (!m) counters.set(k, (m = new Map()))
  m.set(v, (m.get(v) ?? 0) + 1)
}

/** The candidate whose admin1Key equals, then whose skeleton equals, the name's. */
export function similarName(name, candidates) {
  const k = admin1Key(name)
  const exact = candidates.find((c) => admin1Key(c) === k)
  if (exact) return exact
  const s = skeletonKey(k)
  return candidates.find((c) => skeletonKey(admin1Key(c)) === s) ?? null
}

/**
 * Sets place.admin1 / place.admin2 and returns the GeoNames-code → admin1-name table used.
 * gnAdmin1: Map "IQ.01" → {ascii}; gnAdmin2: Map "IQ.01.98678" → {ascii}
 */
export function assignAdmins(iso, places, gnAdmin1, gnAdmin2) {
  const gnName = (code) => (code ? gnAdmin1.get(`${iso}.${code}`)?.ascii ?? null : null)
  const gn2Name = (g) => (g?.admin2Code ? gnAdmin2.get(`${iso}.${g.admin1Code}.${g.admin2Code}`)?.ascii ?? null : null)
  const codeToName = WOF_ADMIN_COUNTRIES.has(iso)
    ? assignWofNamed(iso, places, gnAdmin1)
    : assignGeonamesNamed(iso, places, gnAdmin1, gnName)
  if (WOF_ADMIN_COUNTRIES.has(iso)) fillWofAdmin2(places)
  else fillGeonamesAdmin2(places, gn2Name)
  return codeToName
}

function assignWofNamed(iso, places, gnAdmin1) {
  const votes = new Map()
  for (const p of places) if (p.gn && p.wof?.admin1) count(votes, p.gn.admin1Code, p.wof.admin1)
  const codeToName = argmax(votes)
  const wofNames = [...new Set(places.map((p) => p.wof?.admin1).filter(Boolean))]
  for (const [code, a] of gnAdmin1) {
    const [cc, sub] = code.split('.')
    if (cc === iso && !codeToName.has(sub)) {
      const similar = similarName(a.ascii, wofNames)
      if (similar) codeToName.set(sub, similar)
    }
  }
  const grid = new Grid()
  for (const p of places) {
    p.admin1 = p.wof?.admin1 || codeToName.get(p.gn?.admin1Code) || null
    if (p.wof?.admin1) grid.add(p)
  }
  for (const p of places) {
    if (p.admin1) continue
    p.admin1 = grid.nearest(p.lat, p.lon, NEAREST_ADMIN1_KM)?.admin1 ?? null
  }
  return codeToName
}

const DOMINANT_SHARE = 0.8 // a WOF province that maps to one GeoNames admin1 this often is that admin1

function assignGeonamesNamed(iso, places, gnAdmin1, gnName) {
  const grid = new Grid()
  for (const p of places) if (p.gn && gnName(p.gn.admin1Code)) grid.add(p)
  const votes = new Map()
  for (const p of places) if (p.gn && p.wof?.admin1 && gnName(p.gn.admin1Code)) count(votes, p.wof.admin1, gnName(p.gn.admin1Code))
  const gnNames = [...gnAdmin1.entries()].filter(([c]) => c.startsWith(iso + '.')).map(([, a]) => a.ascii)
  for (const p of places) {
    if (p.gn && gnName(p.gn.admin1Code)) { p.admin1 = gnName(p.gn.admin1Code); continue }
    p.admin1 = admin1OfWofOnly(p, votes.get(p.wof?.admin1), grid, gnName, gnNames)
  }
  const codeToName = new Map()
  for (const [code, a] of gnAdmin1) if (code.startsWith(iso + '.')) codeToName.set(code.split('.')[1], a.ascii)
  return codeToName
}

/**
 * A WOF-only place: its WOF province's usual GeoNames admin1 when that mapping is one-to-one
 * (Nigeria's states); else the admin1 of the nearest GeoNames place among those the WOF province
 * splits into (DR Congo's pre-2015 "Orientale"); else a similar name.
 */
function admin1OfWofOnly(p, counts, grid, gnName, gnNames) {
  const wofName = p.wof?.admin1
  if (counts) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0)
    const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0]
    if (n >= DOMINANT_SHARE * total) return best
    const near = grid.nearest(p.lat, p.lon, NEAREST_ADMIN1_KM, (q) => counts.has(gnName(q.gn.admin1Code)))
    if (near) return gnName(near.gn.admin1Code)
    return best
  }
  const near = grid.nearest(p.lat, p.lon, NEAREST_ADMIN1_KM)
  if (near) return gnName(near.gn.admin1Code)
  return wofName ? similarName(wofName, gnNames) : null
}

function fillWofAdmin2(places) {
  const grid = new Grid()
  for (const p of places) {
    p.admin2 = p.wof?.admin2 || null
    if (p.admin2) grid.add(p)
  }
  for (const p of places) {
    if (p.admin2) continue
    p.admin2 = grid.nearest(p.lat, p.lon, NEAREST_ADMIN2_KM, (q) => q.admin1 === p.admin1)?.admin2 ?? null
  }
}

function fillGeonamesAdmin2(places, gn2Name) {
  const grid = new Grid()
  for (const p of places) {
    p.admin2 = gn2Name(p.gn)
    if (p.admin2) grid.add(p)
  }
  if (grid.cells.size === 0) return // the admin2 table covers only some countries: null elsewhere
  for (const p of places) {
    if (p.admin2 || p.gn) continue
    p.admin2 = grid.nearest(p.lat, p.lon, NEAREST_ADMIN2_KM, (q) => q.admin1 === p.admin1)?.admin2 ?? null
  }
}
