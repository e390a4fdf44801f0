import { isArabicScript } from '../geo/normalize.js'
import type { Doc } from '../doc.js'
import type { Evidence, SitrepEvent, Inter, TimePrecision, Span } from '../types.js'
import type { Rules } from '../data/load.js'
import type { ActorMention } from '../entities/actors.js'
import type { Draft } from './cluster.js'
import type { Count } from '../entities/casualties.js'
import { makeActorNamer, type NamedActor } from './actor-names.js'
import { writeNotes } from './notes.js'
import type { Located } from './locate.js'

export type Locator = (draft: Draft, doc: Doc) => Located

const spans = (...xs: (Span | null | undefined)[]): Evidence => ({ kind: 'spans', spans: xs.filter((x): x is Span => !!x).map((x) => ({ start: x.start, end: x.end })) })
const rule = (name: string, ...xs: (Span | null | undefined)[]): Evidence => {
  const s = xs.filter((x): x is Span => !!x).map((x) => ({ start: x.start, end: x.end }))
  return s.length ? { kind: 'rule', rule: name, spans: s } : { kind: 'rule', rule: name }
}
const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians'])
const STATE = new Set(['military', 'police', 'government'])
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const anyOf = (phrases: string[]) => new RegExp(`\\b(${phrases.map(escape).join('|')})\\b`, 'i')
// the classes whose words may report deaths without a number (the language's syntax says which words do)
const DEATH_CLASSES = new Set(['KILL', 'MASSACRE'])

/** Turns one draft (the clauses of one incident) into a coded event with evidence for every field. */
export function makeFinalizer(r: Rules, locate: Locator) {
  const namer = makeActorNamer(r)
  const POLICE_SITE = anyOf(r.generic.targets.police)
  const MILITARY_SITE = anyOf(r.generic.targets.military)
  const WEAPON = new RegExp(`^(the )?(${r.generic.weapon_doers.pattern})$`, 'i')
  const ONE_SIDED = new Set(r.roles.one_sided.subs)
  const civilianProperty = r.roles.one_sided.civilian_property
  const CIVILIAN_PROPERTY = civilianProperty ? anyOf(civilianProperty.words) : null
  const ON_CIVILIAN_PROPERTY = new Set(civilianProperty?.subs ?? [])
  const DEFAULT_FORCE = new Set(r.roles.default_force.subs)
  const doerKinds = new Map(r.roles.doer_kinds.rules.flatMap((x) => x.subs.map((sub) => [sub, new Set(x.kinds)] as const)))
  return function finalize(draft: Draft, doc: Doc, claimant: ActorMention | null, reportGroup: ActorMention | null, inherited: NamedActor | null, sides: ActorMention[], reportDate: { date: string; precision: TimePrecision; evidence: Evidence } | null): SitrepEvent | null {
    const ev: Record<string, Evidence> = {}
    const where = englishPlace(locate(draft, doc))
    const iso = where.iso
    // date: the incident's own date, else the report's main date, else publication day
    const dated = draft.parts.map((p) => p.date).filter((d): d is NonNullable<typeof d> => !!d?.date && !d.yearOnly)
    const own = dated.find((d) => d.role === 'incident') ?? dated.find((d) => d.role === 'plain') ?? dated[0] ?? draft.parts.map((p) => p.date).find((d) => d?.date)
    let date: string | null = null, precision: TimePrecision | null = null
    if (own?.date) { date = own.date; precision = own.precision; ev.event_date = rule(own.rule, own) }
    else if (reportDate && !draft.background) { date = reportDate.date; precision = reportDate.precision; ev.event_date = reportDate.evidence }
    if (draft.background && (!own || own.yearOnly)) return null // codebook: background needs a month at least
    ev.time_precision = ev.event_date ?? rule('unknown')

    // the doer is read from the clauses that name the incident; a side remark ("soldiers at a checkpoint tried
    // to stop him", "five soldiers were among the dead") names a state force that did not plant the bomb
    const victimsSide = draft.type === 'Explosions/Remote violence' || draft.type === 'Violence against civilians'
    const sideRemark = (p: Draft['parts'][number], i: number) => i > 0 && p.generic && victimsSide
    const agents = draft.parts.filter((p, i) => !sideRemark(p, i)).map((p) => p.roles.agent)
      .concat(draft.parts.filter(sideRemark).map((p) => p.roles.agent).filter((a) => a && !STATE.has(a.ref.kind)))
    // unnamed attackers who bomb, kidnap or kill, as first told, stay the doers unless a group is named: "police
    // were searching for the man who hurled a grenade" later on does not make the police the bombers
    const firstAgent = agents[0] ?? null
    let agentM = victimsSide && firstAgent?.ref.kind === 'armed'
      ? agents.find((a) => a && a.ref.kind === 'group') ?? firstAgent
      : agents.find((a) => a && a.ref.kind !== 'armed') ?? agents.find(Boolean) ?? null
    let targetM = draft.parts.map((p) => p.roles.target).find((t) => t && t !== agentM) ?? null
    // data/rules/roles.json doer_kinds: soldiers "killed by a roadside bomb" are its target, never its doer
    const allowed = doerKinds.get(draft.sub)
    if (agentM && allowed && !allowed.has(agentM.ref.kind)) {
      if (!targetM && (agentM.ref.kind === 'military' || agentM.ref.kind === 'police')) targetM = agentM
      agentM = agents.find((a) => a && allowed.has(a.ref.kind)) ?? null
    }
    // "the militants", "the gunmen": in a report that names one armed group, that group
    const name = (m: ActorMention | null) => {
      if (m && m.ref.kind === 'armed' && reportGroup) {
        const n = namer.name(reportGroup, iso, date)
        return n ? { ...n, span: { start: m.start, end: m.end }, rule: 'coreference:report-group' } : null
      }
      return m ? namer.name(m, iso, date) : null
    }
    let a1: NamedActor | null = name(agentM) ?? (inherited && VIOLENT.has(draft.type) ? { ...inherited, span: undefined, rule: 'doer-carried-over' } : null)
    // a government is a side only of riots, protests and strategic developments, not of fighting
    let a2: NamedActor | null = targetM?.ref.kind === 'government' && VIOLENT.has(draft.type) ? null : name(targetM)
    // a claim names the doer when the text gave only the weapon ("drones struck") or an unnamed group
    const weaponOnly = agentM && agentM.ref.kind === 'military' && !agentM.ref.country && WEAPON.test(doc.text.slice(agentM.start, agentM.end))
    // a claim or an attribution covers the report's news, not the past incidents it recalls
    if (claimant && !draft.background && VIOLENT.has(draft.type) && (!agentM || agentM.ref.kind === 'armed' || weaponOnly)) {
      a1 = namer.name(claimant, iso, date)
      if (a1) a1 = { ...a1, rule: 'claim-of-responsibility' }
    }
    // an attack told with no doer, in a report about one armed group, is taken as that group's
    const fromReportGroup = () => {
      const n = reportGroup && !draft.background ? namer.name(reportGroup, iso, date) : null
      return n ? { ...n, span: undefined, rule: 'doer-is-the-report-group' } : null
    }
    const hasKind = (k: string) => draft.parts.some((p) => p.actors.some((m) => m.ref.kind === k))
    const { value: deaths, counts: deathsFrom } = fatalityCount(draft)
    switch (draft.type) {
      case 'Protests': {
        // the force facing the crowd: the doer if armed (a state force or an armed group acting as authority)
        const armed = (m: ActorMention | null) => !!m && (STATE.has(m.ref.kind) || m.ref.kind === 'group')
        const force = (armed(agentM) ? agentM : null) ?? draft.parts.flatMap((p) => p.actors).find((m) => m.ref.kind === 'group' && m.ref.groups[0]!.inter <= 3)
          ?? draft.parts.flatMap((p) => p.actors).find((m) => STATE.has(m.ref.kind) && m.ref.kind !== 'government')
        if (draft.sub === 'Excessive force against protesters') {
          a1 = name(force ?? null) ?? namer.name({ ...placeholder('police') }, iso, date)
          a2 = namer.generic('protesters', iso, 'protest-crowd')
        } else {
          a1 = namer.generic('protesters', iso, 'protest-crowd')
          const police = DEFAULT_FORCE.has(draft.sub) ? namer.name(placeholder('police'), iso, date) : null
          a2 = draft.sub === 'Protest with intervention' ? name(force ?? null) ?? (police ? { ...police, rule: 'default-force' } : null) : null
        }
        break
      }
      case 'Riots':
        a1 = namer.generic('rioters', iso, 'riot-crowd')
        if (draft.sub === 'Mob violence') a2 = namer.generic('civilians', iso, 'mob-victims')
        else if (targetM?.ref.kind !== 'police' && targetM?.ref.kind !== 'government') {
          // rioters fighting the police: the force the incident's clauses name faces the crowd
          const force = draft.parts.flatMap((p) => p.actors).find((m) => m.ref.kind === 'police' || m.ref.kind === 'military')
          a2 = force ? name(force) : null
        }
        break
      case 'Violence against civilians':
        if (!a1 || a1.inter === 7) a1 = fromReportGroup() ?? namer.generic('armed', iso, 'unnamed-perpetrator')
        a2 = namer.generic('civilians', iso, 'victims-are-civilians')
        break
      case 'Explosions/Remote violence':
        if (!a1 || a1.inter === 7) a1 = fromReportGroup() ?? namer.generic('armed', iso, 'unnamed-perpetrator')
        if (a2 && (a2.inter === 5 || a2.inter === 6)) a2 = null // a crowd hit by a bomb is civilians
        if ((!a2 || a2.name === a1?.name) && (hasKind('civilians') || hasKind('rioters') || deaths > 0)) a2 = namer.generic('civilians', iso, 'victims-are-civilians')
        break
      case 'Battles':
        if (!a1) a1 = namer.generic('armed', iso, 'unnamed-side')
        break
      default:
        if (draft.sub === 'Arrests') {
          if (!a1 || !STATE.has(agentM?.ref.kind ?? '')) {
            a2 = a1 && a1.inter !== 1 ? a1 : a2
            a1 = namer.name(placeholder('police'), iso, date)
          }
          // those arrested belong to the group or party the report is about, not to "civilians"
          if (!a2 || a2.inter === 7) {
            const side = sides.map((m) => namer.name(m, iso, date)).find((n) => n && n.inter >= 2 && n.inter <= 6)
            a2 = side ? { ...side, span: undefined, rule: 'arrested-from-report-group' } : null
          }
        }
    }
    // a government retakes towns through its armed forces; a president who "described the abduction" did not abduct
    if (a1?.name.startsWith('Government of ') && draft.sub.includes('territory')) a1 = { ...a1, name: a1.name.replace('Government of', 'Military Forces of'), rule: 'government-acts-through-its-forces' }
    if (a1?.name.startsWith('Government of ') && VIOLENT.has(draft.type)) a1 = draft.type === 'Battles' ? null : namer.generic('armed', iso, 'unnamed-perpetrator')
    // a bomb or missile that hit a base hit the forces holding it
    // the target as the incident is first told ("a car bomb at the police academy"), not a later detail
    const lead = doc.text.slice(draft.parts[0]!.clause.start, draft.parts[0]!.clause.end)
    const told = hasKind('civilians') ? lead : draft.parts.map((p) => doc.text.slice(p.clause.start, p.clause.end)).join(' ')
    const site = POLICE_SITE.test(told) ? 'police' : MILITARY_SITE.test(told) ? 'military' : null
    if (draft.type === 'Explosions/Remote violence' && site && iso && (!targetM || targetM.ref.kind === 'civilians' || targetM.ref.kind === 'police' || targetM.ref.kind === 'military')) {
      const forces = namer.name({ ...placeholder('police'), ref: { kind: site, country: iso } }, iso, date)
      if (forces && forces.name !== a1?.name) a2 = { ...forces, rule: `target-is-a-${site}-site` }
    }
    if (a1 && a2 && a1.name === a2.name) a2 = null
    // a base set up, property destroyed, a group reorganised: one side acts alone, unless armed men burn
    // people's homes, schools or clinics: then the people are the other side (data/rules/roles.json one_sided)
    if (ONE_SIDED.has(draft.sub)) {
      const civil = CIVILIAN_PROPERTY && iso && a1 && a1.inter >= 1 && a1.inter <= 4 && ON_CIVILIAN_PROPERTY.has(draft.sub)
        && CIVILIAN_PROPERTY.test(draft.parts.map((p) => doc.text.slice(p.clause.start, p.clause.end)).join(' '))
      a2 = civil ? namer.generic('civilians', iso, 'civilian-property') : null
    }
    // fighting needs two sides: when the clause names one, the other is the report's main opposing side
    const needsOther = draft.type === 'Battles' || draft.sub === 'Non-violent transfer of territory' || (draft.type === 'Explosions/Remote violence' && !a2 && !hasKind('civilians') && deaths === 0)
    if (!a2 && a1 && needsOther) {
      const other = sides.map((m) => namer.name(m, iso, date)).find((n) => n && n.name !== a1!.name && n.inter !== 7 && (a1!.inter !== 1 || n.inter !== 1 || !n.name.endsWith(a1!.name.split(' of ').pop()!)))
      if (other) a2 = { ...other, span: undefined, rule: 'other-side-of-report' }
    }
    const allies = draft.parts.flatMap((p) => p.roles.allies).map(name).filter((x): x is NamedActor => !!x && x.name !== a1?.name && x.name !== a2?.name)
    ev.actor1 = a1?.span ? spans(a1.span) : rule(a1?.rule ?? 'none')
    ev.actor2 = a2?.span ? spans(a2.span) : rule(a2?.rule ?? 'none')

    // deaths belong to violent events; an arrest or a peaceful march reported beside a killing carries none
    const lethal = VIOLENT.has(draft.type) || draft.type === 'Riots' || draft.sub === 'Excessive force against protesters'
    const deathCounts = lethal ? draft.parts.flatMap((p) => p.deaths) : []
    let fatalities = lethal ? deaths : 0
    if (deathCounts.length) ev.fatalities = rule(deathCounts.some((d) => d.rule === 'death-toll') ? 'latest-death-toll' : 'first-reported-count', ...countSpans(deathsFrom.length ? deathsFrom : deathCounts))
    else {
      const killWord = draft.parts.flatMap((p) => p.hits).find((h) => DEATH_CLASSES.has(h.cls) && r.syntax.death_words.some((w) => h.pattern.startsWith(w)))
      // codebook: deaths reported with no number count 3 for a limited attack
      if (killWord && VIOLENT.has(draft.type)) { fatalities = 3; ev.fatalities = rule('deaths-without-number', killWord) }
      else ev.fatalities = rule('no-deaths-reported')
    }
    const arrestCounts = draft.parts.flatMap((p) => p.arrests)
    const arrests = arrestCounts.length ? Math.max(...arrestCounts.map((c) => c.value)) : null
    ev.arrests = arrestCounts.length ? rule('largest-reported-count', ...arrestCounts) : rule('no-arrests-reported')
    const triggers = draft.parts.flatMap((p) => p.hits)
    ev.event_type = rule(`sub-event-rules#${draft.parts[0]!.rule}`, ...triggers)
    ev.sub_event_type = ev.event_type
    const bg = draft.parts[0]!.background
    ev.background = rule(bg.rule, bg.span)
    Object.assign(ev, where.evidence)

    const inter1 = (a1?.inter ?? null) as Inter | null, inter2 = (a2?.inter ?? null) as Inter | null
    const event: SitrepEvent = {
      event_type: draft.type, sub_event_type: draft.sub, disorder_type: r.subEvents.disorder[draft.type] ?? '',
      actor1: a1?.name ?? null, assoc_actor_1: allies[0]?.name ?? null, inter1,
      actor2: a2?.name ?? null, assoc_actor_2: null, inter2,
      interaction: inter1 ? (inter2 ? Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2) : inter1 * 10) : null,
      civilian_targeting: draft.type === 'Violence against civilians' || inter2 === 7 ? 'Civilian targeting' : null,
      country: where.country, iso: where.iso3, admin1: where.admin1, admin2: where.admin2, location: where.location,
      latitude: where.latitude, longitude: where.longitude, geo_precision: where.geo_precision,
      geo_status: where.status, ...(where.candidates ? { geo_candidates: where.candidates } : {}),
      event_date: date, time_precision: precision, fatalities, arrests, background: draft.background,
      confidence: confidence(draft, a1, where.location, own?.date ?? null),
      notes: '', evidence: ev,
    }
    event.notes = writeNotes(event)
    return event
  }
}

/**
 * Codebook: the most conservative figure. An updated toll ("rose to 292") is the latest word; otherwise the
 * incident's first statement of its dead, with the victims of one sentence added up ("13 soldiers and 90 Afghans").
 */
function fatalityCount(draft: Draft): { value: number; counts: Count[] } {
  // a change of control counts the dead of its own telling, not those of a clash merged into it
  const territorial = draft.sub.includes('territory')
  const parts = territorial ? draft.parts.filter((p) => ['CAPTURE', 'RECAPTURE', 'NONVIOLENT', 'ENTER', 'CLASH'].some((k) => p.classes.has(k))) : draft.parts
  const all = parts.flatMap((p) => p.deaths).sort((a, b) => a.start - b.start)
  // an even share of an aggregate ("148 in Jableh and Tartus") gives way to a count told for the place itself
  const own = all.filter((d) => d.rule !== 'aggregate-split-evenly')
  const firm = (own.some((d) => !d.vague) ? own : all).filter((d) => !d.vague)
  // an updated toll is the latest word: "had given a toll of 103 but revised it to 84"
  const tolls = firm.filter((d) => d.rule === 'death-toll')
  if (tolls.length) return { value: tolls[tolls.length - 1]!.value, counts: [tolls[tolls.length - 1]!] }
  const pool = firm.length ? firm : all
  if (pool.length === 0) return { value: 0, counts: [] }
  const first = pool[0]!
  const sameVerb = pool.filter((d) => d.sentence === first.sentence && d.at === first.at)
  return { value: sameVerb.reduce((a, d) => a + d.value, 0), counts: sameVerb }
}

/** Evidence of a figure: the counts it came from and the nouns they count ("14", "people"), no other word. */
const countSpans = (counts: Count[]): Span[] => counts.flatMap((c) => [{ start: c.start, end: c.end }, ...(c.head ? [c.head] : [])])

function placeholder(kind: 'police'): ActorMention {
  return { start: 0, end: 0, sentence: 0, first: 0, last: 0, ref: { kind, country: null }, rule: 'default-force' }
}

function confidence(d: Draft, a1: NamedActor | null, location: string | null, ownDate: string | null): number {
  let c = 0.45
  if (!d.generic) c += 0.15
  if (a1 && !a1.name.startsWith('Unidentified')) c += 0.1
  if (location) c += 0.1
  if (ownDate) c += 0.1
  if (d.parts.length > 1) c += 0.05
  return Math.round(Math.min(0.95, c) * 100) / 100
}

// events are written in English: a name the gazetteer could not place, written in another script (Arabic),
// is given as the province, or the country, the event was placed in
function englishPlace<T extends { location: string | null; admin1: string | null; country: string | null }>(where: T): T {
  if (!where.location || !isArabicScript(where.location)) return where
  return { ...where, location: where.admin1 ?? where.country }
}
