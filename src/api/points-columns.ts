import type { EventPoint } from '../store/store.js'

/**
 * Map points as columns: `{ count, types, event_id[], latitude[], longitude[], type[], fatalities[],
 * event_date[] }`, `type` indexing `types`. For 100,000 events this is a third of the bytes of one
 * object a point, and the dashboard's time to first render is mostly this download and its parse.
 */
export function pointColumns(points: EventPoint[]) {
  const types: string[] = []
  const typeIndex = new Map<string, number>()
  const out = { count: points.length, types, event_id: [] as string[], latitude: [] as number[], longitude: [] as number[], type: [] as number[], fatalities: [] as number[], event_date: [] as string[] }
  for (const p of points) {
    let t = typeIndex.get(p.event_type)
    if (t === undefined) { t = types.length; types.push(p.event_type); typeIndex.set(p.event_type, t) }
    out.event_id.push(p.event_id)
    out.latitude.push(Math.round(p.latitude * 1e5) / 1e5)
    out.longitude.push(Math.round(p.longitude * 1e5) / 1e5)
    out.type.push(t)
    out.fatalities.push(p.fatalities)
    out.event_date.push(p.event_date)
  }
  return out
}
