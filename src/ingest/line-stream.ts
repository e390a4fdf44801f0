import { formatBytes } from './format-bytes.js'

export type StreamLine = { line: number; text: string } | { line: number; error: string }

/**
 * The lines of a byte stream (a JSONL file, stdin), read as they arrive so a long batch is never
 * held whole in memory; a line longer than maxLineBytes, or not valid UTF-8, becomes an error line.
 * @example for await (const l of streamLines(createReadStream('batch.jsonl'), 1 << 20)) console.log(l.line)
 */
export async function* streamLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<StreamLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let pending: Buffer[] = []
  let pendingBytes = 0
  let overflow = false
  let line = 0
  const finish = function* (): Generator<StreamLine> {
    line++
    if (overflow) yield { line, error: `line longer than the cap of ${formatBytes(maxLineBytes)} (maxBytes)` }
    else {
      try {
        yield { line, text: decoder.decode(Buffer.concat(pending)) }
      } catch {
        yield { line, error: 'not valid UTF-8 (binary data?)' }
      }
    }
    pending = []
    pendingBytes = 0
    overflow = false
  }
  for await (const raw of stream) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10)) {
      take(chunk.subarray(0, nl))
      yield* finish()
      chunk = chunk.subarray(nl + 1)
    }
    take(chunk)
  }
  if (pendingBytes > 0 || overflow) yield* finish()

  function take(part: Buffer): void {
    if (overflow || part.length === 0) return
    pendingBytes += part.length
    if (pendingBytes > maxLineBytes) {
      overflow = true
      pending = []
    } else pending.push(part)
  }
}
