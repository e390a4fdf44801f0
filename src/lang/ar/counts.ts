import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Count } from '../../entities/casualties.js'
import type { Sentence, Word } from '../../text/segment.js'
import { makePhraseMatcher } from '../../entities/phrase-matcher.js'
import { arabicKey } from '../arabic-normal.js'

type NumbersPack = {
  units: Record<string, number>; teens: Record<string, number>; tens: Record<string, number>; hundreds: Record<string, number>
  vague: Record<string, number>; hedges: string[]; dual: { nouns: string[] }; persons: { words: string; singular: string }
  dead: { before: string; after: string }; wounded: string; arrested: { before: string; after: string }
}
type NumberRead = { value: number; first: number; last: number; vague: boolean }

const keys = (w: Word) => (w.forms ? [w.lower, ...w.forms] : [w.lower])
const normMap = (m: Record<string, number>) => new Map(Object.entries(m).map(([k, v]) => [arabicKey(k), v]))

/** Counts of the dead and the arrested in Arabic sentences (data/lang/ar/numbers.json). */
export function makeArabicCountFinder(dataDir: string) {
  const p = JSON.parse(readFileSync(join(dataDir, 'lang', 'ar', 'numbers.json'), 'utf8')) as NumbersPack
  const units = normMap(p.units), tens = normMap(p.tens), hundreds = normMap(p.hundreds), vague = normMap(p.vague)
  const teens = new Map([...normMap(p.teens)].map(([k, v]) => [k, v]))
  const dual = new Set(p.dual.nouns.map(arabicKey).filter((n) => !n.includes(' ')))
  const matcher = (pattern: string) => makePhraseMatcher(arabicKey(pattern).split('|').map((x) => ({ pattern: x, value: true })))
  const hedge = makePhraseMatcher(p.hedges.map((h) => ({ pattern: arabicKey(h), value: true })))
  const deadBefore = matcher(p.dead.before), deadAfter = matcher(p.dead.after), wounded = matcher(p.wounded)
  const arrestBefore = matcher(p.arrested.before), person = matcher(p.persons.words)
  const singular = new Set(arabicKey(p.persons.singular).split('|'))
  const at = (m: ReturnType<typeof makePhraseMatcher<boolean>>, ws: Word[], i: number) => m(ws, i, Math.min(ws.length, i + 4)).some((x) => x.first === i)

  function readNumber(ws: Word[], i: number): NumberRead | null {
    const w = ws[i]
    if (!w) return null
    const k = keys(w)
    const digits = k.find((x) => /^\d+(?:[.,]\d+)?$/.test(x))
    if (digits) return { value: Number(digits.replace(/,/g, '')), first: i, last: i, vague: false }
    const two = ws[i + 1] ? `${w.lower} ${ws[i + 1]!.lower}` : ''
    if (teens.has(two)) return { value: teens.get(two)!, first: i, last: i + 1, vague: false }
    // "عجوز الثمانين", "اليوم الثالث": a number word with the article is an age or an ordinal, not a count
    // (the vague counts with the article, العشرات and المئات, are listed as written)
    const definite = /^[وفب]?ال/.test(w.lower)
    for (const x of k) {
      if (vague.has(x)) return { value: vague.get(x)!, first: i, last: i, vague: true }
      if (definite) continue
      if (units.has(x)) {
        // "خمسة وعشرين": units and tens joined by و
        const next = ws[i + 1]
        const t = next?.forms?.find((f) => tens.has(f))
        if (next && next.lower.startsWith('و') && t) return { value: units.get(x)! + tens.get(t)!, first: i, last: i + 1, vague: false }
        return { value: units.get(x)!, first: i, last: i, vague: false }
      }
      if (tens.has(x)) return { value: tens.get(x)!, first: i, last: i, vague: false }
      if (hundreds.has(x)) return { value: hundreds.get(x)!, first: i, last: i, vague: false }
    }
    return null
  }

  return function findCounts(s: Sentence): Count[] {
    const ws = s.words
    const out: Count[] = []
    const push = (n: NumberRead, what: Count['what'], rule: string, atWord: number, head?: Word) => {
      out.push({ start: ws[n.first]!.start, end: ws[n.last]!.end, sentence: s.index, value: n.value, what, rule, at: atWord, vague: n.vague, ...(head ? { head: { start: head.start, end: head.end } } : {}) })
    }
    const taken = new Set<number>()
    for (let i = 0; i < ws.length; i++) {
      const dead = at(deadBefore, ws, i), arrest = !dead && at(arrestBefore, ws, i)
      if (!dead && !arrest) continue
      const what: Count['what'] = dead ? 'deaths' : 'arrests'
      // the count is within a few words: "مقتل ثلاثة جنود", "مقتل ما لا يقل عن عشرة", "اعتقلت القوات أربعة"
      for (let k = i + 1; k < Math.min(ws.length, i + 7); k++) {
        if (at(wounded, ws, k) || (k > i + 1 && (at(deadBefore, ws, k) || at(arrestBefore, ws, k)))) break
        const h = hedge(ws, k, Math.min(ws.length, k + 4)).find((m) => m.first === k)
        if (h) { k = h.last; continue }
        const n = readNumber(ws, k)
        if (n && !taken.has(n.first)) {
          const head = ws[n.last + 1] && at(person, ws, n.last + 1) ? ws[n.last + 1] : undefined
          push(n, what, dead ? 'kill-verb+count' : 'arrest-verb+count', i, head)
          taken.add(n.first)
          break
        }
        // "مقتل جنديين": a counted noun in the dual is two; "مقتل انتحاريين اثنين": the number after its noun
        const w = ws[k]!
        if (keys(w).some((x) => dual.has(x))) { push({ value: 2, first: k, last: k, vague: false }, what, 'dual', i); taken.add(k); break }
        if (at(person, ws, k)) {
          const after = readNumber(ws, k + 1)
          if (after && !taken.has(after.first)) { push(after, what, dead ? 'kill-verb+count' : 'arrest-verb+count', i, w); taken.add(after.first); break }
          // "مقتل جندي": one, when the noun is singular and nothing counts it
          if (k === i + 1 && singular.has(keys(w).find((x) => !x.startsWith('ال')) ?? w.lower)) {
            push({ value: 1, first: k, last: k, vague: false }, what, 'singular', i)
            break
          }
          continue
        }
        if (k > i + 3) break
      }
    }
    // "ثلاثة قتلى", "12 شهيدا": a number followed by a word of the dead
    for (let k = 0; k < ws.length - 1; k++) {
      if (taken.has(k)) continue
      const n = readNumber(ws, k)
      if (!n) continue
      const next = n.last + 1
      if (ws[next] && at(deadAfter, ws, next)) { push(n, 'deaths', 'count+death-word', next, ws[next]); taken.add(k) }
      k = n.last
    }
    return out
  }
}
