const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** "15m", "30s", "1h", "500ms" (a bare number is seconds) to milliseconds. */
export function parseDuration(s: string, flag: string): number {
  const m = DURATION.exec(s.trim())
  if (!m) throw new Error(`${flag} must be a duration like 30s, 15m or 1h, got "${s}"`)
  const ms = Number(m[1]) * UNIT_MS[m[2] ?? 's']!
  if (!(ms > 0)) throw new Error(`${flag} must be more than zero, got "${s}"`)
  return ms
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i
const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }

/** "10MB", "512kb", "1048576" to bytes. */
export function parseBytes(s: string, flag: string): number {
  const m = SIZE.exec(s.trim())
  if (!m) throw new Error(`${flag} must be a size like 10MB or 512KB, got "${s}"`)
  const n = Math.floor(Number(m[1]) * UNIT_BYTES[(m[2] ?? 'b').toLowerCase()]!)
  if (!(n > 0)) throw new Error(`${flag} must be more than zero, got "${s}"`)
  return n
}
