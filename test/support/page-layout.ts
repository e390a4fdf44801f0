import type { Page } from 'playwright-core'

// Geometry of the dashboard as the browser laid it out, for the tests of its layout at several
// window widths. Measured inside the page, so every number comes from one layout pass.

export type Box = { x: number; y: number; width: number; height: number }
export type Layout = {
  innerWidth: number
  innerHeight: number
  /** the document's width, scroll bar excluded */
  clientWidth: number
  /** document.scrollingElement.scrollWidth: more than innerWidth when the page scrolls sideways */
  scrollWidth: number
  map: Box
  timeline: Box
  timelineChart: Box
  table: Box
  /** visible headings outside the map (its legend heading sits on the map on purpose) */
  headings: { text: string; box: Box }[]
  /** the table's header cells when its header row is shown (a narrow window shows events as cards) */
  headerCells: { text: string; box: Box }[]
  /** the right edge of the table panel's content box: left of its scroll bar, if it has one */
  tablePanelRight: number
  tablePanel: { scrollWidth: number; clientWidth: number }
  /** visible elements reaching past the document's right edge (Leaflet's panes aside: the map clips them) */
  pastRightEdge: string[]
}

export const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

export function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (el: Element) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height } }
    const shown = (el: Element) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' }
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`
    const one = (sel: string) => { const el = document.querySelector(sel); if (!el) throw new Error(`no ${sel}`); return el }
    const map = one('#map'), table = one('#events-table') as HTMLTableElement, panel = one('.table-wrap') as HTMLElement
    const clientWidth = document.documentElement.clientWidth
    const head = table.tHead
    return {
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      clientWidth,
      scrollWidth: document.scrollingElement!.scrollWidth,
      map: box(map),
      timeline: box(one('.timeline')),
      timelineChart: box(one('#timeline-chart')),
      table: box(table),
      headings: [...document.querySelectorAll('h1, h2, h3')].filter((el) => shown(el) && !el.closest('#map')).map((el) => ({ text: el.textContent!.trim(), box: box(el) })),
      headerCells: head && shown(head) ? [...head.querySelectorAll('th')].map((el) => ({ text: el.textContent!.trim(), box: box(el) })) : [],
      tablePanelRight: panel.getBoundingClientRect().left + panel.clientLeft + panel.clientWidth,
      tablePanel: { scrollWidth: panel.scrollWidth, clientWidth: panel.clientWidth },
      pastRightEdge: [...document.body.querySelectorAll('*')]
        .filter((el) => !el.closest('.leaflet-container') && shown(el) && el.getBoundingClientRect().right > clientWidth + 0.5)
        .map((el) => `${name(el)} ends at ${Math.round(el.getBoundingClientRect().right)}`),
    }
  })
}

/** The map's view as web/map.js writes it on the map element after each move. */
export async function mapView(page: Page): Promise<{ lat: number; lon: number; zoom: number; bounds: [number, number, number, number] }> {
  const d = await page.locator('#map').evaluate((el) => ({ ...(el as HTMLElement).dataset }))
  if (!d.center || !d.zoom || !d.bounds) throw new Error('the map element has no data-center, data-zoom and data-bounds (web/map.js writes them after each move)')
  const [lat, lon] = d.center.split(',').map(Number)
  return { lat: lat!, lon: lon!, zoom: Number(d.zoom), bounds: d.bounds.split(',').map(Number) as [number, number, number, number] }
}

/** Degrees between two longitudes the short way round: the map may show a world copy. */
export const lonGap = (a: number, b: number) => { const d = Math.abs(a - b) % 360; return d > 180 ? 360 - d : d }

/** Whether a point lies inside west,south,east,north bounds (of any world copy the map shows). */
export function inBounds([w, s, e, n]: [number, number, number, number], lat: number, lon: number) {
  if (lat < s || lat > n) return false
  for (const shift of [-360, 0, 360]) if (lon + shift >= w && lon + shift <= e) return true
  return false
}
