import type { Span } from '../types.js'
import type { Sentence, Word } from '../text/segment.js'

export type Feature = 'admin1' | 'admin2' | 'area' | 'settlement' | 'facility'
export type PlaceMention = Span & {
  sentence: number; first: number; last: number; name: string
  /** the word before the name ("in", "near", "from") and the feature noun after it ("province", "desert") */
  cue: string | null; feature: Feature | null; featureWord: string | null
  /** "30 km south of X", "southwest of X": the offset phrase before the name */
  relative: { km: number | null; direction: string } | null
}

export type PlaceCues = {
  before: string[]; connectors: string[]; features: Record<Feature, string[]>; not_places: string[]
  /** "air" in "Ain al-Asad air base": a word between the name and its feature noun */
  feature_modifiers?: string[]
  /** "village" in "Tudun Biri, a village in Igabi": an apposition that says the name is a place */
  apposition?: string[]
  /** "the Daily Courier reported", "the Justice Ministry said": a name beside one of these is an organisation */
  organisation_words?: { words: string[]; example: string }
  /** "in Toulouse, Lille and Rennes": the words that join the names of a list */
  list_joints?: { words: string[]; example: string }
  /** "St. Petersburg", "Mt. Kenya": short forms whose full stop stays inside a name */
  abbreviations?: { words: string[]; example: string }
}

// a name after these is a place on its own word; after weaker ones ("of", "to") the gazetteer must know it
const STRONG_CUE = new Set(['in', 'near', 'at', 'outside', 'around', 'inside', 'within'])
const ARTICLE = /^(al|el|ad|ar|as|an|at|az|ash|ed|es|ez)$/
const LOOSE_CONNECTOR = /^(al|el|bin|ibn|abu|umm|bani|beni|ould|wad)$/
const DIRECTION_ADJ = /^(north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(ern)?$/
const DIRECTION = /^(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(ern)?$/

const isCap = (w: Word) => /^\p{Lu}/u.test(w.text) && !/^[A-Z]{2,}$/.test(w.text) || /^[A-Z]{4,}$/.test(w.text)

/** Finds capitalised names that the words around them mark as places, with offsets and cues. */
export function makePlaceFinder(cues: PlaceCues) {
  const before = new Set(cues.before)
  const connectors = new Set(cues.connectors)
  const notPlaces = new Set(cues.not_places)
  const modifiers = new Set(cues.feature_modifiers ?? [])
  const organisation = new Set(cues.organisation_words?.words ?? [])
  const abbreviations = new Set(cues.abbreviations?.words ?? [])
  const listGap = new RegExp(`^(,\\s+|,?\\s+(${(cues.list_joints?.words ?? ['and']).join('|')})\\s+)$`)
  const apposition = new RegExp(`^,\\s+(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,2}(?:${(cues.apposition ?? ['village', 'town']).join('|')})\\b`, 'i')
  const featureOf = new Map<string, Feature>()
  for (const [f, words] of Object.entries(cues.features) as [Feature, string[]][]) for (const w of words) featureOf.set(w, f)

  /**
   * `known(name)`: how well the gazetteer knows a name in the report's countries: 'well' (a city, a province,
   * a capital), 'known' (some village), or null. A name with no cue at all must be well known, or be
   * named as a place elsewhere in the report ("at Guire ... Guire"); a weak cue ("of", "to") needs it known.
   */
  return function findPlaces(text: string, sentences: Sentence[], taken: Span[], known: (name: string) => 'well' | 'known' | null = () => null, dateline?: Span): PlaceMention[] {
    const out: PlaceMention[] = []
    // bare names the gazetteer knows only as villages ("Igwe", a police commissioner's name): kept when the
    // report also names them as places
    const deferred: PlaceMention[] = []
    // words inside actor names are not places; a set of their start offsets keeps this linear
    const takenStarts = new Set<number>()
    const wordsBySentence = sentences.map((s) => s.words)
    for (const t of taken) for (const w of wordsBySentence[(t as { sentence?: number }).sentence ?? -1] ?? []) if (w.start >= t.start && w.end <= t.end) takenStarts.add(w.start)
    const isTaken = (w: Word) => takenStarts.has(w.start)
    const persons = personWords(text, sentences)
    const datelineEnd = dateline?.end ?? 0
    for (const s of sentences) {
      const w = s.words
      for (let i = 0; i < w.length; i++) {
        if (!isCap(w[i]!) || isTaken(w[i]!) || notPlaces.has(w[i]!.text)) continue
        let j = i
        while (j + 1 < w.length) {
          const n = w[j + 1]!
          const gap = text.slice(w[j]!.end, n.start)
          const abbreviated = gap === '. ' && abbreviations.has(w[j]!.text) && isCap(n)
          if ((!/^[ \-'’`]?$/.test(gap) && !abbreviated) || isTaken(n)) break
          if (isCap(n) && !notPlaces.has(n.text) && !featureOf.has(n.lower)) { j++; continue }
          // "Qa'im", "Sa'dah", "Dar'a": a short lowercase piece after an apostrophe belongs to the name
          if (/^['’`]$/.test(gap) && /^\p{Ll}{1,3}$/u.test(n.text) && n.text !== 's') { j++; continue }
          // "Ras al-Ain", "Deir ez-Zor", "Bir al Abd"; but "Mediterranean at Shayrat" is two names
          const glue = text.slice(n.end, w[j + 2]?.start ?? n.end)
          if (connectors.has(n.lower) && w[j + 2] && isCap(w[j + 2]!) && (/^[\-'’`]$/.test(glue) || (glue === ' ' && LOOSE_CONNECTOR.test(n.lower)))) { j += 2; continue }
          break
        }
        // "the Daily Courier reported", "the Justice Ministry said": an organisation's name, not a place
        const orgInside = w.slice(i, j + 1).some((x) => organisation.has(x.text))
        if (orgInside || organisation.has(w[i - 1]?.text ?? '') && text.slice(w[i - 1]!.end, w[i]!.start) === ' ' || organisation.has(w[j + 1]?.text ?? '') && text.slice(w[j]!.end, w[j + 1]!.start) === ' ') { i = j; continue }
        // "out of al-Qaim", "the town of al-Bab": a lowercase article joined by a hyphen starts the name
        const k = i > 0 && ARTICLE.test(w[i - 1]!.text) && text.slice(w[i - 1]!.end, w[i]!.start) === '-' ? i - 1 : i
        const prev = w[k - 1]
        const atSentenceStart = k === 0 || (k === 1 && /^(the)$/i.test(w[0]!.text))
        // "Ain al-Asad air base", "Tabqa oil field": a modifier and a feature noun after the name
        const modified = w[j + 1] && w[j + 2] && modifiers.has(w[j + 1]!.lower) && featureOf.has(w[j + 2]!.lower)
          && text.slice(w[j]!.end, w[j + 2]!.start) === ` ${w[j + 1]!.text} `
        const next = modified ? w[j + 2] : w[j + 1]
        const featureWord = next && featureOf.has(next.lower) && /^['’]?\s+$/.test(text.slice(w[modified ? j + 1 : j]!.end, next.start)) ? (modified ? `${w[j + 1]!.lower} ${next.lower}` : next.lower) : null
        const featureKind = featureWord ? featureOf.get(next!.lower)! : null
        // "Green Zone", "Tahrir Square", "Republican Palace": a capitalised feature word is part of the name
        const namedFeature = featureWord && !modified && /^\p{Lu}/u.test(next!.text) && ['facility', 'area', 'admin2'].includes(featureKind!)
        // "in western Kabul", "in northern Syria": a direction between the preposition and the name
        // "in western Kabul", "in the capital Tripoli", "at the Lekki toll gate": articles, directions and place
        // nouns between the preposition and the name
        let c = k - 1
        while (c > 0 && c > k - 4 && !before.has(w[c]!.lower) && (DIRECTION_ADJ.test(w[c]!.lower) || /^(the|a|an)$/.test(w[c]!.lower) || featureOf.get(w[c]!.lower) === 'settlement')) c--
        // "in Toulouse, Lille and Rennes": a name continuing a list after a place takes that place's cue
        const last = out[out.length - 1]
        const listed = last && last.sentence === s.index && last.cue && last.cue !== 'dateline' && listGap.test(text.slice(last.end, w[k]!.start)) ? last.cue : null
        const cue = prev && before.has(prev.lower) ? prev.lower : c < k - 1 && w[c] && before.has(w[c]!.lower) ? w[c]!.lower : listed
        const dateline = s.index === 0 && w[j]!.end <= datelineEnd
        const name = text.slice(w[k]!.start, (namedFeature ? next! : w[j]!).end)
        // a name with no cue around it counts only when the gazetteer knows it in the report's countries
        const speaks = /^(said|says|told|added|announced|stated|wrote|tweeted)$/.test(w[j + 1]?.lower ?? '') || (i === j && persons.has(w[i]!.text))
        // "the village of Solhan", "the town of Jableh": a place noun before "of" makes the cue strong
        const nounOf = cue === 'of' && featureOf.get(w[k - 2]?.lower ?? '') === 'settlement'
        // "Tudun Biri, a village in Igabi": the apposition says what the name is
        const appositive = apposition.test(text.slice(w[j]!.end, w[j]!.end + 40))
        const weak = (!cue || !STRONG_CUE.has(cue)) && !featureWord && !dateline && !nounOf && !appositive
        // "Soleimani's grave", "Haftar's forces": a possessive names a place only before a place ("Baghdad's Karrada")
        const after = text.slice(w[j]!.end, w[j]!.end + 3)
        const possessive = /^['’]s\b/.test(after) && !(next && w[j + 2] && (isCap(w[j + 2]!) || w.slice(j + 2, j + 5).some((x) => featureOf.has(x.lower))))
        // "Tomahawk cruise missiles", "Grad rockets": a capitalised word before a weapon is its make
        const weapon = /^(cruise|ballistic|missile|missiles|rocket|rockets|drone|drones|jets?|helicopters?|tanks?|rifles?|launchers?)$/.test(next?.lower ?? '')
        if (speaks || possessive || weapon) { i = j; continue }
        const needsGazetteer = weak || (atSentenceStart && !featureWord && !dateline && !appositive)
        const knownAs = needsGazetteer ? known(name) : 'well'
        if (!knownAs) { i = j; continue }
        ;(knownAs === 'known' && !cue ? deferred : out).push({
          start: w[k]!.start, end: (featureWord ? next! : w[j]!).end, sentence: s.index, first: k, last: featureWord ? w.indexOf(next!) : j,
          name, cue: dateline ? 'dateline' : cue,
          feature: featureKind, featureWord,
          relative: relativeBefore(w, k),
        })
        i = j
      }
    }
    const named = new Set(out.map((p) => p.name.toLowerCase()))
    const kept = deferred.filter((p) => named.has(p.name.toLowerCase()))
    return kept.length ? [...out, ...kept].sort((a, b) => a.start - b.start) : out
  }
}

function relativeBefore(w: Word[], i: number): PlaceMention['relative'] {
  // "... 30 km south of X" / "southwest of X" / "370 km north of the capital Bamako"
  if (/^(capital|city|town)$/.test(w[i - 1]?.lower ?? '') && w[i - 2]?.lower === 'the' && w[i - 3]?.lower === 'of') i -= 2
  if (w[i - 1]?.lower !== 'of') return null
  const dir = w[i - 2]?.lower ?? ''
  if (!DIRECTION.test(dir)) return null
  const unit = w[i - 3]?.lower ?? ''
  const km = /^(km|kilometres|kilometers|miles)$/.test(unit) ? Number((w[i - 4]?.lower ?? '').replace(/,/g, '')) * (unit === 'miles' ? 1.609 : 1) : null
  return { km: km !== null && Number.isFinite(km) ? km : null, direction: dir.replace(/ern$/, '').replace('-', '') }
}

const TITLE = /^(leader|president|minister|commander|spokesman|spokeswoman|cleric|general|gen|colonel|col|chief|mr|mrs|ms|dr|king|prince|sheikh|emir|imam|aide|secretary|governor|mayor|senator|lawmaker|judge|ayatollah|pope|bishop)$/i

/** Words of people's names ("Islamic State leader Abu Bakr al-Baghdadi"): alone later, they are not places. */
function personWords(text: string, sentences: Sentence[]): Set<string> {
  const out = new Set<string>()
  for (const s of sentences) {
    const w = s.words
    for (let i = 0; i + 1 < w.length; i++) {
      if (!TITLE.test(w[i]!.text) || !/^\p{Lu}/u.test(w[i + 1]!.text)) continue
      for (let j = i + 1; j < w.length && j < i + 6 && (/^\p{Lu}/u.test(w[j]!.text) || /^(al|bin|ibn|el|abu)$/.test(w[j]!.lower)); j++) if (w[j]!.text.length >= 4) out.add(w[j]!.text)
    }
  }
  return out
}
