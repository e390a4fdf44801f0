import type { Syntax } from '../data/syntax.js'
import type { Doc } from '../doc.js'
import type { ActorMention } from '../entities/actors.js'
import type { DateMention } from '../entities/dates.js'
import type { PlaceMention } from '../entities/places.js'
import type { Count } from '../entities/casualties.js'
import type { Rules } from '../data/load.js'
import { makeTriggerFinder, clausesOf, type TriggerHit, type Clause } from './triggers.js'
import { anyWordIn, assignRoles, type Roles } from './roles.js'
import { makeClassifier, type Classification } from './classify.js'
import { parseDay } from '../entities/relative-dates.js'
import type { Sentence } from '../text/segment.js'
import { bySentence } from '../text/by-sentence.js'
import { makePhraseMatcher } from '../entities/phrase-matcher.js'

/** One clause that reports an incident: the raw material of an event. */
export type Candidate = Classification & {
  clause: Clause
  hits: TriggerHit[]
  classes: Set<string>
  roles: Roles
  actors: ActorMention[]
  places: PlaceMention[]
  date: DateMention | null
  deaths: Count[]
  arrests: Count[]
  background: { value: boolean; rule: string; span?: { start: number; end: number } }
  /** its sentence lacks what its sub-event type needs (data/rules/sub-event-rules.json requirements): kept only beside violence */
  needsContext?: boolean
}

const BACKGROUND_DAYS = 14
// cues of time that date their whole clause wherever they stand in it
const CONTEXT_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots', 'Protests'])
const PASSIVE = /^(was|were|been|being|is|are|got)$/
const BACKGROUND_RULES = /^relative:(week-before-event|days-after-event)$/

/** Stage: finds the clauses that report incidents and classifies each (codebook precedence via the rule table). */
export function makeCandidateStage(r: Rules) {
  const finder = makeTriggerFinder(r)
  const classify = makeClassifier(r)
  const accidentClasses = new Set(r.subEvents.suppress.accidents.classes)
  const needs = new Map(r.subEvents.requirements.rules.map((q) => [q.sub, {
    words: makePhraseMatcher(q.words.map((pattern) => ({ pattern, value: true }))),
    not: makePhraseMatcher(q.not_words.map((pattern) => ({ pattern, value: true }))),
    also: q.also ? makePhraseMatcher(q.also.map((pattern) => ({ pattern, value: true }))) : null,
    actors: new Set(q.actors),
  }]))
  // "arrested a man over the murder of his wife", "signed a trade deal": no conflict party, no event (codebook)
  const meetsNeeds = (sub: string, s: Sentence, actors: ActorMention[]) => {
    const q = needs.get(sub)
    if (!q) return true
    if (q.not(s.words).length) return false
    // "failed to meet the provisions of the agreement": a mention of an agreement, not one made
    if (q.also && q.also(s.words).length === 0) return false
    return q.words(s.words).length > 0 || actors.some((a) => q.actors.has(a.ref.kind))
  }
  // "أعلنت قيادة العمليات أن ...": where the verb comes first, an actor just after a verb of saying is the source
  // but "أعلنت القيادة مقتل انتحاريين" (announced the killing of): a deed's noun right after it is its own deed
  const spokeFirst = (s: Sentence, a: ActorMention) => anyWordIn(s.words.slice(Math.max(0, a.first - 2), a.first), r.syntax.speaker_cues)
    && !anyWordIn(s.words.slice(a.last + 1, a.last + 4), r.syntax.own_deed_cues)
  const controllerBefore = makePhraseMatcher(r.roles.controller.before.map((pattern) => ({ pattern, value: true })))
  const controllerAfter = new Set(r.roles.controller.after)
  const notDoerAfter = new Set(r.roles.country_doer.not_after)
  // "rebel-held", "held by the Houthis": who holds a place is not who acts there (data/rules/roles.json)
  const isController = (s: Sentence, a: ActorMention) => controllerAfter.has(s.words[a.last + 1]?.lower ?? '') && doc0Gap(s, a.last) <= 1
    || controllerBefore(s.words.slice(Math.max(0, a.first - 5), a.first)).some((m) => m.last === Math.min(a.first, 5) - 1)
  const frames = r.pageFrames.frames.map((f) => ({ ...f, match: makePhraseMatcher(f.cues.map((pattern) => ({ pattern, value: true }))), classes: new Set(f.classes ?? []) }))
  // a verb of killing names an incident even with no count ("killed", "قتل"): data/rules or the language pack
  const killWords = r.syntax.kill_words
  const isKillWord = (w: Sentence['words'][number]) => [w.lower, ...(w.forms ?? [])].some((k) => killWords.some((p) => k.startsWith(p)))
  const clauseCues = makePhraseMatcher(r.dates.context.clause.patterns.map((pattern) => ({ pattern, value: 'clause' })))
  const phraseCues = makePhraseMatcher(r.dates.context.phrase.patterns.map((pattern) => ({ pattern, value: 'phrase' })))
  return function candidates(doc: Doc): Doc {
    const seg = doc.seg!
    // with no publication date, the latest full date the article gives stands for "now": a page that tells
    // of 2023 and recalls "April 14th, 2014" recalls the past
    const latest = Math.max(...(doc.dates ?? []).filter((d) => d.date && d.precision === 1 && /^\d{4}/.test(d.date) && d.rule.startsWith('explicit-day') && d.rule !== 'explicit-day-no-year').map((d) => parseDay(d.date!)))
    const pub = doc.published ? parseDay(doc.published) : Number.isFinite(latest) ? latest : NaN
    const out: Candidate[] = []
    const triggers: TriggerHit[] = []
    const actorsOf = bySentence(doc.actors), countriesOf = bySentence(doc.countries), datesOf = bySentence(doc.dates), countsOf = bySentence(doc.counts), placesOf = bySentence(doc.places)
    // a page that opens on an accident or a disaster and names no specific violence there: its later
    // "killed" and "explosion" are that accident's too (codebook: accidents are not events)
    const lead = seg.sentences.slice(0, 3)
    const accidentPage = lead.some((s) => finder.accidents(s)) && !lead.some((s) => finder.triggers(s).some((h) => !h.generic && !accidentClasses.has(h.cls)))
    // a language whose pack says so (Arabic): a page whose lead tells of a crime and of no specific violence is
    // that crime's page; its killings and arrests are the crime's, as an accident page's deaths are the accident's
    const crimePage = r.syntax.crime_pages && lead.some((s) => finder.crime(s)) && !lead.some((s) => finder.triggers(s).some((h) => !h.generic && h.cls !== 'ARREST'))
    // data/rules/page-frames.json: a sports report, a trial, a commemoration, told by the lead's words
    const onFrames = frames.filter((f) => new Set(lead.flatMap((s) => f.match(s.words).map((m) => m.pattern.toLowerCase()))).size >= f.min)
    const suppressing = onFrames.filter((f) => f.effect === 'suppress'), pastFrame = onFrames.find((f) => f.effect === 'background')
    for (const s of seg.sentences) {
      const hits = finder.triggers(s)
      if (hits.length === 0) continue
      triggers.push(...hits)
      const accident = accidentPage || finder.accidents(s)
      const supp = finder.suppressors(s)
      const phrases = phraseCues(s.words), times = clauseCues(s.words)
      // "followed a bomb attack on Sunday", "days after the strike": this mention points at an earlier incident
      const recalled = (h: TriggerHit) => phrases.some((m) => m.last < h.first && h.first - m.last <= 4)
      for (const clause of clausesOf(doc.text, s)) {
        const inside = hits.filter((h) => h.first >= clause.first && h.last <= clause.last)
        // "detained a woman suspected of planting the bomb that killed six": the relative clause points at
        // another incident, so its triggers do not type this one
        const referring = (h: TriggerHit) => /^(that|which|who)$/.test(s.words[h.first - 1]?.lower ?? '') && h.first > clause.first + 2
        const told = inside.some((h) => !referring(h)) ? inside.filter((h) => !referring(h)) : inside
        // mentions of an earlier incident leave the clause to its own news; alone, they are that incident, as context
        const own = told.some((h) => !recalled(h)) ? told.filter((h) => !recalled(h)) : told
        // a cue of time opening the clause ("Last month, ..."), or an unambiguous one anywhere in it ("... late last month")
        const firstOwn = Math.min(...own.map((h) => h.first))
        const context = own.every(recalled) ? 'context-phrase'
          : times.some((m) => m.first >= clause.first && m.last <= clause.last && (m.first < firstOwn || r.syntax.late_cues.has(m.pattern))) ? 'context-clause' : null
        if (own.length === 0) continue
        // "a bus plunged into a ravine, killing 29": generic words of death in an accident's sentence;
        // "a man killed his wife": in a sentence of individual crime
        if (accident && own.every((h) => h.generic || accidentClasses.has(h.cls))) continue
        if (finder.crime(s) && own.every((h) => h.generic)) continue
        if (crimePage && own.every((h) => h.generic || h.cls === 'ARREST')) continue
        if (suppressing.some((f) => own.every((h) => h.generic || f.classes.has(h.cls)))) continue
        const firstHit = Math.min(...own.map((h) => h.first))
        // a threat, denial, habit or trial before the trigger: no incident reported here
        if (supp.some((x) => x.first >= clause.first && x.last <= clause.last && (x.scope === 'clause' || x.first < firstHit))) continue
        const inClause = <T extends { start: number; end: number }>(xs: T[] | undefined) =>
          (xs ?? []).filter((x) => x.start >= clause.start && x.end <= clause.end)
        const actors = inClause(actorsOf(s.index)).filter((a) => !isSpeaker(s.words, a) && !isController(s, a) && !spokeFirst(s, a))
        // roles are read around the first trigger: the verb of the clause's main incident
        // "Rioters set fire to the office": a trigger word that is itself the actor's name is not the verb
        const byPos = [...own].sort((a, b) => a.first - b.first)
        const main = byPos.find((h) => !actors.some((m) => h.start >= m.start && h.end <= m.end)) ?? byPos[0]!
        const passive = PASSIVE.test(s.words[main.first - 1]?.lower ?? '') || PASSIVE.test(s.words[main.first - 2]?.lower ?? '')
        const roles = assignRoles(s, actors, main.first, passive, { verbFirst: r.syntax.verb_first, cls: main.cls, targetCues: r.syntax.target_cues, agentCues: r.syntax.agent_cues })
        if (!roles.agent || roles.agent.ref.kind === 'armed' || roles.agent.first > main.first) {
          // "Iran fired missiles", "Russia launched strikes": a state named as the doer is its armed forces
          // not "in central Mali" or "of Syria": a country after a preposition or a direction is a place (roles.json country_doer)
          const c = countriesOf(s.index).find((x) => !x.demonym && x.start >= (doc.dateline?.end ?? 0) && x.last < main.first && main.first - x.last <= 6 && x.start >= clause.start && !r.syntax.doer_break.test(doc.text.slice(x.end, main.start))
            && !notDoerAfter.has(s.words[x.first - 1]?.lower ?? ''))
          if (c) roles.agent = { start: c.start, end: c.end, sentence: c.sentence, first: c.first, last: c.last, ref: { kind: 'military', country: c.iso2 }, rule: 'country-as-doer' }
        }
        // "هيئة تحرير الشام": a trigger word inside a group's name is the name (the Arabic pack says so; English
        // keeps "Rioters" as the riot it names)
        const inName = (h: TriggerHit) => r.syntax.names_hold_triggers && actors.some((m) => m.ref.kind === 'group' && h.start >= m.start && h.end <= m.end)
        const classes = new Set((own.some((h) => !inName(h)) ? own.filter((h) => !inName(h)) : own).map((h) => h.cls))
        const c = classify(classes, roles, doc.focus?.iso2 ?? null)
        if (!c) continue
        const needy = !meetsNeeds(c.sub, s, actorsOf(s.index))
        if (needy && needs.get(c.sub)!.not(s.words).length) continue
        // "arrested a man over the murder of his wife": an arrest for an ordinary crime, however the clause is typed
        if (classes.has('ARREST') && needs.get('Arrests')?.not(s.words).length) continue
        // "has stepped up attacks", "responding to attacks by insurgents": a generic word with no count, no
        // date and no killing verb names violence in general, not an incident
        if (own.every((h) => h.generic && h.cls !== 'EXPLOSION') && !countsOf(s.index).some((x) => x.start >= clause.start && x.end <= clause.end)
          && !own.some((h) => h.cls === 'KILL' && !!s.words[h.first] && isKillWord(s.words[h.first]!))
          && !datesOf(s.index).some((d) => d.start >= clause.start && d.end <= clause.end && d.date)) continue
        const date = pickDate(inClause(datesOf(s.index)), datesOf(s.index), main.start)
        const counts = inClause(countsOf(s.index))
        const cand: Candidate = {
          ...c, clause, hits: own, classes, roles, actors,
          places: inClause(placesOf(s.index)).filter((p) => p.cue !== 'from' && p.cue !== 'dateline'),
          date, deaths: counts.filter((x) => x.what === 'deaths'), arrests: counts.filter((x) => x.what === 'arrests'),
          background: backgroundOf(date, pub, doc.text.slice(clause.start, clause.end), context ?? (pastFrame ? `page-frame:${pastFrame.name}${pastFrame.fresh_exempt ? '' : ':always'}` : null)),
          ...(needy ? { needsContext: true } : {}),
        }
        out.push(...splitKillingsFromAbductions(cand, classify(new Set(['KILL']), { ...roles, target: null }, null))
          .flatMap((x) => splitByVictims(x, actors)).flatMap((x) => splitByPlace(doc.text, x, r.syntax)))
      }
    }
    // an arrest with no conflict word of its own is news only in a report of violence ("police arrested six men" after a lynching)
    const violent = out.some((c) => !c.needsContext && CONTEXT_TYPES.has(c.type))
    return { ...doc, triggers, candidates: markContext(out.filter((c) => !c.needsContext || violent), doc.dates ?? []) }
  }
}

// characters between a word and the next, from their offsets ("rebel-held": 1)
const doc0Gap = (s: Sentence, i: number) => (s.words[i + 1] ? s.words[i + 1]!.start - s.words[i]!.end : Infinity)

const SPEECH = /^(said|says|say|told|reported|announced|added|stated|confirmed|according|quoted|spokesman|spokesperson|statement)$/
// "..., police said": the one speaking is a source, not a side of the incident
function isSpeaker(words: Sentence['words'], a: ActorMention): boolean {
  const next = words[a.last + 1]?.lower ?? ''
  const prev = words[a.first - 1]?.lower ?? ''
  // "the Houthi-run health ministry said": a source named within a few words of its verb of speech
  // "police and medical sources said": sources joined to the speaker
  const joined = words.slice(a.last + 1, a.last + 6).map((w) => w.lower).join(' ')
  if (/^and (\w+ )?(sources|officials|medics|witnesses|residents|doctors) (said|say|says|told|reported)\b/.test(joined)) return true
  const ahead = words.slice(a.last + 1, a.last + 5).map((w) => w.lower)
  const speechAt = ahead.findIndex((w) => SPEECH.test(w))
  // "the SDF said they had captured Baghouz": a speaker telling its own deed is its doer
  const told = words.slice(a.last + 2 + Math.max(0, speechAt), a.last + 6 + Math.max(0, speechAt)).map((w) => w.lower)
  if (speechAt >= 0 && /^(it|they|its|their|we|our)$/.test(told.find((w) => w !== 'that' && w !== 'on' && !/day$/.test(w)) ?? '')) return false
  if (speechAt >= 0 && !ahead.slice(0, speechAt).some((w) => /^(and|who|which|that|killed|attacked|fired|struck)$/.test(w))) return true
  return SPEECH.test(next) || (SPEECH.test(words[a.last + 2]?.lower ?? '') && /^(command|ministry|spokesman|officials|office|statement|sources|media)$/.test(next)) || (SPEECH.test(words[a.last + 2]?.lower ?? '') && /^(also|later|had|has|have)$/.test(next)) || prev === 'according' || (prev === 'to' && words[a.first - 2]?.lower === 'according')
}

/**
 * An incident dated days before the report's lead incident and told after it is the news's context
 * ("Tuesday's chemical attack" in a report on Friday's missile strike): background, as the codebook's
 * "mentioned as past context". So is an incident dated by a bare year told after a lead that names none.
 */
function markContext(all: Candidate[], dates: readonly DateMention[]): Candidate[] {
  // news dates its incident by a day or not at all; "In 2014, the group seized the islands" told after such a
  // lead is the story's history, even when the page shows no publication date to measure it against
  const first = all.find((c) => !c.background.value && c.clause.sentence <= 1)
  // the year may stand in the sentence's opening clause ("In 2020, the islands were taken over by ...")
  const years = new Map<number, DateMention[]>()
  for (const d of dates) if (d.yearOnly && d.role !== 'report') (years.get(d.sentence) ?? years.set(d.sentence, []).get(d.sentence)!).push(d)
  const yearOf = (c: Candidate) => (c.date?.yearOnly ? c.date : !c.date?.date ? years.get(c.clause.sentence)?.find((d) => d.end <= c.clause.end) : undefined)
  const cands = first && !first.date?.yearOnly
    ? all.map((c) => {
      const year = c.clause.sentence > first.clause.sentence && !c.background.value && c.date?.role !== 'report' ? yearOf(c) : undefined
      return year ? { ...c, background: { value: true, rule: 'year-only-after-the-lead', span: year } } : c
    })
    : all
  const lead = cands.find((c) => !c.background.value && c.date?.date && c.date.role !== 'report' && c.clause.sentence <= 1)
  if (!lead?.date?.date) return cands
  const limit = parseDay(lead.date.date) - 3 * 864e5
  return cands.map((c) => c !== lead && !c.background.value && c.clause.sentence > lead.clause.sentence && c.date?.date && c.date.role !== 'report' && c.date.precision === 1 && parseDay(c.date.date) <= limit
    ? { ...c, background: { value: true, rule: 'context-before-the-news', span: c.date } } : c)
}

/**
 * Codebook: "killing 41 people ... and abducting six others" is an Attack (the dead) and an Abduction (the taken);
 * a kidnapping whose victims are killed with no count given stays one Abduction carrying the deaths.
 */
function splitKillingsFromAbductions(c: Candidate, attack: ReturnType<ReturnType<typeof makeClassifier>>): Candidate[] {
  const counted = c.deaths.filter((d) => d.value > 3 || d.rule !== 'kill-verb+count')
  if (c.sub !== 'Abduction/forced disappearance' || !c.classes.has('KILL') || counted.length === 0 || !attack) return [c]
  return [{ ...c, sub: 'Attack', type: 'Violence against civilians', generic: false, rule: attack.rule },
    { ...c, deaths: [], hits: c.hits.filter((h) => h.cls !== 'KILL'), classes: new Set([...c.classes].filter((x) => x !== 'KILL')) }]
}

const ARMED_VICTIM = new Set(['military', 'police', 'armed', 'group'])

/**
 * Codebook: "when one attack kills both soldiers and civilians, code one Battles (or Explosions) event and one
 * Violence against civilians event". "Gunmen killed two soldiers and three civilians" is an Armed clash (2)
 * and an Attack (3).
 */
function splitByVictims(c: Candidate, actors: ActorMention[]): Candidate[] {
  if (c.type !== 'Battles' && c.type !== 'Violence against civilians' && c.type !== 'Explosions/Remote violence') return [c]
  const victimOf = (d: Candidate['deaths'][number]) => actors.find((a) => a.start >= d.end && a.start - d.end <= 12)?.ref.kind
  const armed = c.deaths.filter((d) => ARMED_VICTIM.has(victimOf(d) ?? ''))
  const civil = c.deaths.filter((d) => victimOf(d) === 'civilians')
  if (!armed.length || !civil.length) return [c]
  const fight: Candidate = c.type === 'Violence against civilians' ? { ...c, sub: 'Armed clash', type: 'Battles', generic: false, deaths: armed } : { ...c, generic: false, deaths: armed }
  return [fight, { ...c, sub: 'Attack', type: 'Violence against civilians', generic: false, deaths: civil }]
}

const SPLIT_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots', 'Protests'])

/**
 * Codebook: one event per place. "Drones struck Abqaiq and the Khurais oilfield" is two events; a count
 * given for both is split evenly, the remainder to the first (a count for one place, told later, wins).
 */
function splitByPlace(text: string, c: Candidate, syntax: Syntax): Candidate[] {
  const towns = c.places.filter((p) => p.feature !== 'admin1' && p.feature !== 'admin2')
  if (!SPLIT_TYPES.has(c.type) || towns.length < 2) return [c]
  // "Jableh and Tartus", "at Abqaiq and the Khurais oilfield", "Shebekino, Grayvoron and Borisovka"; not
  // "Alausa, Ikeja" (a place and its city): commas join a list only when "and" closes it
  const gaps = towns.slice(1).map((p, i) => text.slice(towns[i]!.end, p.start))
  const joined = towns.slice(1).every((p) => !p.relative) && syntax.list_and.test(gaps[gaps.length - 1]!) && gaps.slice(0, -1).every((g) => syntax.list_and.test(g) || syntax.list_comma.test(g))
  if (!joined) return [c]
  const n = towns.length
  return towns.map((town, i) => ({
    ...c, places: [town, ...c.places.filter((p) => !towns.includes(p))],
    deaths: c.deaths.map((d) => ({ ...d, value: Math.floor(d.value / n) + (i === 0 ? d.value % n : 0), rule: 'aggregate-split-evenly' })),
  }))
}

/**
 * The incident's date: one the text ties to it ("Sunday's bombing"), else the clause's date nearest the trigger
 * that is not the day something was said ("police said on Monday"), else such a date in the sentence.
 */
function pickDate(clause: DateMention[], sentence: DateMention[], at: number): DateMention | null {
  const usable = (ds: DateMention[]) => ds.filter((d) => d.date && !d.yearOnly)
  const near = (ds: DateMention[]) => [...ds].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0] ?? null
  const own = usable(clause)
  return own.find((d) => d.role === 'incident') ?? near(own.filter((d) => d.role === 'plain'))
    ?? usable(sentence).find((d) => d.role === 'incident') ?? near(usable(sentence).filter((d) => d.role === 'plain'))
    ?? near(own) ?? clause.find((d) => d.date) ?? null
}

function backgroundOf(date: DateMention | null, pub: number, clauseText: string, context: string | null): Candidate['background'] {
  if (date && BACKGROUND_RULES.test(date.rule)) return { value: true, rule: date.rule, span: date }
  // a cue of time says the clause recalls the past, unless it carries a day of the last days before publication
  // ("a day after troops killed ..." on the day before: still news; "followed an attack on Sunday" three days before: context)
  const age = date?.date && date.precision === 1 && !Number.isNaN(pub) ? (pub - parseDay(date.date)) / 864e5 : Infinity
  if (context && !(age <= (context === 'context-phrase' ? 1 : context.endsWith(':always') ? -Infinity : 3))) return { value: true, rule: context, ...(date ? { span: date } : {}) }
  if (date?.date && !Number.isNaN(pub) && parseDay(date.date) < pub - BACKGROUND_DAYS * 864e5) {
    return { value: true, rule: 'dated-before-publication', span: date }
  }
  if (/^\s*since\b|\byears ago\b|\blast year\b/i.test(clauseText) && !(date && date.precision === 1)) {
    return { value: true, rule: 'background-cue' }
  }
  return { value: false, rule: 'news' }
}
