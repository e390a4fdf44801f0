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

export type PlaceCues = { before: string[]; connectors: string[]; features: Record<Feature, string[]>; not_places: string[] }

// a name after these is a place on its own word; after weaker ones ("of", "to") the gazetteer must know it
const STRONG_CUE = new Set(['in', 'near', 'at', 'outside', 'around', 'inside', 'within'])
const LOOSE_CONNECTOR = /^(al|el|bin|ibn|abu|umm|bani|beni|ould|wad)$/
const DIRECTION_ADJ = /^(north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(ern)?$/
const DIRECTION = /^(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(ern)?$/

const isCap = (w: Word) => /^\p{Lu}/u.test(w.text) && !/^[A-Z]{2,}$/.test(w.text) || /^[A-Z]{4,}$/.test(w.text)

/** Finds capitalised names that the words around them mark as places, with offsets and cues. */
export function makePlaceFinder(cues: PlaceCues) {
  const before = new Set(cues.before)
  const connectors = new Set(cues.connectors)
  const notPlaces = new Set(cues.not_places)
  const featureOf = new Map<string, Feature>()
  for (const [f, words] of Object.entries(cues.features) as [Feature, string[]][]) for (const w of words) featureOf.set(w, f)

  return function findPlaces(text: string, sentences: Sentence[], taken: Span[], known: (name: string) => boolean = () => false): PlaceMention[] {
    const out: PlaceMention[] = []
    // words inside actor names are not places; a set of their start offsets keeps this linear
    const takenStarts = new Set<number>()
    const wordsBySentence = sentences.map((s) => s.words)
    for (const t of taken) for (const w of wordsBySentence[(t as { sentence?: number }).sentence ?? -1] ?? []) if (w.start >= t.start && w.end <= t.end) takenStarts.add(w.start)
    const isTaken = (w: Word) => takenStarts.has(w.start)
    const persons = personWords(text, sentences)
    for (const s of sentences) {
      const w = s.words
      for (let i = 0; i < w.length; i++) {
        if (!isCap(w[i]!) || isTaken(w[i]!) || notPlaces.has(w[i]!.text)) continue
        let j = i
        while (j + 1 < w.length) {
          const n = w[j + 1]!
          const gap = text.slice(w[j]!.end, n.start)
          if (!/^[ \-'’`]?$/.test(gap) || isTaken(n)) break
          if (isCap(n) && !notPlaces.has(n.text) && !featureOf.has(n.lower)) { j++; continue }
          // "Qa'im", "Sa'dah", "Dar'a": a short lowercase piece after an apostrophe belongs to the name
          if (/^['’`]$/.test(gap) && /^\p{Ll}{1,3}$/u.test(n.text) && n.text !== 's') { j++; continue }
          // "Ras al-Ain", "Deir ez-Zor", "Bir al Abd"; but "Mediterranean at Shayrat" is two names
          const glue = text.slice(n.end, w[j + 2]?.start ?? n.end)
          if (connectors.has(n.lower) && w[j + 2] && isCap(w[j + 2]!) && (/^[\-'’`]$/.test(glue) || (glue === ' ' && LOOSE_CONNECTOR.test(n.lower)))) { j += 2; continue }
          break
        }
        const prev = w[i - 1]
        const atSentenceStart = i === 0 || (i === 1 && /^(the)$/i.test(w[0]!.text))
        const next = w[j + 1]
        const featureWord = next && featureOf.has(next.lower) && !/^[\-]$/.test(text.slice(w[j]!.end, next.start)) ? next.lower : null
        // "Green Zone", "Tahrir Square", "Republican Palace": a capitalised feature word is part of the name
        const namedFeature = featureWord && /^\p{Lu}/u.test(next!.text) && ['facility', 'area', 'admin2'].includes(featureOf.get(featureWord)!)
        // "in western Kabul", "in northern Syria": a direction between the preposition and the name
        const viaDirection = prev && DIRECTION_ADJ.test(prev.lower) && w[i - 2] && before.has(w[i - 2]!.lower)
        const cue = viaDirection ? w[i - 2]!.lower : prev && before.has(prev.lower) ? prev.lower : null
        const dateline = i === 0 && s.index === 0 && /^\s*[—–-]/.test(text.slice(w[j]!.end, w[j]!.end + 3))
        const name = text.slice(w[i]!.start, (namedFeature ? next! : w[j]!).end)
        // a name with no cue around it counts only when the gazetteer knows it in the report's countries
        const speaks = /^(said|says|told|added|announced|stated|wrote|tweeted)$/.test(w[j + 1]?.lower ?? '') || (i === j && persons.has(w[i]!.text))
        // "the village of Solhan", "the town of Jableh": a place noun before "of" makes the cue strong
        const nounOf = cue === 'of' && featureOf.get(w[i - 2]?.lower ?? '') === 'settlement'
        const weak = (!cue || !STRONG_CUE.has(cue)) && !featureWord && !dateline && !nounOf
        // "Soleimani's grave", "Haftar's forces": a possessive names a place only before a place ("Baghdad's Karrada")
        const after = text.slice(w[j]!.end, w[j]!.end + 3)
        const possessive = /^['’]s\b/.test(after) && !(next && w[j + 2] && (isCap(w[j + 2]!) || w.slice(j + 2, j + 5).some((x) => featureOf.has(x.lower))))
        // "Tomahawk cruise missiles", "Grad rockets": a capitalised word before a weapon is its make
        const weapon = /^(cruise|ballistic|missile|missiles|rocket|rockets|drone|drones|jets?|helicopters?|tanks?|rifles?|launchers?)$/.test(next?.lower ?? '')
        if (speaks || possessive || weapon) { i = j; continue }
        if ((weak || (atSentenceStart && !featureWord && !dateline)) && !known(name)) { i = j; continue }
        out.push({
          start: w[i]!.start, end: (featureWord ? next! : w[j]!).end, sentence: s.index, first: i, last: featureWord ? j + 1 : j,
          name, cue: dateline ? 'dateline' : cue,
          feature: featureWord ? featureOf.get(featureWord)! : null, featureWord,
          relative: relativeBefore(w, i),
        })
        i = j
      }
    }
    return out
  }
}

function relativeBefore(w: Word[], i: number): PlaceMention['relative'] {
  // "... 30 km south of X" / "southwest of X"
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
