// @ts-check
// Events and fatalities per week, stacked by event type, as SVG. Dragging across it (a brush)
// picks a date range; a click picks one week. The chart always shows the whole period, the range
// chosen is drawn over it.
import { EVENT_TYPES, typeColor } from './colors.js'
import { svg, h, clear, fmt } from './dom.js'

/** @typedef {import('./api.js').StatsRow} StatsRow */

const DAY = 86_400_000
const M = { left: 44, right: 10, top: 8, bottom: 18, gap: 10 }
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 'YYYY-MM-DD' to days since 1970 (UTC). @param {string} d */
const dayOf = (d) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY)
/** days since 1970 to 'YYYY-MM-DD'. @param {number} n */
const dateOf = (n) => new Date(n * DAY).toISOString().slice(0, 10)

/**
 * Weeks (Monday days) from the first to the last period, gaps filled, with totals per type.
 * @param {StatsRow[]} series
 */
export function weeklyTable(series) {
  if (!series.length) return { weeks: /** @type {number[]} */ ([]), types: /** @type {string[]} */ ([]), events: new Map(), fatalities: new Map() }
  const days = series.map((r) => dayOf(r.period))
  const first = Math.min(...days), last = Math.max(...days)
  const weeks = []
  for (let d = first; d <= last; d += 7) weeks.push(d)
  const extra = [...new Set(series.map((r) => r.key))].filter((k) => !(/** @type {readonly string[]} */ (EVENT_TYPES)).includes(k))
  const types = [...EVENT_TYPES, ...extra]
  /** @type {Map<string, Float64Array>} */
  const events = new Map(types.map((t) => [t, new Float64Array(weeks.length)]))
  /** @type {Map<string, Float64Array>} */
  const fatalities = new Map(types.map((t) => [t, new Float64Array(weeks.length)]))
  series.forEach((r, i) => {
    const w = Math.round(((days[i] ?? first) - first) / 7)
    const e = /** @type {Float64Array} */ (events.get(r.key)), f = /** @type {Float64Array} */ (fatalities.get(r.key))
    e[w] = (e[w] ?? 0) + r.events
    f[w] = (f[w] ?? 0) + r.fatalities
  })
  return { weeks, types, events, fatalities }
}

/**
 * @param {HTMLElement} box  the chart's container (the svg and the hover note go inside)
 * @param {{ onBrush: (since: string, until: string) => void }} opts
 */
export function createTimeline(box, { onBrush }) {
  const note = h('div', { class: 'timeline-tip', role: 'status' })
  note.hidden = true
  /** @type {ReturnType<typeof weeklyTable>} */
  let table = weeklyTable([])
  let range = { since: '', until: '' }
  /** @type {SVGElement | null} */
  let brushRect = null
  let geom = { width: 0, height: 0, bw: 1 }

  const xOfDay = (/** @type {number} */ d) => M.left + ((d - (table.weeks[0] ?? 0)) / 7) * geom.bw
  const weekAt = (/** @type {number} */ x) => Math.max(0, Math.min(table.weeks.length - 1, Math.floor((x - M.left) / geom.bw)))

  function draw() {
    clear(box)
    const width = box.clientWidth, height = box.clientHeight
    const root = svg('svg', { width, height, class: 'timeline-svg', role: 'img', 'aria-label': 'Events and fatalities per week by event type' })
    box.append(root, note)
    const n = table.weeks.length
    const plotW = width - M.left - M.right
    // a box not laid out yet (or hidden) has no room for bars; the ResizeObserver draws again later
    if (plotW <= 0) return
    if (!n) { root.append(svg('text', { x: width / 2, y: height / 2, class: 'timeline-empty', 'text-anchor': 'middle' }, 'No events for these filters')); return }
    geom = { width, height, bw: plotW / n }
    const bandH = (height - M.top - M.bottom - M.gap) / 2
    const bands = [
      { label: 'events', data: table.events, top: M.top, h: bandH * 1.2 },
      { label: 'fatalities', data: table.fatalities, top: M.top + bandH * 1.2 + M.gap, h: bandH * 0.8 },
    ]
    for (const band of bands) {
      const totals = new Float64Array(n)
      for (const t of table.types) { const a = /** @type {Float64Array} */ (band.data.get(t)); for (let i = 0; i < n; i++) totals[i] += a[i] ?? 0 }
      const max = Math.max(1, ...totals)
      const base = band.top + band.h
      const acc = new Float64Array(n)
      const barW = Math.max(1, geom.bw - (geom.bw > 4 ? 1 : 0))
      for (const t of table.types) {
        const a = /** @type {Float64Array} */ (band.data.get(t))
        let d = ''
        for (let i = 0; i < n; i++) {
          const v = a[i] ?? 0
          if (!v) continue
          const y0 = base - (acc[i] / max) * band.h, hgt = (v / max) * band.h
          acc[i] += v
          d += `M${(M.left + i * geom.bw).toFixed(1)} ${(y0 - hgt).toFixed(1)}h${barW.toFixed(1)}v${hgt.toFixed(1)}h${(-barW).toFixed(1)}z`
        }
        if (d) root.append(svg('path', { d, fill: typeColor(t), class: 'bar', 'data-type': t, 'data-band': band.label }))
      }
      root.append(
        svg('line', { x1: M.left, x2: width - M.right, y1: base, y2: base, class: 'axis' }),
        svg('text', { x: M.left - 4, y: band.top + 8, class: 'tick', 'text-anchor': 'end' }, fmt(max)),
        svg('text', { x: M.left - 4, y: base, class: 'band-label', 'text-anchor': 'end' }, band.label === 'events' ? 'events' : 'dead'))
    }
    drawTicks(root, n, height)
    brushRect = svg('rect', { class: 'brush', y: M.top - 4, height: height - M.top - M.bottom + 8, x: 0, width: 0 })
    root.append(brushRect)
    const overlay = svg('rect', { class: 'brush-overlay', x: M.left, y: 0, width: plotW, height })
    root.append(overlay)
    wireBrush(overlay)
    showRange()
  }

  /** @param {SVGElement} root @param {number} n @param {number} height */
  function drawTicks(root, n, height) {
    let lastX = -Infinity
    for (let i = 0; i < n; i++) {
      const d = new Date((table.weeks[i] ?? 0) * DAY)
      const prev = i > 0 ? new Date((table.weeks[i - 1] ?? 0) * DAY) : null
      const yearly = n > 60
      const boundary = yearly ? !prev || prev.getUTCFullYear() !== d.getUTCFullYear() : !prev || prev.getUTCMonth() !== d.getUTCMonth()
      if (!boundary) continue
      const x = M.left + i * geom.bw
      root.append(svg('line', { x1: x, x2: x, y1: M.top, y2: height - M.bottom + 3, class: 'tick-line' }))
      if (x - lastX < (yearly ? 34 : 54)) continue
      lastX = x
      const label = yearly ? String(d.getUTCFullYear()) : `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
      root.append(svg('text', { x: x + 2, y: height - 4, class: 'tick' }, label))
    }
  }

  function showRange() {
    if (!brushRect || !table.weeks.length) return
    if (!range.since && !range.until) { brushRect.setAttribute('width', '0'); return }
    const lo = range.since ? xOfDay(dayOf(range.since)) : M.left
    const hi = range.until ? xOfDay(dayOf(range.until) + 1) : geom.width - M.right
    const x0 = Math.max(M.left, Math.min(lo, geom.width - M.right)), x1 = Math.max(M.left, Math.min(hi, geom.width - M.right))
    brushRect.setAttribute('x', String(x0))
    brushRect.setAttribute('width', String(Math.max(2, x1 - x0)))
  }

  /** @param {number} x @param {number} y */
  function hover(x, y) {
    const i = weekAt(x), day = table.weeks[i]
    if (day === undefined) return
    clear(note)
    let ev = 0, dead = 0
    const lines = []
    for (const t of table.types) {
      const e = table.events.get(t)?.[i] ?? 0, f = table.fatalities.get(t)?.[i] ?? 0
      ev += e; dead += f
      if (e) lines.push(h('div', {}, `${t}: ${fmt(e)} (${fmt(f)} dead)`))
    }
    note.append(h('strong', {}, `Week of ${dateOf(day)}: ${fmt(ev)} events, ${fmt(dead)} fatalities`), ...lines)
    note.hidden = false
    note.style.left = `${Math.min(x + 12, geom.width - 260)}px`
    note.style.top = `${Math.max(0, y - 40)}px`
  }

  /** @param {SVGElement} overlay */
  function wireBrush(overlay) {
    /** @type {number | null} */
    let start = null
    const localX = (/** @type {PointerEvent} */ e) => e.clientX - overlay.getBoundingClientRect().left + M.left
    overlay.addEventListener('pointerdown', (e) => {
      const pe = /** @type {PointerEvent} */ (e)
      start = localX(pe)
      overlay.setPointerCapture(pe.pointerId)
      note.hidden = true
    })
    overlay.addEventListener('pointermove', (e) => {
      const pe = /** @type {PointerEvent} */ (e)
      const x = localX(pe)
      if (start === null) { hover(x, pe.clientY - box.getBoundingClientRect().top); return }
      const lo = Math.max(M.left, Math.min(start, x)), hi = Math.min(geom.width - M.right, Math.max(start, x))
      brushRect?.setAttribute('x', String(lo))
      brushRect?.setAttribute('width', String(hi - lo))
    })
    overlay.addEventListener('pointerleave', () => { note.hidden = true })
    overlay.addEventListener('pointerup', (e) => {
      const pe = /** @type {PointerEvent} */ (e)
      if (start === null) return
      const x = localX(pe)
      const [a, b] = [weekAt(Math.min(start, x)), weekAt(Math.max(start, x))]
      start = null
      const since = dateOf(table.weeks[a] ?? 0), until = dateOf((table.weeks[b] ?? 0) + 6)
      range = { since, until }
      showRange()
      onBrush(since, until)
    })
  }

  new ResizeObserver(() => { if (box.clientWidth !== geom.width || box.clientHeight !== geom.height) draw() }).observe(box)

  return {
    /** New data and the chosen range. @param {StatsRow[]} series @param {{ since: string, until: string }} r */
    render(series, r) {
      table = weeklyTable(series)
      range = { ...r }
      draw()
    },
    /** Only the chosen range changed. @param {{ since: string, until: string }} r */
    setRange(r) {
      range = { ...r }
      showRange()
    },
  }
}
