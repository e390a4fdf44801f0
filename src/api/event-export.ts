import { acledCsvWriter } from '../store/export/acled-csv.js'
import { geojsonWriter } from '../store/export/geojson.js'
import type { StoredEvent } from '../store/types.js'

export type ExportFormat = 'csv' | 'geojson'

const WRITERS = { csv: acledCsvWriter, geojson: geojsonWriter }
export const EXPORT_HEADERS: Record<ExportFormat, Record<string, string>> = {
  csv: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename=sitrep-events.csv' },
  // RFC 7946 §12 registers application/geo+json.
  geojson: { 'Content-Type': 'application/geo+json; charset=utf-8', 'Content-Disposition': 'attachment; filename=sitrep-events.geojson' },
}
// Events per chunk: large enough that a million-event export is not a million tiny writes.
const CHUNK_EVENTS = 200

/**
 * A body that writes events as they are read, so an export of the whole store holds one chunk in
 * memory, and stops reading the store when the client goes away (`cancel`). The first event is read
 * before the response starts, so a failing query still gets an error status instead of a cut file.
 * `new Response(await exportBody(store.streamEvents(q), 'csv', log))`
 */
export async function exportBody(events: AsyncIterable<StoredEvent>, format: ExportFormat, log: (m: string) => void): Promise<ReadableStream<Uint8Array>> {
  const it = events[Symbol.asyncIterator]()
  let first: IteratorResult<StoredEvent> | null = await it.next()
  const encoder = new TextEncoder()
  let chunk = ''
  const writer = WRITERS[format]((s) => { chunk += s })
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (let n = 0; n < CHUNK_EVENTS; n++) {
          const r = first ?? await it.next()
          first = null
          if (r.done) { writer.end(); controller.enqueue(encoder.encode(chunk)); controller.close(); return }
          writer.add(r.value)
        }
        controller.enqueue(encoder.encode(chunk))
        chunk = ''
      } catch (e) {
        // Headers are gone already: all that is left is to cut the body, so the client sees an error, not a short file.
        log(`sitrep api: export failed midway: ${(e as Error).stack ?? String(e)}`)
        controller.error(e)
      }
    },
    async cancel() {
      await it.return?.()
    },
  }, { highWaterMark: 1 })
}

/** A page of events (already read) as a complete document. */
export function exportPage(events: StoredEvent[], format: ExportFormat): string {
  let out = ''
  const w = WRITERS[format]((s) => { out += s })
  for (const e of events) w.add(e)
  w.end()
  return out
}
