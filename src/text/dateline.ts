import type { Span } from '../types.js'

// "BAGHDAD —", "BAGHDAD/BEIRUT —", "KIRKUK, Iraq (Reuters) -", "LAGOS, Nigeria (Wire) —": capitals, an optional
// comma part, an optional agency in brackets, then a dash
const DATELINE = /^\s*\p{Lu}[\p{Lu} .'’-]*(?:\s*\/\s*\p{Lu}[\p{Lu} .'’-]*)*(?:,[^—–\n.(]{1,40}?)?\s*(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s/u

/** The dispatch line that opens the article at `from` (after any furniture), if there is one. */
export function findDateline(text: string, from = 0): Span | undefined {
  const m = DATELINE.exec(text.slice(from, from + 120))
  return m ? { start: from, end: from + m[0].length } : undefined
}
