/** A first line this short, before a blank line and not ending a sentence, is a headline. */
export const MAX_TITLE_LENGTH = 120

/**
 * Splits a plain-text or Markdown report into title and text. The first line is the title when it
 * is a Markdown `# heading`, or when it is short (<= 120 characters), does not end in . ! or ?, and a
 * blank line follows it; the title line is then left out of the text. Otherwise there is no title.
 * @example splitTitle('# Clashes in Ramadi\n\nTwo soldiers were killed.') // { title: 'Clashes in Ramadi', text: 'Two soldiers were killed.' }
 */
export function splitTitle(raw: string): { title?: string; text: string } {
  const text = raw.replace(/\r\n?/g, '\n').trim()
  const m = /^([^\n]*)\n([ \t]*\n)?/.exec(text)
  if (!m) return { text }
  const first = m[1]!.trim()
  const rest = text.slice(m[0].length).trim()
  const heading = /^#\s+(.+?)(?:\s+#+)?$/.exec(first)
  if (heading && rest) return { title: heading[1]!, text: rest }
  if (m[2] !== undefined && rest && first.length <= MAX_TITLE_LENGTH && !/[.!?]["'”’)]?$/.test(first)) return { title: first, text: rest }
  return { text }
}
