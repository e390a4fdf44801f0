import type { PointColumns } from '../store/store.js'

/** Builds point columns from raw rows [event_id, latitude, longitude, event_type, fatalities, event_date]. */
export function pointColumns(rows: Iterable<unknown[]>): PointColumns {
  const types: string[] = []
  const typeIndex = new Map<string, number>()
  const out: PointColumns = { count: 0, types, event_id: [], latitude: [], longitude: [], type: [], fatalities: [], event_date: [] }
  for (const r of rows) {
    const eventType = r[3] as string
    let t = typeIndex.get(eventType)
    if (t === undefined) { t = types.length; types.push(eventType); typeIndex.set(eventType, t) }
    out.event_id.push(r[0] as string)
    out.latitude.push(Math.round((r[1] as number) * 1e5) / 1e5)
    out.longitude.push(Math.round((r[2] as number) * 1e5) / 1e5)
    out.type.push(t)
    out.fatalities.push(r[4] as number)
    out.event_date.push(r[5] as string)
    out.count++
  }
  return out
}
