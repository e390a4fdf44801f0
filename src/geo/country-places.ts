import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { normalizePlaceName, skeletonKey } from './normalize.js'
import { parsePlaceRow } from './place-row.js'
import { consonantCount, consonantKey, MIN_CONSONANTS } from './consonant-key.js'
import type { Place } from './types.js'

type RowRefs = number | number[]

/** One country's places with their indexes: from its TSV file (CountryPlaces) or the built database (GazetteerDb). */
export interface CountryStore {
  readonly size: number
  /** Places answering to this key (name or alternate name). */
  byNameKey(key: string): Place[]
  bySkeletonKey(skeleton: string): Place[]
  /** Places one of whose names (Latin or Arabic) has these consonant classes (consonant-key.ts). */
  byConsonantKey(key: string): Place[]
  inAdmin1(admin1: string): Place[]
  places(): Place[]
  placeById(id: string): Place | undefined
}

// a row the runtime cannot read (no name) never reaches a report: the build refuses it, and a file that
// still holds one has it skipped here
const readable = (line: string) => {
  const t1 = line.indexOf('\t')
  return t1 > 0 && line.charCodeAt(t1 + 1) !== 9 && line.indexOf('\t', t1 + 1) > t1 + 1
}

/**
 * The places of one country with their name index. Rows stay as text lines until a lookup
 * returns them: loading a country costs one key per name, not one object per village.
 */
export class CountryPlaces implements CountryStore {
  private readonly lines: string[]
  private readonly cache: (Place | undefined)[]
  private readonly byKey = new Map<string, RowRefs>()
  private byAdmin1: Map<string, number[]> | undefined
  private bySkeleton: Map<string, RowRefs> | undefined
  private byConsonants: Map<string, RowRefs> | undefined
  private all: Place[] | undefined
  private byId: Map<string, number> | undefined

  constructor(
    lines: string[],
    private readonly country: string,
    private readonly countryName: string,
  ) {
    this.lines = lines.filter((l) => l.length > 0 && readable(l))
    this.cache = new Array<Place | undefined>(this.lines.length)
    this.lines.forEach((line, i) => {
      const t1 = line.indexOf('\t')
      const t2 = line.indexOf('\t', t1 + 1)
      const t3 = line.indexOf('\t', t2 + 1)
      const own = normalizePlaceName(line.slice(t1 + 1, t2))
      addRef(this.byKey, own, i)
      if (t3 === t2 + 1) return
      for (const alt of line.slice(t2 + 1, t3).split('|')) {
        const k = normalizePlaceName(alt)
        if (k !== own) addRef(this.byKey, k, i)
      }
    })
  }

  get size(): number {
    return this.lines.length
  }

  /** Places answering to this key (name or alternate name). */
  byNameKey(key: string): Place[] {
    return this.resolve(this.byKey.get(key))
  }

  bySkeletonKey(skeleton: string): Place[] {
    if (!this.bySkeleton) {
      const index = new Map<string, RowRefs>()
      for (const [key, refs] of this.byKey) {
        for (const i of typeof refs === 'number' ? [refs] : refs) addRef(index, skeletonKey(key), i)
      }
      this.bySkeleton = index
    }
    // a place whose name and alternate names share a skeleton is found once
    return [...new Set(this.resolve(this.bySkeleton.get(skeleton)))]
  }

  byConsonantKey(key: string): Place[] {
    if (!this.byConsonants) {
      const index = new Map<string, RowRefs>()
      this.lines.forEach((line, i) => {
        const [, name = '', alt = ''] = line.split('\t', 3)
        for (const k of new Set([name, ...(alt ? alt.split('|') : [])].map(consonantKey))) if (consonantCount(k) >= MIN_CONSONANTS) addRef(index, k, i)
      })
      this.byConsonants = index
    }
    return this.resolve(this.byConsonants.get(key))
  }

  inAdmin1(admin1: string): Place[] {
    if (!this.byAdmin1) {
      const index = new Map<string, number[]>()
      this.lines.forEach((line, i) => {
        const a = line.split('\t', 6)[5]
        if (!a) return
        const list = index.get(a)
        if (list) list.push(i)
        else index.set(a, [i])
      })
      this.byAdmin1 = index
    }
    return (this.byAdmin1.get(admin1) ?? []).map((i) => this.placeAt(i))
  }

  /** Every place; materialises the whole country, so only for fallbacks and tools. */
  places(): Place[] {
    this.all ??= this.lines.map((_l, i) => this.placeAt(i))
    return this.all
  }

  placeById(id: string): Place | undefined {
    // built on first use: capitals are looked up by id for every province-level event
    if (!this.byId) {
      this.byId = new Map()
      this.lines.forEach((l, i) => this.byId!.set(l.slice(0, l.indexOf('\t')), i))
    }
    const i = this.byId.get(id)
    return i === undefined ? undefined : this.placeAt(i)
  }

  private resolve(refs: RowRefs | undefined): Place[] {
    if (refs === undefined) return []
    if (typeof refs === 'number') return [this.placeAt(refs)]
    return refs.map((i) => this.placeAt(i))
  }

  private placeAt(i: number): Place {
    let p = this.cache[i]
    if (p === undefined) {
      const row = parsePlaceRow(this.lines[i] as string)
      if (!row) throw new Error(`gazetteer: malformed row ${i + 1} in the ${this.country} file`)
      p = { ...row, country: this.country, countryName: this.countryName }
      this.cache[i] = p
    }
    return p
  }

  /** Reads places/XX.tsv.gz; a missing file is a country with no places. */
  static load(file: string, country: string, countryName: string): CountryPlaces {
    if (!existsSync(file)) return new CountryPlaces([], country, countryName)
    const text = gunzipSync(readFileSync(file)).toString('utf8')
    return new CountryPlaces(text.split('\n'), country, countryName)
  }
}

function addRef(index: Map<string, RowRefs>, key: string, i: number): void {
  if (key.length === 0) return
  const refs = index.get(key)
  if (refs === undefined) index.set(key, i)
  else if (typeof refs === 'number') {
    if (refs !== i) index.set(key, [refs, i])
  } else if (refs[refs.length - 1] !== i) refs.push(i)
}
