import { countryIso3 } from '../store/countries.js'
import { parseEventQuery } from '../store/query.js'
import type { EventQuery } from '../store/types.js'
import { ApiError } from './api-error.js'

const show = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 59) + '…' : s)

/**
 * The query string of one request, read parameter by parameter. Every problem is collected, so a
 * client learns all of them from one 400, as `param: reason` joined by '; ' (parseEventQuery's form):
 * `const p = new QueryParams(c.req.queries()); const by = p.choice('by', BY, 'event_type'); const q = p.filters(); p.done()`
 */
export class QueryParams {
  private readonly errors: string[] = []
  private readonly used = new Set<string>()

  constructor(private readonly raw: Record<string, string[]>) {}

  /** A parameter given at most once; undefined when absent. */
  one(name: string): string | undefined {
    this.used.add(name)
    const v = this.raw[name]
    if (v === undefined) return undefined
    if (v.length !== 1) { this.errors.push(`${name}: given ${v.length} times (give it once)`); return undefined }
    // as parseEventQuery: PostgreSQL cannot take U+0000 in text, and nothing stored contains it
    if (v[0]!.includes('\u0000')) { this.errors.push(`${name}: contains a NUL character (U+0000)`); return undefined }
    return v[0]
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.one(name)
    if (v === undefined) return fallback
    if ((allowed as readonly string[]).includes(v)) return v as T
    this.errors.push(`${name}: expected one of ${allowed.join(', ')}, got ${show(v)}`)
    return fallback
  }

  /** An integer within min..max; `given` tells whether the client set it. */
  int(name: string, min: number, max: number, fallback: number): { value: number; given: boolean } {
    const v = this.one(name)
    if (v === undefined) return { value: fallback, given: false }
    const n = /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN
    if (n >= min && n <= max) return { value: n, given: true }
    this.errors.push(`${name}: expected an integer from ${min} to ${max}, got ${show(v)}`)
    return { value: fallback, given: true }
  }

  /** Free text of minLength..maxLength characters after trimming. */
  text(name: string, minLength: number, maxLength: number): string | undefined {
    const v = this.one(name)?.trim()
    if (v === undefined) return undefined
    if (v.length >= minLength && v.length <= maxLength) return v
    this.errors.push(`${name}: expected ${minLength} to ${maxLength} characters, got ${v.length}`)
    return undefined
  }

  /** Marks parameters this route does not take, with the reason: `refuse({ cursor: 'not used by /api/stats' })`. */
  refuse(reasons: Record<string, string>): void {
    for (const [name, reason] of Object.entries(reasons)) {
      this.used.add(name)
      if (this.raw[name] !== undefined) this.errors.push(`${name}: ${reason}`)
    }
  }

  /** The event filters of `sitrep events` among the parameters not read yet (validated by parseEventQuery). */
  filters(): EventQuery {
    const parsed = parseEventQuery(this.raw, { ignore: [...this.used] })
    for (const name of Object.keys(this.raw)) this.used.add(name)
    if (!parsed.ok) { this.errors.push(parsed.error); return {} }
    // The store would throw on an unknown country in the middle of a query; say it here with the others.
    for (const c of parsed.query.country ?? []) {
      if (!countryIso3(c)) this.errors.push(`country: unknown country ${show(c)} (give a name, ISO2 or ISO3 code)`)
    }
    return parsed.query
  }

  /** Throws the 400 naming every problem, unknown parameters included. */
  done(): void {
    const unknown = Object.keys(this.raw).filter((k) => !this.used.has(k))
    for (const k of unknown) this.errors.push(`${k}: unknown parameter (allowed: ${[...this.used].join(', ') || 'none'})`)
    if (this.errors.length) throw new ApiError(400, this.errors.join('; '))
  }
}
