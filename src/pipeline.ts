import type { ReportInput, SitrepEvent, Diagnostic } from './types.js'
import { makeDoc, type Doc } from './doc.js'
import { rules as defaultRules, type Rules } from './data/load.js'
import { makeSegmenter } from './text/segment.js'
import { makeFurnitureFinder, withoutFurniture } from './text/furniture.js'
import { findDateline } from './text/dateline.js'
import { publishedStage } from './text/published.js'
import { makeActorFinder } from './entities/actors.js'
import { makeDateFinder } from './entities/dates.js'
import { makePlaceFinder, type PlaceCues } from './entities/places.js'
import { makeCountFinder } from './entities/casualties.js'
import { makeCandidateStage } from './coding/candidate.js'
import type { Locator } from './coding/finalize.js'
import { makeEventStage } from './coding/event-stage.js'
import { loadEventScorer, type EventScorer } from './coding/event-scorer.js'
import { makeNameOnlyLocator } from './coding/locate.js'
import { makeGazetteerLocator } from './coding/locate-gazetteer.js'
import { readFileSync } from 'node:fs'
import { loadGazetteer } from './geo/gazetteer.js'
import type { Gazetteer } from './geo/types.js'
import { candidateCountries, focusFromPlaces, datelineCountry, knownPlaces } from './entities/place-context.js'
import { join } from 'node:path'
import { detectLanguage } from './lang/detect.js'
import { arabicStages } from './lang/ar/stages.js'

export type CoderOptions = {
  rules?: Rules
  locator?: (r: Rules) => Locator
  /** the gazetteer; null codes place names without coordinates */
  gazetteer?: Gazetteer | null
  /** the learned event scorer; default: data/models/event-scorer.json when present; null: the rules alone */
  scorer?: EventScorer | null
  /** keep every event's scorer features on the document (doc.scored), dropped ones included */
  keepFeatures?: boolean
  /** when given, milliseconds spent in each stage are added to it (for benchmarks) */
  timings?: Map<string, number>
}
export type Stage = (doc: Doc) => Doc

// the languages coded besides English, each built on its first report from its pack (data/lang/<lang>/)
const OTHER_LANGUAGES: Record<string, typeof arabicStages> = { ar: arabicStages }

/** Builds the coder: the stage order is the one literal list below, read top to bottom. */
export function makeCoder(opts: CoderOptions = {}) {
  const r = opts.rules ?? defaultRules()
  const segment = makeSegmenter()
  const findActors = makeActorFinder(r)
  const findDates = makeDateFinder(r)
  const findPlaces = makePlaceFinder(JSON.parse(readFileSync(join(r.dir, 'rules/places.json'), 'utf8')) as PlaceCues)
  const byIso = new Map(r.countries.map((c) => [c.iso2, c]))
  const gaz = opts.gazetteer === undefined ? loadGazetteer() : opts.gazetteer
  const locator = opts.locator ? opts.locator(r) : gaz ? makeGazetteerLocator(gaz) : makeNameOnlyLocator((iso) => byIso.get(iso))
  const findCounts = makeCountFinder(r)
  const findFurniture = makeFurnitureFinder(r.furniture)

  const stages: [string, Stage][] = [
    ['segment', (d) => ({ ...d, seg: segment(d.text) })],
    ['furniture', (d) => {
      const furniture = findFurniture(d.text)
      const seg = withoutFurniture(d.seg!, furniture)
      const dateline = findDateline(d.text, seg.sentences[0]?.start ?? 0)
      return { ...d, furniture, seg, ...(dateline ? { dateline } : {}) }
    }],
    ['published', publishedStage],
    ['actors', (d) => ({ ...d, ...findActors(d.seg!.sentences, d.text) })],
    ['dates', (d) => ({ ...d, dates: findDates(d.text, d.seg!.sentences, d.published, d.diagnostics).filter((x) => x.start >= (d.dateline?.end ?? 0)) })],
    ['places', (d) => {
      const cands = candidateCountries(d.countries!, d.actors!, gaz ? datelineCountry(gaz, d.text, d.dateline, d.countries!) : null)
      const known = knownPlaces(gaz, cands)
      return { ...d, countryCandidates: cands, places: findPlaces(d.text, d.seg!.sentences, [...d.actors!, ...d.countries!], known, d.dateline) }
    }],
    ['counts', (d) => ({ ...d, counts: d.seg!.sentences.flatMap(findCounts).filter((c) => c.start >= (d.dateline?.end ?? 0)) })],
    ['focus', (d) => ({ ...d, focus: focusFromPlaces(gaz, d.countries!, d.places!, d.countryCandidates!, d.actors!) })],
    ['candidates', makeCandidateStage(r)],
    ['events', makeEventStage(r, locator, opts.scorer === undefined ? loadEventScorer(r.dir) : opts.scorer, opts.keepFeatures ?? false)],
  ]
  const timings = opts.timings
  const byLang = new Map<string, [string, Stage][]>([['en', stages]])
  const stagesOf = (lang: string): [string, Stage][] => {
    let s = byLang.get(lang)
    if (!s) {
      const build = OTHER_LANGUAGES[lang]
      if (!build) throw new Error(`no stages for language "${lang}"`)
      // each language's events have their own scorer, trained on its train split (data/models/event-scorer-<lang>.json)
      s = build(r, gaz, locator, { scorer: opts.scorer === undefined ? loadEventScorer(r.dir, `event-scorer-${lang}`) : opts.scorer, keepFeatures: opts.keepFeatures ?? false })
      byLang.set(lang, s)
    }
    return s
  }
  return function codeDoc(input: ReportInput): Doc {
    const lang = detectLanguage(input.text, input.lang)
    // Persian, Urdu, Kurdish share Arabic script but not its words: refused, never coded as Arabic
    if (!lang.coded) throw new UnsupportedLanguageError(lang.lang, `the report is in ${lang.name} (${lang.lang}), which Sitrep does not code yet; it codes English and Arabic (--lang overrides the guess)`)
    let doc: Doc = { ...makeDoc(input), lang: lang.lang }
    for (const [name, stage] of stagesOf(lang.lang)) {
      if (!timings) { doc = stage(doc); continue }
      const t0 = performance.now()
      doc = stage(doc)
      timings.set(name, (timings.get(name) ?? 0) + performance.now() - t0)
    }
    return doc
  }
}


/** A report in a language Sitrep does not code: refused with the language named, never coded as English or Arabic. */
export class UnsupportedLanguageError extends Error {
  constructor(readonly lang: string, message: string) { super(message); this.name = 'UnsupportedLanguageError' }
}

export type CodeResult = { id: string; events: SitrepEvent[]; diagnostics: Diagnostic[] }
