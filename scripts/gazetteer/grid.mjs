// A coarse spatial grid for "nearest place" questions during the build.
import { haversineKm } from '../../dist/geo/geo-math.js'

const CELL_DEG = 0.25

function cellOf(lat, lon) {
  return `${Math.floor(lat / CELL_DEG)}:${Math.floor(lon / CELL_DEG)}`
}

export class Grid {
  cells = new Map()

  add(item) {
    const k = cellOf(item.lat, item.lon)
    let list = this.cells.get(k)
    if (!list) this.cells.set(k, (list = []))
    list.push(item)
  }

  /** Items within maxKm of the point that pass the filter, nearest first. */
  near(lat, lon, maxKm, filter = () => true) {
    const ring = Math.ceil(maxKm / (CELL_DEG * 111 * Math.max(0.2, Math.cos((lat * Math.PI) / 180)))) + 1
    const ci = Math.floor(lat / CELL_DEG)
    const cj = Math.floor(lon / CELL_DEG)
    const found = []
    for (let i = ci - ring; i <= ci + ring; i++) {
      for (let j = cj - ring; j <= cj + ring; j++) {
        for (const item of this.cells.get(`${i}:${j}`) ?? []) {
          if (!filter(item)) continue
          const d = haversineKm(lat, lon, item.lat, item.lon)
          if (d <= maxKm) found.push({ item, d })
        }
      }
    }
    return found.sort((a, b) => a.d - b.d)
  }

  nearest(lat, lon, maxKm, filter) {
    return this.near(lat, lon, maxKm, filter)[0]?.item
  }
}
