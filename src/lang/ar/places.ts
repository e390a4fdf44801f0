import { readFileSync } from 'node:fs'
import { arabicKeyPart } from '../../geo/normalize.js'
import { join } from 'node:path'
import type { Feature, PlaceMention } from '../../entities/places.js'
import type { Sentence, Word } from '../../text/segment.js'
import { arabicKey } from '../arabic-normal.js'

type PlacesPack = {
  cues: Record<'in' | 'near' | 'direction' | 'from', string>
  features: Record<'settlement' | 'district' | 'province' | 'area' | 'facility', string>
  never_names: { words: string; may_begin_a_name: string }
  needs_cue: { words: string }
  not_after: { words: string }
  clitics_not_before_names: { words: string }
  list_joints: ListJoints
}
type ListJoints = { and: string; commas: string }

/**
 * The text between two names of a list (data/lang/ar/places.json list_joints): "and" closes it (" و", "، و": the
 * conjunction is a clitic of the next name), a comma parts the others.
 */
export function listGaps(j: ListJoints): { and: RegExp; comma: RegExp } {
  return { and: new RegExp(`^\\s*[${j.commas}]?\\s*${j.and}$`), comma: new RegExp(`^\\s*[${j.commas}]\\s*$`) }
}
export const readArabicPlaces = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'lang', 'ar', 'places.json'), 'utf8')) as PlacesPack
type DatesPack = { weekdays: Record<string, number>; months: Record<string, number>; hijri_months: Record<string, number>; relative: Record<string, string> }
type NumbersPack = { units: Record<string, number>; teens: Record<string, number>; tens: Record<string, number>; hundreds: Record<string, number>; vague: Record<string, number> }
export type Known = (name: string) => 'well' | 'known' | null
/** What the place finder asks the gazetteer, for the report's candidate countries. */
export type PlaceLookups = {
  /** how well a name is known: a city or province, some village, or nothing */
  known: Known
  /** a name alone that is a province, not a city of the same name */
  isProvince: (name: string) => boolean
  /** a province of that name (by its consonants too), after a province noun */
  provinceNamed: (name: string) => boolean
  /** false when no place anywhere has this key: a quick "no" before asking by name */
  mayKey: (key: string) => boolean
}

const MAX_WORDS = 3
const FEATURE_IN_ENGLISH: Record<Feature, string | null> = { settlement: 'town', admin2: 'district', admin1: 'province', area: 'area', facility: null }
const LETTER = /\p{L}/u
const ARABIC_LETTER = /[\u0620-\u064A]/

/** The word with the article if it has none, without it if it has: never-alone words count both ways. */
const otherArticle = (w: string) => (w.startsWith('ال') ? w.slice(2) : `ال${w}`)

/** The offset, in the surface text, where a word's form begins once its clitics are left out. */
function surfaceStart(w: Word, form: string): number {
  const drop = w.lower.length - form.length
  if (drop <= 0) return w.start
  let letters = 0
  for (let k = 0; k < w.text.length; k++) {
    if (LETTER.test(w.text[k]!)) letters++
    if (letters === drop) return w.start + k + 1
  }
  return w.start
}

/**
 * Places in Arabic sentences: names the gazetteer knows (its Arabic names, or a transliteration of them),
 * one to three words long, after a locative cue (في، قرب، ب-), a feature noun (محافظة، قضاء، مدينة، ريف),
 * or on their own when the gazetteer calls them well known (a city, a province).
 */
export function makeArabicPlaceFinder(dataDir: string) {
  const p = readArabicPlaces(dataDir)
  const gaps = listGaps(p.list_joints)
  const listGap = (t: string) => gaps.and.test(t) || gaps.comma.test(t)
  const set = (s: string) => new Set(arabicKey(s).split('|'))
  const inCue = set(p.cues.in), nearCue = set(p.cues.near), direction = set(p.cues.direction), fromCue = set(p.cues.from)
  const featureWords = new Map<string, Feature>()
  for (const w of set(p.features.settlement)) featureWords.set(w, 'settlement')
  for (const w of set(p.features.district)) featureWords.set(w, 'admin2')
  for (const w of set(p.features.province)) featureWords.set(w, 'admin1')
  for (const w of set(p.features.area)) featureWords.set(w, 'area')
  for (const w of set(p.features.facility)) featureWords.set(w, 'facility')
  // words that are never a place name alone, whatever a gazetteer holds (its villages include "السلام", "جروح"):
  // the pack's list, with its direction cues, months, weekdays and number words
  const read = <T,>(file: string) => JSON.parse(readFileSync(join(dataDir, 'lang', 'ar', file), 'utf8')) as T
  const dates = read<DatesPack>('dates.json'), numbers = read<NumbersPack>('numbers.json')
  const never = new Set([
    ...set(p.never_names.words), ...direction, ...inCue, ...fromCue,
    ...[dates.weekdays, dates.months, dates.hijri_months, numbers.units, numbers.teens, numbers.tens, numbers.hundreds, numbers.vague].flatMap((m) => Object.keys(m).flatMap((k) => [...set(k)])),
    ...Object.values(dates.relative).flatMap((v) => [...set(v)]),
  ].flatMap((w) => (w.includes(' ') ? [] : [w, otherArticle(w)])))
  const needsCue = set(p.needs_cue.words)
  const institution = set(p.not_after.words)
  // the words of `never` that cannot begin a longer name either: function words, numbers, months, directions
  const mayBegin = set(p.never_names.may_begin_a_name)
  const neverBegins = new Set([...never].filter((w) => !mayBegin.has(w) && !mayBegin.has(otherArticle(w))))
  // "بالأنبار": the clitic ب is the cue "in"; "كسرت" is "broke", not "like Sirte": ك and ف are read off no name
  const inClitics = [...inCue].filter((c) => c.length === 1)
  const notBeforeNames = new RegExp(`[${arabicKey(p.clitics_not_before_names.words).replace(/\|/g, '')}]`, 'u')
  const keysOf = (w: Word) => (w.forms ? [w.lower, ...w.forms] : [w.lower])
  const featureOf = (w: Word | undefined) => (w ? keysOf(w).map((k) => featureWords.get(k)).find((f) => f !== undefined) ?? null : null)

  return function findPlaces(text: string, sentences: Sentence[], lookups: PlaceLookups): PlaceMention[] {
    const { known, isProvince, provinceNamed, mayKey } = lookups
    const out: PlaceMention[] = []
    for (const s of sentences) {
      const ws = s.words
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i]!
        // a Latin word in Arabic text ("&quot;", a brand) is no Arabic place name
        if (!ARABIC_LETTER.test(w.lower) || keysOf(w).some((k) => featureWords.has(k))) continue
        // the word's own forms: "بالأنبار" is tried as بالانبار, الانبار, انبار; a clitic ب or في is its cue.
        // A word that is never a name alone may begin one: "تل أبيض", "عين العرب"
        const forms = keysOf(w).filter((f) => f.length >= 3 && !(w.lower.endsWith(f) && notBeforeNames.test(w.lower.slice(0, w.lower.length - f.length))))
        const alone = forms.filter((f) => !never.has(f))
        const starts = forms.filter((f) => !neverBegins.has(f))
        if (starts.length === 0) continue
        let best: { name: string; start: number; last: number; how: 'well' | 'known'; prefixed: boolean; words: number; form: string } | null = null
        for (let n = Math.min(MAX_WORDS, ws.length - i); n >= 1 && !best; n--) {
          const lastWord = ws[i + n - 1]!
          if (n > 1 && text.slice(ws[i + n - 2]!.end, lastWord.start).trim() !== '') continue
          // the rest of the name's key, from the words' normal forms (a quick "no" before asking by name)
          let rest = ''
          for (let k = i + 1; k < i + n; k++) rest += arabicKeyPart(ws[k]!.lower)
          for (const form of n === 1 ? alone : starts) {
            if (!mayKey(arabicKeyPart(form) + rest)) continue
            const start = surfaceStart(w, form)
            const name = text.slice(start, lastWord.end)
            const how = known(name)
            if (how) { best = { name, start, last: i + n - 1, how, prefixed: start > w.start, words: n, form }; break }
          }
        }
        // "بولاية بورنو": after a province noun, a province the gazetteer has no Arabic name for is found by
        // its consonants (Borno / بورنو)
        if (!best && featureOf(ws[i - 1]) === 'admin1') {
          for (let n = Math.min(2, ws.length - i); n >= 1 && !best; n--) {
            const lastWord = ws[i + n - 1]!
            const form = alone[0] ?? (n > 1 ? forms[0] : undefined)
            if (!form) continue
            const start = surfaceStart(w, form)
            const name = text.slice(start, lastWord.end)
            if (provinceNamed(name)) best = { name, start, last: i + n - 1, how: 'well', prefixed: start > w.start, words: n, form }
          }
        }
        if (!best) continue
        const prev = ws[i - 1], prev2 = ws[i - 2]
        // "حكومة إقليم كردستان", "محافظ نينوى": the institution of a place, not where anything happened
        if ([prev, featureOf(prev) ? prev2 : undefined].some((x) => x && keysOf(x).some((k) => institution.has(k)))) { i = best.last; continue }
        const ownFeature = featureOf(prev)
        const prefix = best.prefixed ? arabicKey(w.text.slice(0, best.start - w.start)) : ''
        // "بمحافظة الأنبار": the feature noun carries the ب of "in"
        const featureIn = ownFeature && prev && inClitics.some((c) => prev.lower.startsWith(c)) && !featureWords.has(prev.lower)
        // "في بلدتي كفرنبل وحاس", "قرى أ، ب وج": a name that continues a list after a place takes its cue and feature
        const last = out[out.length - 1]
        const listed = last && last.sentence === s.index && last.last === i - 1 && listGap(text.slice(ws[i - 1]!.end, best.start)) ? last : null
        const cue = listed ? listed.cue : inClitics.some((c) => prefix.includes(c)) || featureIn || (prev && inCue.has(prev.lower)) || (ownFeature && prev2 && inCue.has(prev2.lower)) ? 'in'
          : (prev && (nearCue.has(prev.lower) || keysOf(prev).some((k) => direction.has(k)))) || (prev2 && nearCue.has(`${prev2.lower} ${prev?.lower}`)) ? 'near'
            : prev && fromCue.has(prev.lower) ? 'from' : null
        const feature = listed && !ownFeature ? listed.feature : ownFeature
        // a name with no cue and no feature noun must be well known (a city, a province), as in English
        if (!cue && !feature && best.how !== 'well') continue
        // one word the gazetteer knows only as a village, after no more than في، ب or من, is most often a
        // common noun ("في المكان", "بجروح"): villages come with their feature noun (قرية، بلدة) or a near cue
        if (best.words === 1 && best.how !== 'well' && !feature && cue !== 'near') continue
        // "من": well-known places only (it is the commonest word of Arabic prose)
        if (cue === 'from' && best.how !== 'well') continue
        // "صور" is Tyre after في or مدينة, and photos elsewhere
        if (best.words === 1 && needsCue.has(best.form) && !feature && cue !== 'in' && cue !== 'near') continue
        const province = feature === 'admin1' || (!feature && isProvince(best.name))
        out.push({
          start: best.start, end: ws[best.last]!.end, sentence: s.index, first: i, last: best.last, name: best.name,
          // the feature noun comes before the name in Arabic; the resolver reads English feature words after it
          cue, feature: province ? 'admin1' : feature, featureWord: feature ? FEATURE_IN_ENGLISH[feature] : null, relative: null,
        })
        i = best.last
      }
    }
    return out
  }
}
