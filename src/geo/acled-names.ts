import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod/v3'

const wordList = z.object({ words: z.array(z.string()), examples: z.record(z.string(), z.string()) })
const tableSchema = z.object({
  suffixes: wordList,
  prefixes: wordList,
  admin1: z.record(z.string(), z.record(z.string(), z.object({ acled: z.string().min(1), example: z.string().min(1) }))),
})
export type AcledNameTable = z.infer<typeof tableSchema>

let table: AcledNameTable | undefined
/** data/gazetteer/acled-names.json, read once. */
export function acledNameTable(): AcledNameTable {
  if (!table) {
    const file = fileURLToPath(new URL('../../data/gazetteer/acled-names.json', import.meta.url))
    const parsed = tableSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (!parsed.success) throw new Error(`gazetteer: ${file} is not an ACLED name table: ${parsed.error.message}`)
    table = parsed.data
  }
  return table
}

const PARENTHESES = /\s*\([^)]*\)\s*/g

/**
 * The generic rule: no parentheses, no leading "Muhafazat", no trailing "Province"-like word.
 * acledStyle("Borno State") === "Borno"; acledStyle("Quetta District") === "Quetta"
 */
export function acledStyle(name: string, t: AcledNameTable = acledNameTable()): string {
  let words = name.replace(PARENTHESES, ' ').trim().split(/\s+/).filter((w) => w.length > 0)
  const is = (w: string | undefined, list: string[]) => w !== undefined && list.some((x) => x.toLowerCase() === w.toLowerCase())
  if (words.length > 1 && is(words[0], t.prefixes.words)) words = words.slice(1)
  if (words.length > 1 && is(words[words.length - 1], t.suffixes.words)) words = words.slice(0, -1)
  return words.length > 0 ? words.join(' ') : name
}

/** The admin1 name as ACLED writes it: acledAdmin1("SY", "Days Az Zawr") === "Deir-ez-Zor" */
export function acledAdmin1(iso: string, name: string, t: AcledNameTable = acledNameTable()): string {
  return t.admin1[iso]?.[name]?.acled ?? acledStyle(name, t)
}

/** admin2 follows the generic rule: acledAdmin2("Mastung District") === "Mastung" */
export function acledAdmin2(name: string, t: AcledNameTable = acledNameTable()): string {
  return acledStyle(name, t)
}
