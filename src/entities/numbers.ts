import type { Word } from '../text/segment.js'
import type { Rules } from '../data/load.js'

export type NumberPhrase = { value: number; first: number; last: number; vague: boolean }

const YEAR = /^(19|20)\d\d$/

export type NumberReader = (words: Word[], i: number, end?: number) => NumberPhrase | null

/** Reads a count starting at words[i]: "at least 82", "eighty-two", "dozens of", "a group of". */
export const makeNumberReader = (numbers: Rules['numbers']): NumberReader => (words, i, end = words.length) => {
  const { units, scales, vague, hedgeWords } = numbers
  let j = i
  // hedges ("at least", "more than") are skipped: the codebook keeps the stated figure
  for (let guard = 0; guard < 3 && j < end; guard++) {
    const h = hedgeWords.find((hw) => hw.every((w, k) => words[j + k]?.lower === w))
    if (!h) break
    j += h.length
  }
  const w = words[j]
  if (!w || j >= end) return null
  if (/^\d[\d,]*(\.\d+)?$/.test(w.lower)) {
    if (YEAR.test(w.lower) && !/,/.test(w.text)) return null
    let value = Number(w.lower.replace(/,/g, ''))
    const scale = words[j + 1] && scales[words[j + 1]!.lower]
    if (scale && j + 1 < end) return { value: Math.round(value * scale), first: i, last: j + 1, vague: false }
    if (!Number.isFinite(value) || !Number.isInteger(value)) return null
    return { value, first: i, last: j, vague: false }
  }
  if (w.lower in vague) {
    // "a group of", "a number of", "dozens of" are vague; "group" alone is not a number
    const needsOf = w.lower === 'group' || w.lower === 'number' || w.lower === 'handful' || w.lower === 'few'
    if (needsOf && words[j + 1]?.lower !== 'of') return null
    return { value: vague[w.lower]!, first: i, last: j, vague: true }
  }
  if (!(w.lower in units)) return null
  if ((w.lower === 'a' || w.lower === 'an') && words[j + 1] && words[j + 1]!.lower in vague) {
    return { value: vague[words[j + 1]!.lower]!, first: i, last: j + 1, vague: true }
  }
  // "killing a 17-year-old boy" is one death
  if ((w.lower === 'a' || w.lower === 'an') && /^\d+$/.test(words[j + 1]?.lower ?? '') && words[j + 2]?.lower === 'year') {
    return { value: 1, first: i, last: Math.min(end - 1, j + 3), vague: false }
  }
  // "killing a policeman" is one death; "killing a very large number of" is no count at all
  if ((w.lower === 'a' || w.lower === 'an') && !numbers.onePerson.has((words[j + 1]?.lower ?? '').replace(/s$/, ''))) {
    const adj = words[j + 2]
    if (!adj || !numbers.onePerson.has(adj.lower)) return null
  }
  let value = units[w.lower]!
  let last = j
  for (let k = j + 1; k < end && k < j + 6; k++) {
    const x = words[k]!.lower
    if (x in scales) { value = Math.max(1, value) * scales[x]!; last = k; continue }
    if (x === 'and' && words[k + 1] && words[k + 1]!.lower in units && value >= 100) continue
    if (x in units && units[x]! < 10 && value >= 20 && value % 10 === 0) { value += units[x]!; last = k; continue }
    if (x in units && value >= 100 && units[x]! < 100) { value += units[x]!; last = k; continue }
    break
  }
  return { value, first: i, last, vague: false }
}
