/** A first line this short, before a blank line and not ending a sentence, is a headline. */
export const MAX_TITLE_LENGTH = 120

/**
 * The title of a plain-text or Markdown report: its first line when that is a Markdown `# heading`,
 * or when it is short (<= 120 characters), does not end in . ! or ?, and a blank line follows it.
 * The text itself is never changed: the title line stays in it and is coded with the rest, so a text
 * gives the same events whichever command reads it (`code`, `code --jsonl`, `ingest`, the API).
 * @example titleOf('# Clashes in Ramadi\n\nTwo soldiers were killed.') // 'Clashes in Ramadi'
 */
export function titleOf(raw: string): string | undefined {
  const text = raw.replace(/\r\n?/g, '\n').trim()
  const m = /^([^\n]*)\n([ \t]*\n)?/.exec(text)
  if (!m) return undefined
  const first = m[1]!.trim()
  const rest = text.slice(m[0].length).trim()
  if (!rest) return undefined
  const heading = /^#\s+(.+?)(?:\s+#+)?$/.exec(first)
  if (heading) return heading[1]!
  if (m[2] !== undefined && first.length <= MAX_TITLE_LENGTH && !/[.!?]["'”’)]?$/.test(first)) return first
  return undefined
}
