/** Plain spherical geometry on WGS84 coordinates; the Earth as a sphere is precise enough here. */

const EARTH_RADIUS_KM = 6371.0088
const RAD = Math.PI / 180

/** haversineKm(33.42, 43.31, 33.04, 40.28) ≈ 284 (Ramadi to Rutba) */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD
  const dLon = (lon2 - lon1) * RAD
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

/**
 * The point `km` away from (lat, lon) along the bearing (degrees clockwise from north).
 * offsetPoint(33.04, 40.28, 30, 180) → about 32.77, 40.28 ("30 km south of Rutba")
 */
export function offsetPoint(lat: number, lon: number, km: number, bearingDeg: number): { lat: number; lon: number } {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !Number.isFinite(km) || !Number.isFinite(bearingDeg)) {
    throw new TypeError('offsetPoint: lat, lon, km and bearingDeg must be finite numbers')
  }
  const d = km / EARTH_RADIUS_KM
  const b = bearingDeg * RAD
  const p1 = lat * RAD
  const l1 = lon * RAD
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b))
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2))
  const lonDeg = ((l2 / RAD + 540) % 360) - 180
  return { lat: round5(p2 / RAD), lon: round5(lonDeg) }
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5
}
