import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod/v3'
import { admin1Key, stripAdminWords } from './admin-names.js'
import { acledAdmin1, acledNameTable } from './acled-names.js'
import { isArabicScript, normalizePlaceName } from './normalize.js'
import { consonantCount, consonantKey } from './consonant-key.js'
import type { Admin1Info, CountryInfo } from './types.js'

const capitalSchema = z.object({ id: z.string(), name: z.string(), lat: z.number(), lon: z.number() }).nullable()

const admin1Schema = z.object({
  name: z.string(),
  code: z.string().nullable(),
  aliases: z.array(z.string()),
  capital: capitalSchema,
  count: z.number(),
})

const countrySchema = z.object({
  iso2: z.string().length(2),
  iso3: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  capital: capitalSchema,
  admin1: z.array(admin1Schema),
  count: z.number(),
  wof: z.boolean(),
})

export const indexSchema = z.object({
  version: z.literal(1),
  normalizerVersion: z.number(),
  built: z.string(),
  countries: z.record(z.string(), countrySchema),
})

export type GazetteerIndexFile = z.infer<typeof indexSchema>

/**
 * Reads and checks index.json; a missing or malformed index is a setup error and throws. `checked`: the
 * built database's stamp covers this very file, and its build checked it against the schema, so only its
 * shape is looked at (the full check costs more than the rest of the gazetteer's start-up).
 */
export function readIndexFile(dir: string, opts: { checked?: boolean } = {}): GazetteerIndexFile {
  const file = join(dir, 'index.json')
  if (!existsSync(file)) {
    throw new Error(`gazetteer: ${file} not found (build it with scripts/build-gazetteer.mjs or pass another dir)`)
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as GazetteerIndexFile
  if (opts.checked && raw?.version === 1 && typeof raw.countries === 'object' && raw.countries !== null) return raw
  const parsed = indexSchema.safeParse(raw)
  if (!parsed.success) throw new Error(`gazetteer: ${file} is not a Sitrep gazetteer index: ${parsed.error.message}`)
  return parsed.data
}

/**
 * Each unit's output name. Where dropping a suffix would give two units one name (Zagreb and Zagreb
 * County), the unit whose name carries the suffix keeps it.
 */
function withOutputNames(iso: string, units: Omit<Admin1Info, 'country' | 'acled'>[]): Admin1Info[] {
  const out = units.map((a) => ({ ...a, country: iso })) as Admin1Info[]
  // worked out on first use, for the whole country at once: start-up reads 250 countries' units
  let names: Map<Admin1Info, string> | undefined
  const outputNames = (): Map<Admin1Info, string> => {
    const first = new Map(out.map((a) => [a, acledAdmin1(iso, a.name)]))
    const taken = new Map<string, number>()
    for (const a of out) for (const n of new Set([a.name, first.get(a)!])) taken.set(n.toLowerCase(), (taken.get(n.toLowerCase()) ?? 0) + 1)
    return new Map(out.map((a) => {
      const name = first.get(a)!
      return [a, name !== a.name && (taken.get(name.toLowerCase()) ?? 0) > 1 ? a.name : name]
    }))
  }
  for (const a of out) Object.defineProperty(a, 'acled', { enumerable: true, get: () => (names ??= outputNames()).get(a) })
  return out
}

type ArabicAdmin1 = {
  /** "IQ|انبار" → "Al-Anbar" */
  names: Map<string, string>
  /** "انبار" → [["IQ", "Al-Anbar"]]: the same table by name, for provinces named in any country */
  byName: Map<string, [string, string][]>
  /** the province nouns a name may carry ("محافظة نينوى"), in their key form */
  nounKeys: string[]
}
let arabicAdmin1: ArabicAdmin1 | undefined
/** data/gazetteer/admin1-names-ar.json, by the Arabic names' keys. */
function arabicAdmin1Table(): ArabicAdmin1 {
  if (!arabicAdmin1) {
    const file = fileURLToPath(new URL('../../data/gazetteer/admin1-names-ar.json', import.meta.url))
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string[] | string> | string[] | string>
    const names = new Map<string, string>(), byName = new Map<string, [string, string][]>()
    for (const [iso, units] of Object.entries(data)) {
      if (iso.startsWith('_') || typeof units !== 'object' || Array.isArray(units)) continue
      for (const [unit, list] of Object.entries(units)) {
        if (!Array.isArray(list)) continue
        for (const n of list) {
          const key = normalizePlaceName(n)
          names.set(`${iso}|${key}`, unit)
          const units = byName.get(key) ?? byName.set(key, []).get(key)!
          if (!units.some(([i, u]) => i === iso && u === unit)) units.push([iso, unit])
        }
      }
    }
    arabicAdmin1 = { names, byName, nounKeys: (data._province_nouns as string[]).map(normalizePlaceName) }
  }
  return arabicAdmin1
}

/** "محافظة نينوى" → "نينوى": a province name without the province noun before it. */
function withoutProvinceNoun(name: string): string {
  const trimmed = name.trim()
  const space = trimmed.indexOf(' ')
  return space > 0 && arabicAdmin1Table().nounKeys.includes(normalizePlaceName(trimmed.slice(0, space))) ? trimmed.slice(space + 1).trim() : trimmed
}

/** Countries by ISO2, ISO3 and every name key; admin1 units by key, per country and worldwide. */
export class CountryDirectory {
  readonly countries = new Map<string, CountryInfo>()
  private readonly byName = new Map<string, CountryInfo>()
  private readonly admin1ByCountry = new Map<string, Map<string, Admin1Info>>()
  private readonly admin1ExactByCountry = new Map<string, Map<string, Admin1Info>>()
  private admin1World: Map<string, Admin1Info[]> | undefined
  private arabicAdmin1Keys: Set<string> | undefined
  private readonly admin1SoundsByCountry = new Map<string, Map<string, Admin1Info[]>>()

  constructor(file: GazetteerIndexFile) {
    for (const [iso, c] of Object.entries(file.countries)) {
      const admin1 = withOutputNames(iso, c.admin1)
      const info: CountryInfo = { ...c, admin1 }
      this.countries.set(iso, info)
      for (const n of [c.name, ...c.aliases]) {
        const k = normalizePlaceName(n)
        if (k && !this.byName.has(k)) this.byName.set(k, info)
      }
    }
  }

  /** country("IQ"), country("IRQ"), country("Iraq"), country("DRC") */
  country(nameOrIso: string): CountryInfo | undefined {
    const s = nameOrIso.trim()
    if (s.length === 2 && this.countries.has(s.toUpperCase())) return this.countries.get(s.toUpperCase())
    if (s.length === 3 && s === s.toUpperCase()) {
      for (const c of this.countries.values()) if (c.iso3 === s) return c
    }
    return this.byName.get(normalizePlaceName(s))
  }

  /**
   * Alias-tolerant admin1 lookup inside one country. A unit's own spelling wins over a looser key:
   * "Moscow" is the city, "Moscow Oblast" the oblast, though both keys read "moscow".
   */
  admin1(iso: string, name: string): Admin1Info | undefined {
    const k = admin1Key(name)
    if (k.length === 0) return undefined
    return this.admin1Exact(iso).get(name.trim().toLowerCase()) ?? this.admin1Keys(iso).get(k) ?? (isArabicScript(name) ? this.admin1BySound(iso, name) : undefined)
  }

  /**
   * A province named in Arabic script ("الأنبار", "محافظة نينوى"): the one unit of the country whose name,
   * alias or ACLED name has the same consonants (consonant-key.ts: "الأنبار" and "Al-Anbar" both read N B R).
   */
  private admin1BySound(iso: string, name: string): Admin1Info | undefined {
    const bare = withoutProvinceNoun(name)
    // the Arabic names the project keeps for provinces (data/gazetteer/admin1-names-ar.json), then consonants
    const named = arabicAdmin1Table().names.get(`${iso}|${normalizePlaceName(bare)}`)
    if (named) return this.countries.get(iso)?.admin1.find((a) => a.name === named)
    const key = consonantKey(stripAdminWords(bare))
    if (consonantCount(key) < 3) return undefined
    const hits = this.admin1Sounds(iso).get(key) ?? []
    return hits.length === 1 ? hits[0] : undefined
  }

  // each unit under the consonants of its name, ACLED name and aliases, computed once per country
  private admin1Sounds(iso: string): Map<string, Admin1Info[]> {
    let sounds = this.admin1SoundsByCountry.get(iso)
    if (sounds) return sounds
    sounds = new Map()
    for (const a of this.countries.get(iso)?.admin1 ?? []) {
      for (const k of new Set([a.name, a.acled, ...a.aliases].map((n) => consonantKey(stripAdminWords(n))))) {
        const list = sounds.get(k)
        if (!list) sounds.set(k, [a])
        else list.push(a)
      }
    }
    this.admin1SoundsByCountry.set(iso, sounds)
    return sounds
  }

  /** The same, across all countries. */
  admin1Anywhere(name: string): Admin1Info[] {
    // Arabic text tries every word and word pair as a province name: one key and a set say "none" to most
    if (isArabicScript(name) && !this.mayBeArabicAdmin1(normalizePlaceName(name))) return []
    return this.admin1AnywhereByKeys(name)
  }

  /** Could this Arabic key (normal form) name a province anywhere? From a set built once. */
  mayBeArabicAdmin1(key: string): boolean {
    const keys = (this.arabicAdmin1Keys ??= new Set([...[...this.world().keys()].filter(isArabicScript), ...arabicAdmin1Table().byName.keys()]))
    return keys.has(key) || arabicAdmin1Table().nounKeys.some((p) => key.startsWith(p) && keys.has(key.slice(p.length)))
  }

  // every country's units by key, built on first use
  private world(): Map<string, Admin1Info[]> {
    if (!this.admin1World) {
      const world = new Map<string, Admin1Info[]>()
      for (const iso of this.countries.keys()) {
        for (const [k, a] of this.admin1Keys(iso)) {
          const list = world.get(k)
          if (!list) world.set(k, [a])
          else if (!list.includes(a)) list.push(a)
        }
      }
      this.admin1World = world
    }
    return this.admin1World
  }

  private admin1AnywhereByKeys(name: string): Admin1Info[] {
    const hits = this.world().get(admin1Key(name)) ?? []
    if (hits.length || !isArabicScript(name)) return hits
    // an Arabic province name: the units data/gazetteer/admin1-names-ar.json names so, in any country
    const key = normalizePlaceName(withoutProvinceNoun(name))
    const out: Admin1Info[] = []
    for (const [iso, unit] of arabicAdmin1Table().byName.get(key) ?? []) {
      const a = this.countries.get(iso)?.admin1.find((x) => x.name === unit)
      if (a) out.push(a)
    }
    return out
  }

  private admin1Exact(iso: string): Map<string, Admin1Info> {
    let exact = this.admin1ExactByCountry.get(iso)
    if (exact) return exact
    exact = new Map()
    for (const a of this.countries.get(iso)?.admin1 ?? []) exact.set(a.name.toLowerCase(), a)
    for (const a of this.countries.get(iso)?.admin1 ?? []) if (!exact.has(a.acled.toLowerCase())) exact.set(a.acled.toLowerCase(), a)
    this.admin1ExactByCountry.set(iso, exact)
    return exact
  }

  private admin1Keys(iso: string): Map<string, Admin1Info> {
    let keys = this.admin1ByCountry.get(iso)
    if (keys) return keys
    keys = new Map()
    const c = this.countries.get(iso)
    // Canonical names first so an alias never shadows another unit's own name; of two units whose
    // keys collide, the one named without a "Province"-like word keeps the key (Moscow, not Moscow Oblast).
    const units = (c?.admin1 ?? []).map((a) => ({ a, core: stripAdminWords(a.name) }))
      .sort((x, y) => Number(x.core !== x.a.name) - Number(y.core !== y.a.name))
    for (const { a, core } of units) {
      const k = normalizePlaceName(core) // admin1Key(a.name), the stripped name computed once
      if (!keys.has(k)) keys.set(k, a)
    }
    // the spelling Sitrep writes must also be read back ("Bekaa" for the unit named "Beqaa"); the generic
    // rule only drops words the keys ignore anyway, so the table's spellings and "District" are the new keys
    const table = acledNameTable().admin1[iso] ?? {}
    for (const a of c?.admin1 ?? []) {
      if (!(a.name in table) && !/ district$/i.test(a.name)) continue
      const k = admin1Key(a.acled)
      if (k && !keys.has(k)) keys.set(k, a)
    }
    for (const a of c?.admin1 ?? []) {
      for (const alias of a.aliases) {
        const k = admin1Key(alias)
        if (k && !keys.has(k)) keys.set(k, a)
      }
    }
    this.admin1ByCountry.set(iso, keys)
    return keys
  }
}
