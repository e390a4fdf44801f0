import type { Diagnostic, ReportInput, SitrepEvent } from './types.js'
import type { Segmented } from './text/segment.js'
import type { Furniture } from './text/furniture.js'
import type { ActorMention, CountryMention } from './entities/actors.js'
import type { DateMention } from './entities/dates.js'
import type { PlaceMention } from './entities/places.js'
import type { Count } from './entities/casualties.js'
import type { TriggerHit } from './coding/triggers.js'
import type { Candidate } from './coding/candidate.js'
import type { Scored } from './coding/event-stage.js'

/** The one object that flows through every stage; stages add fields and never rewrite `text`. */
export type Doc = ReportInput & {
  diagnostics: Diagnostic[]
  /** the language its stages read it in (detected, or given) */
  lang?: string
  /** "BAGHDAD, Feb 18 —": the dispatch line; its place, country and date say where the report was filed */
  dateline?: { start: number; end: number }
  seg?: Segmented
  /** parts of the page that are not its article (menus, captions, other stories' headlines): never coded */
  furniture?: Furniture[]
  /** when the input had no publication date and the page showed one: the rule that read it */
  publishedFrom?: string
  actors?: ActorMention[]
  countries?: CountryMention[]
  dates?: DateMention[]
  /** countries the report may be about (named, where its groups operate, the dateline's), for place lookups */
  countryCandidates?: string[]
  places?: PlaceMention[]
  counts?: Count[]
  triggers?: TriggerHit[]
  /** the country the report is mostly about (ISO2), with the rule that chose it */
  focus?: { iso2: string | null; rule: string; ranked: string[] }
  candidates?: Candidate[]
  events?: SitrepEvent[]
  /** every coded event with the scorer's features and probability, when the coder keeps them (training, explaining) */
  scored?: Scored[]
}

export function makeDoc(input: ReportInput): Doc {
  return { ...input, diagnostics: [] }
}
