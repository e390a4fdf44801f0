import type { StoredEvent } from '../types.js'

/**
 * One event as a JSON line, every stored field kept (sources, merge rules, corrections), so an export
 * can be re-imported without loss. JSON.stringify escapes line breaks inside strings, so a note
 * quoting a report never splits the line: `jsonlLine(e).endsWith('}\n')`.
 */
export function jsonlLine(e: StoredEvent): string {
  return JSON.stringify(e) + '\n'
}

/**
 * A streaming JSONL writer (the shape of geojsonWriter); an empty export is an empty file.
 * `const w = jsonlWriter((s) => out.write(s)); for (const e of events) w.add(e); w.end()`
 */
export function jsonlWriter(write: (s: string) => void): { add(e: StoredEvent): void; end(): void } {
  let ended = false
  return {
    add(e) {
      if (ended) throw new Error('jsonlWriter: used after end()')
      write(jsonlLine(e))
    },
    end() {
      if (ended) throw new Error('jsonlWriter: used after end()')
      ended = true
    },
  }
}
