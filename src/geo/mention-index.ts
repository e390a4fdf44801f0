import type { PlaceMention } from '../entities/places.js'

// A long report names tens of thousands of places; each is placed by looking at the others of its sentence
// and at those before it. Scanning the whole list per mention made a 5 MB report take minutes (quadratic).

const bySentence = new WeakMap<readonly PlaceMention[], Map<number, PlaceMention[]>>()

/** The mentions of one sentence, in report order (indexed once per list). */
export function sentenceMentions(places: readonly PlaceMention[], sentence: number): readonly PlaceMention[] {
  let index = bySentence.get(places)
  if (!index) {
    index = new Map()
    for (const p of places) {
      const list = index.get(p.sentence)
      if (list) list.push(p)
      else index.set(p.sentence, [p])
    }
    bySentence.set(places, index)
  }
  return index.get(sentence) ?? []
}

const isSorted = (places: readonly PlaceMention[]) => places.every((p, i) => i === 0 || places[i - 1]!.start <= p.start)
const lastNamed = new WeakMap<readonly PlaceMention[], { sorted: boolean; byKey: Map<string, Int32Array> }>()

/**
 * The last mention ending before `at` for which `named` holds, scanning back in list order; `key` names the
 * question so that its answers for every prefix are computed once per list.
 */
export function lastBefore(places: readonly PlaceMention[], at: number, key: string, named: (p: PlaceMention) => boolean): PlaceMention | undefined {
  let entry = lastNamed.get(places)
  if (!entry) lastNamed.set(places, (entry = { sorted: isSorted(places), byKey: new Map() }))
  if (!entry.sorted) {
    for (let i = places.length - 1; i >= 0; i--) if (places[i]!.end <= at && named(places[i]!)) return places[i]
    return undefined
  }
  let prefix = entry.byKey.get(key)
  if (!prefix) {
    prefix = new Int32Array(places.length)
    let last = -1
    for (let i = 0; i < places.length; i++) prefix[i] = last = named(places[i]!) ? i : last
    entry.byKey.set(key, prefix)
  }
  // the last mention starting before `at`, then back over those that overlap it
  let lo = 0, hi = places.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (places[mid]!.start < at) lo = mid + 1
    else hi = mid
  }
  let j = lo > 0 ? prefix[lo - 1]! : -1
  while (j >= 0 && places[j]!.end > at) j = j > 0 ? prefix[j - 1]! : -1
  return j >= 0 ? places[j] : undefined
}
