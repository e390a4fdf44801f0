// @ts-check
import { EVENT_TYPES, typeColor } from './colors.js'

// A cluster: a white disc ringed by its event types (arc lengths by count, in the legend's order)
// with the number of events inside, drawn on the events canvas. Leaflet's canvas renderer draws
// circles only, so this draws right after it has drawn the disc (Leaflet 1.9 internals).
/** @type {new (latlng: import('leaflet').LatLngExpression, options: import('leaflet').CircleMarkerOptions & { label: string, parts: number[] }) => import('leaflet').CircleMarker} */
export const CountCircle = /** @type {any} */ (L.CircleMarker).extend({
  _updatePath() {
    /** @type {any} */ (L.CircleMarker.prototype)._updatePath.call(this)
    const r = /** @type {any} */ (this)._renderer
    if (!r || !r._drawing || !r._ctx || /** @type {any} */ (this)._empty()) return
    const ctx = /** @type {CanvasRenderingContext2D} */ (r._ctx)
    const p = /** @type {any} */ (this)._point
    const { parts, radius } = /** @type {any} */ (this).options
    const total = parts.reduce((/** @type {number} */ a, /** @type {number} */ b) => a + b, 0)
    const width = Math.max(4, radius * 0.35)
    let a0 = -Math.PI / 2
    ctx.save()
    ctx.lineWidth = width
    ctx.lineCap = 'butt'
    parts.forEach((/** @type {number} */ n, /** @type {number} */ i) => {
      if (!n) return
      const a1 = a0 + (n / total) * 2 * Math.PI
      ctx.beginPath()
      ctx.strokeStyle = typeColor(EVENT_TYPES[i] ?? '')
      ctx.arc(p.x, p.y, radius - width / 2, a0, a1)
      ctx.stroke()
      a0 = a1
    })
    ctx.fillStyle = '#111'
    ctx.font = '600 11px system-ui, sans-serif'
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.fillText(/** @type {any} */ (this).options.label, p.x, p.y)
    ctx.restore()
  },
})
