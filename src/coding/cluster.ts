import type { Candidate } from './candidate.js'
import type { EventType } from '../types.js'
import { sameActor } from './roles.js'

/** Mentions of one incident in one report, gathered from several clauses. */
export type Draft = { parts: Candidate[]; sub: string; type: EventType; generic: boolean; background: boolean }

const VIOLENT: ReadonlySet<EventType> = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians'])
// a generic "N were killed" also belongs to lethal crowd events
const LETHAL_SUBS = new Set(['Excessive force against protesters', 'Violent demonstration', 'Mob violence'])
const takesDeaths = (d: { type: EventType; sub: string }) => VIOLENT.has(d.type) || LETHAL_SUBS.has(d.sub)
// provinces and districts contain towns: naming one does not make a clause a different incident
const placeKey = (c: Candidate) => c.sub === 'Looting/property destruction' && c.roles.agent?.ref.kind === 'armed' ? [] : placeKeyOf(c)
// "near Tayaran Square", "at the bus station": a site within the town the incident is already placed in
const placeKeyOf = (c: Candidate) => c.places.filter((p) => p.feature !== 'admin1' && p.feature !== 'admin2' && p.feature !== 'facility').map((p) => p.name.toLowerCase())
// a clause that names several towns ("Jableh and Tartus") speaks for each; a draft is where its first clause is
const draftKey = (c: Candidate) => placeKey(c).slice(0, 1)

const RECENT = 24
const ANOTHER = /\b(a second|another|a separate|a further|a third|a fresh|a new)\b/i
// an incident is named in its first clauses; looking no further keeps a 5 MB input linear
const early = (d: Draft) => d.parts.slice(0, 8)

function placesAgree(d: Draft, c: Candidate): boolean {
  const mine = placeKey(c)
  if (mine.length === 0) return true
  const theirs = [...new Set(d.parts.slice(0, 8).flatMap(draftKey))]
  if (theirs.length === 0) return true
  return mine.some((m) => theirs.some((t) => t.includes(m) || m.includes(t)))
}

function datesAgree(d: Draft, c: Candidate): boolean {
  // the day something was said ("claimed on Thursday") does not date the incident
  const incidentDate = (p: Candidate) => (p.date?.role === 'report' ? undefined : p.date?.date)
  const dates = d.parts.slice(0, 8).map(incidentDate).filter(Boolean)
  const mine = incidentDate(c)
  return !mine || dates.length === 0 || dates.includes(mine)
}

// codebook practice: a place hit by car bombs and a suicide bomber in one attack is one Suicide bomb event
const BOMBS = new Set(['Suicide bomb', 'Remote explosive/landmine/IED'])

function typesAgree(d: Draft, c: Candidate): boolean {
  if (d.sub === c.sub) return true
  // people killed, then people kidnapped: an Attack and an Abduction (codebook), not one event
  const abduction = 'Abduction/forced disappearance'
  if ((c.sub === abduction && d.generic && early(d).some((p) => p.deaths.length)) || (d.sub === abduction && c.generic && c.deaths.length)) return false
  if (BOMBS.has(d.sub) && BOMBS.has(c.sub)) return true
  // codebook practice: a raid stays an armed clash even if its target then blows himself up
  if (c.sub === 'Suicide bomb' && d.sub === 'Armed clash' && early(d).some((p) => p.classes.has('RAID'))) return true
  // codebook: arrests made at a protest or a riot are that event's arrests, not an event of their own
  if (c.sub === 'Arrests' && (d.type === 'Protests' || d.type === 'Riots')) return true
  // "the militants destroyed several aircraft", "the attackers set fire to a dormitory": damage done in an attack
  if (c.sub === 'Looting/property destruction' && VIOLENT.has(d.type) && (!c.roles.agent || c.roles.agent.ref.kind === 'armed')) return true
  // a generic "N were killed" joins a deadly crowd event; a generic explosion does not become a riot
  if (c.generic && takesDeaths(d) && (VIOLENT.has(d.type) || c.type !== 'Explosions/Remote violence')) return true
  if (d.generic && takesDeaths(c) && (VIOLENT.has(c.type) || d.type !== 'Explosions/Remote violence')) return true
  if (d.sub === 'Arrests' && (c.type === 'Protests' || c.type === 'Riots')) return true
  return false
}

function actorsAgree(d: Draft, c: Candidate): boolean {
  const a = c.roles.agent
  // a follow-up ("the army and police had killed 12 at Lekki") may name the same forces another way
  if (!a || a.ref.kind === 'armed' || c.generic) return true
  const theirs = d.parts.slice(0, 8).map((p) => p.roles.agent).filter((x) => x && x.ref.kind !== 'armed')
  return theirs.length === 0 || theirs.some((t) => sameActor(t, a))
}

/**
 * Codebook: an event is one incident (same actors, place, day). Clauses join the latest draft they agree
 * with; a generic clause ("the blast killed 12") joins the incident it follows instead of starting one.
 */
export function clusterCandidates(cands: Candidate[], text = ''): Draft[] {
  const drafts: Draft[] = []
  for (const c of cands) {
    // "a second car bomb", "another attack": the text itself says this is a new incident
    const another = ANOTHER.test(text.slice(c.clause.start, c.hits[0]?.end ?? c.clause.start))
    const fits = (d: Draft) => !another && d.background === c.background.value && typesAgree(d, c) && placesAgree(d, c) && datesAgree(d, c) && actorsAgree(d, c)
    // an incident is told within a few paragraphs: only the latest drafts are candidates (keeps long inputs linear)
    const recent = drafts.slice(-RECENT).reverse()
    let target = recent.find(fits)
    if (!target && c.generic && !c.background.value && placeKey(c).length === 0) {
      target = recent.find((d) => !d.background && VIOLENT.has(d.type))
    }
    if (target) {
      target.parts.push(c)
      // a specific clause names the incident better than the generic one that opened it
      const raid = early(target).some((p) => p.classes.has('RAID'))
      if (raid && c.sub === 'Suicide bomb') { target.sub = 'Armed clash'; target.type = 'Battles'; target.generic = false }
      // (but damage told after a killing does not make the killing property destruction)
      else if (target.generic && !c.generic && (VIOLENT.has(c.type) || !VIOLENT.has(target.type))) { target.sub = c.sub; target.type = c.type; target.generic = false }
      if (c.sub === 'Suicide bomb' && BOMBS.has(target.sub) && !raid) { target.sub = 'Suicide bomb'; target.type = c.type }
      if (target.sub === 'Arrests' && (c.type === 'Protests' || c.type === 'Riots')) { target.sub = c.sub; target.type = c.type }
      // arrests made at a peaceful protest are an intervention (codebook: authorities arrest peaceful protesters)
      if (target.sub === 'Peaceful protest' && c.sub === 'Arrests' || c.sub === 'Peaceful protest' && early(target).some((p) => p.sub === 'Arrests')) { target.sub = 'Protest with intervention'; target.type = 'Protests' }
      continue
    }
    drafts.push({ parts: [c], sub: c.sub, type: c.type, generic: c.generic, background: c.background.value })
  }
  return dropPlaceless(drafts)
}

const hasPlace = (d: Draft) => d.parts.some((p) => p.places.length > 0 || (p.date !== null && !p.date.yearOnly) || p.deaths.length > 0 || p.arrests.length > 0)

// An incident the report cannot put anywhere is usually a side remark ("the group, which is fighting the
// government, ..."): when the report has located incidents, a placeless one joins the one before it or goes.
function dropPlaceless(drafts: Draft[]): Draft[] {
  if (!drafts.some(hasPlace)) return drafts
  const out: Draft[] = []
  const family = (p: Draft, d: Draft) => p.background === d.background && (p.type === d.type || VIOLENT.has(p.type) === VIOLENT.has(d.type))
  let pending: Draft[] = []
  for (const d of drafts) {
    if (hasPlace(d)) {
      // a placeless lead ("warplanes pounded towns in the northeast") opens the first incident it precedes
      const lead = pending.filter((p) => family(d, p))
      // killings told first and a kidnapping placed after them are two events at that place (codebook)
      const killings = lead.filter((p) => d.sub === 'Abduction/forced disappearance' && p.parts.some((c) => c.deaths.length > 0))
      for (const k of killings) out.push({ ...k, sub: 'Attack', type: 'Violence against civilians', generic: false, parts: k.parts.map((c) => ({ ...c, places: d.parts[0]!.places })) })
      d.parts.unshift(...lead.filter((p) => !killings.includes(p)).flatMap((p) => p.parts.map((c) => ({ ...c, places: [] }))))
      pending = []
      out.push(d)
      continue
    }
    const prev = out.slice(-RECENT).reverse().find((p) => family(p, d))
    if (prev && !d.background) prev.parts.push(...d.parts.map((c) => ({ ...c, places: [] })))
    else if (!prev && !d.background) pending.push(d)
  }
  return out
}
