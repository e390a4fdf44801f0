import { ENGLISH_SYNTAX, type Syntax } from './syntax.js'
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod/v3'
import * as S from './schemas.js'

/** The data/ folder shipped with the package (dist/data/load.js -> ../../data). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url))

export type Rules = ReturnType<typeof loadRules>

/** A JSON data file checked against its schema; a bad file throws naming the file and the first problems. */
export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`cannot read data file ${file}: ${(e as Error).message}`)
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new Error(`invalid data file ${file}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

/** Loads and validates every dictionary and rule table; bad data throws at start-up, naming the file. */
export function loadRules(dir = DEFAULT_DATA_DIR) {
  const actors = join(dir, 'actors')
  const groupFiles = existsSync(actors) ? readdirSync(actors).filter((f) => /^groups-.*\.json$/.test(f)).sort() : []
  const numbers = readJson(join(dir, 'rules/numbers.json'), S.NumbersSchema)
  return {
    dir,
    countries: readJson(join(actors, 'countries.json'), z.array(S.CountrySchema)),
    units: readJson(join(actors, 'units.json'), z.array(S.UnitSchema)),
    groups: groupFiles.flatMap((f) => readJson(join(actors, f), z.array(S.GroupSchema))),
    generic: readJson(join(actors, 'generic.json'), S.GenericSchema),
    triggers: readJson(join(dir, 'rules/triggers.json'), S.TriggersSchema),
    subEvents: readJson(join(dir, 'rules/sub-event-rules.json'), S.SubEventRulesSchema),
    dates: readJson(join(dir, 'rules/dates.json'), S.DatesSchema),
    furniture: readJson(join(dir, 'rules/furniture.json'), S.FurnitureSchema),
    roles: readJson(join(dir, 'rules/roles.json'), S.RolesSchema),
    pageFrames: readJson(join(dir, 'rules/page-frames.json'), S.PageFramesSchema),
    numbers: { ...numbers, hedgeWords: numbers.hedges.map((h) => h.split(' ')), onePerson: new Set(numbers.one_person.nouns) },
    syntax: ENGLISH_SYNTAX as Syntax, // other languages' packs bring theirs (src/data/syntax.ts)
  }
}

const cache = new Map<string, Rules>()
/** The rules of a data folder, loaded once per process (read-only after load). */
export function rules(dir = DEFAULT_DATA_DIR): Rules {
  let r = cache.get(dir)
  if (!r) { r = loadRules(dir); cache.set(dir, r) }
  return r
}
