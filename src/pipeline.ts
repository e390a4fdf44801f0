import type { ReportInput, SitrepEvent, Diagnostic } from './types.js'
import { makeDoc, type Doc } from './doc.js'
import { rules as defaultRules, type Rules } from './data/load.js'
import { makeSegmenter } from './text/segment.js'
import { makeActorFinder } from './entities/actors.js'
import { makeDateFinder } from './entities/dates.js'
import { makePlaceFinder, type PlaceCues } from './entities/places.js'
import { makeCountFinder } from './entities/casualties.js'
import { makeCandidateStage } from './coding/candidate.js'
import { clusterCandidates } from './coding/cluster.js'
import { makeFinalizer, type Locator } from './coding/finalize.js'
import type { NamedActor } from './coding/actor-names.js'
import { findClaimant, reportDate, dominantGroup, reportSides } from './coding/report-context.js'
import { makeNameOnlyLocator } from './coding/locate.js'
import { makeGazetteerLocator } from './coding/locate-gazetteer.js'
import { readFileSync } from 'node:fs'
import { loadGazetteer } from './geo/gazetteer.js'
import type { Gazetteer } from './geo/types.js'
import { candidateCountries, placesNamed, focusFromPlaces } from './entities/place-context.js'
import { join } from 'node:path'

export type CoderOptions = { rules?: Rules; locator?: (r: Rules) => Locator; gazetteer?: Gazetteer | null }
export type Stage = (doc: Doc) => Doc

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
  const finalize = makeFinalizer(r, locator)
  const findCounts = makeCountFinder(r)

  const stages: Stage[] = [
    (d) => ({ ...d, seg: segment(d.text) }),
    (d) => ({ ...d, ...findActors(d.seg!.sentences) }),
    (d) => ({ ...d, dates: findDates(d.text, d.seg!.sentences, d.published, d.diagnostics) }),
    (d) => {
      const cands = candidateCountries(d.countries!, d.actors!)
      const known = (name: string) => !!gaz && cands.length > 0 && placesNamed(gaz, name, cands).length > 0
      return { ...d, places: findPlaces(d.text, d.seg!.sentences, [...d.actors!, ...d.countries!], known) }
    },
    (d) => ({ ...d, counts: d.seg!.sentences.flatMap(findCounts) }),
    (d) => ({ ...d, focus: focusFromPlaces(gaz, d.countries!, d.places!, candidateCountries(d.countries!, d.actors!)) }),
    makeCandidateStage(r),
    (d) => {
      const claimant = findClaimant(d)
      const group = dominantGroup(d)
      const sides = reportSides(d)
      const date = reportDate(d, d.candidates!)
      const events: SitrepEvent[] = []
      // an incident told without its doer ("air strikes hit the town") carries over the doer named just before
      let last: NamedActor | null = null
      for (const dr of clusterCandidates(d.candidates!)) {
        const e = finalize(dr, d, claimant, group, dr.background ? null : last, sides, date)
        if (!e) continue
        events.push(e)
        if (!e.background && e.actor1 && e.inter1 !== null && e.inter1 <= 3 && !e.actor1.startsWith('Unidentified')) last = { name: e.actor1, inter: e.inter1, rule: 'carried' }
      }
      return { ...d, events }
    },
  ]
  return function codeDoc(input: ReportInput): Doc {
    let doc = makeDoc(input)
    for (const stage of stages) doc = stage(doc)
    return doc
  }
}

export type CodeResult = { id: string; events: SitrepEvent[]; diagnostics: Diagnostic[] }
