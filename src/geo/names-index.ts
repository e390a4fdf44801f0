import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

const NEWLINE = 10
const TAB = 9

/**
 * The world's place-name keys and the countries that hold them (names.tsv.gz: "key\tIQ,SY",
 * sorted by UTF-8 bytes). Kept as one byte buffer searched by bisection: about 12 MB outside
 * the JS heap instead of a million-entry Map.
 */
export class NamesIndex {
  private readonly buf: Buffer
  private readonly starts: Uint32Array

  constructor(buf: Buffer) {
    this.buf = buf
    let n = 0
    for (let i = buf.indexOf(NEWLINE); i !== -1; i = buf.indexOf(NEWLINE, i + 1)) n++
    if (buf.length > 0 && buf[buf.length - 1] !== NEWLINE) n++
    const starts = new Uint32Array(n)
    let line = 0
    let pos = 0
    while (pos < buf.length && line < n) {
      starts[line++] = pos
      const nl = buf.indexOf(NEWLINE, pos)
      pos = nl === -1 ? buf.length : nl + 1
    }
    this.starts = starts
  }

  get size(): number {
    return this.starts.length
  }

  /** countriesOf("ramadi") → ["IQ", "YE", "SY"], most populous holder first */
  countriesOf(key: string): string[] {
    if (key.length === 0) return []
    const q = Buffer.from(key, 'utf8')
    let lo = 0
    let hi = this.starts.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const start = this.starts[mid] as number
      const tab = this.buf.indexOf(TAB, start)
      const cmp = this.buf.compare(q, 0, q.length, start, tab)
      if (cmp === 0) return this.valueAt(tab + 1)
      // buf.compare(q, ...) compares q against the line: > 0 means q sorts before it.
      if (cmp > 0) hi = mid - 1
      else lo = mid + 1
    }
    return []
  }

  private valueAt(pos: number): string[] {
    const nl = this.buf.indexOf(NEWLINE, pos)
    return this.buf.toString('utf8', pos, nl === -1 ? this.buf.length : nl).split(',')
  }

  static load(file: string): NamesIndex | undefined {
    if (!existsSync(file)) return undefined
    return new NamesIndex(gunzipSync(readFileSync(file)))
  }
}
