import { knownLanguages } from '../lang/detect.js'

export const LANG_HELP = 'the reports\' language, instead of the guess per report: en or ar (data/lang/languages.json)'

/** Checks `--lang`: a language Sitrep codes, or undefined when not given. */
export function langOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const langs = knownLanguages()
  const lang = langs[value]
  const coded = Object.entries(langs).filter(([, l]) => l.coded).map(([k]) => k)
  if (!lang) throw new Error(`--lang "${value}": not a language code Sitrep knows; it codes ${coded.join(', ')}`)
  if (!lang.coded) throw new Error(`--lang "${value}": ${lang.name} is not coded yet; Sitrep codes ${coded.join(', ')}`)
  return value
}
