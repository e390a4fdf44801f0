/** What `--published` says: a calendar date, or "mtime" (a local file's modification date). */
export type PublishedOption = string | 'mtime' | undefined

export const PUBLISHED_HELP = 'publication date YYYY-MM-DD, against which relative dates ("on Tuesday", "last week") resolve; "mtime" takes a local file\'s modification date'

/**
 * Checks `--published`: a real date as YYYY-MM-DD, or "mtime" where files are read.
 * @example publishedOption('2024-02-30') // throws: --published: expected a date as YYYY-MM-DD ... got "2024-02-30"
 */
export function publishedOption(value: string | undefined, opts: { mtime?: boolean } = {}): PublishedOption {
  if (value === undefined) return undefined
  if (value === 'mtime' && opts.mtime !== false) return 'mtime'
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new Error(`--published: expected a date as YYYY-MM-DD${opts.mtime !== false ? ' (or "mtime" for a local file\'s modification date)' : ''}, got "${value}"`)
  }
  return value
}
