import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

type NormalRules = { letters: Record<string, string>; drop: string; conjunctions: string[]; prepositions: string[]; article: string; min_stem: number }

let rules: { letters: Map<string, string>; drop: RegExp; conj: string[]; prep: string[]; article: string; minStem: number } | undefined
function load() {
  if (!rules) {
    const file = fileURLToPath(new URL('../../data/lang/ar/normal.json', import.meta.url))
    const r = JSON.parse(readFileSync(file, 'utf8')) as NormalRules
    rules = { letters: new Map(Object.entries(r.letters)), drop: new RegExp(r.drop, 'gu'), conj: r.conjunctions, prep: r.prepositions, article: r.article, minStem: r.min_stem }
  }
  return rules
}

/**
 * The matching key of an Arabic word or phrase: one alef, ha for ta marbuta, ya for alef maqsura, no
 * diacritics or tatweel, Western digits. Its length may differ from the input's; spans never come from it.
 * @example arabicKey('أُعلِنَتْ') === 'اعلنت'
 */
export function arabicKey(s: string): string {
  const r = load()
  let out = ''
  for (const ch of s.replace(r.drop, '')) out += r.letters.get(ch) ?? ch
  return out
}

/**
 * The forms a normalised word answers to: itself, and itself without a leading conjunction, preposition
 * and article, in that order (و + ب + ال + أنبار). Every form keeps at least `min_stem` letters.
 * @example cliticForms('بالانبار') // ['بالانبار', 'الانبار', 'انبار']
 */
export function cliticForms(key: string): string[] {
  const r = load()
  const out = new Set<string>([key])
  const ok = (s: string) => s.length >= r.minStem
  const withConj = [key, ...r.conj.filter((c) => key.startsWith(c) && ok(key.slice(c.length))).map((c) => key.slice(c.length))]
  for (const a of withConj) {
    out.add(a)
    const withPrep = [a, ...r.prep.filter((p) => a.startsWith(p) && ok(a.slice(p.length))).map((p) => a.slice(p.length))]
    for (const b of withPrep) {
      out.add(b)
      // ل + ال is written لل: للقوات is "to the forces" (القوات, قوات)
      if (b !== a && a.startsWith('لل') && ok(a.slice(2))) { out.add(r.article + a.slice(2)); out.add(a.slice(2)) }
      if (b.startsWith(r.article) && ok(b.slice(r.article.length))) out.add(b.slice(r.article.length))
    }
  }
  return [...out]
}
