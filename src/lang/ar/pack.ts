import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Rules } from '../../data/load.js'
import type { Country, Group, Unit } from '../../data/schemas.js'
import { arabicKey } from '../arabic-normal.js'
import { listGaps, readArabicPlaces } from './places.js'

const readPack = <T>(dir: string, name: string): T => JSON.parse(readFileSync(join(dir, 'lang', 'ar', name), 'utf8')) as T

type ActorsPack = {
  groups: { name: string; aliases: string[] }[]
  countries: { iso2: string; names: string[]; adjective: string[] }[]
  forces: Record<'military' | 'police' | 'government', { noun: string; gender: 'm' | 'f' }[]> & { country_nouns: { fixed: { pattern: string; country: string; force: 'military' | 'police' | 'government' }[] } }
  country_doer_not_after: string
  weapons: { words: string }; member_of: { words: string }; controller_before: { words: string }
  roles: { target_before: string; agent_before: string; speaker_before: string; own_deed_after: string; names_hold_triggers: boolean }
  generic: Record<'armed' | 'civilians' | 'protesters' | 'rioters', string>
}
type TriggersPack = {
  triggers: { class: string; patterns: string[]; generic?: boolean; example: string }[]
  suppress: { accidents: string[]; crime: string[]; crime_pages: boolean; cues: { scope: 'clause' | 'before'; patterns: string[]; example: string }[] }
  requirements: { sub: string; words: string[]; not_words: string[]; actors: string[] }[]
  kill_words: { words: string }
}
type DatesPack = { context: { background: string[]; attribution: string[]; late: string[]; phrase: string[] } }

/** A pattern in the normal form: the syntax characters (| ? * ... [n]) are ASCII and pass through. */
const norm = (p: string) => arabicKey(p)
const normAll = (ps: string[]) => ps.map(norm)
/** 'a|b|c' as a set of words in the normal form */
const words = (list: string) => new Set(normAll(list.split('|')))

/** The feminine adjective is the one ending in ة (normalised ه); the masculine the one without. */
function adjectiveFor(adjectives: string[], gender: 'm' | 'f'): string[] {
  const fem = adjectives.filter((a) => /[ةه]$/.test(a)), masc = adjectives.filter((a) => !/[ةه]$/.test(a))
  return gender === 'f' ? fem : masc
}

/**
 * The rules for Arabic reports: the English rule tables (data/rules, data/actors) with their words swapped
 * for the Arabic pack's (data/lang/ar). Group names stay the English dictionary's, so events carry
 * ACLED's names; the classes and the sub-event rules are shared by both languages.
 */
export function arabicRules(r: Rules): Rules {
  const actors = readPack<ActorsPack>(r.dir, 'actors.json')
  const triggers = readPack<TriggersPack>(r.dir, 'triggers.json')
  const lists = listGaps(readArabicPlaces(r.dir).list_joints)
  const dates = readPack<DatesPack>(r.dir, 'dates.json')
  const frames = readPack<{ frames: { name: string; min: number; cues: string[] }[] }>(r.dir, 'page-frames.json')
  const english = new Map(r.groups.map((g) => [g.name, g]))
  const groups: Group[] = actors.groups.flatMap((a) => {
    const g = english.get(a.name)
    return g ? [{ ...g, aliases: normAll(a.aliases) }] : []
  })
  const countries: Country[] = actors.countries.flatMap((c) => {
    const en = r.countries.find((x) => x.iso2 === c.iso2)
    // the English name stays: actor names are written from it ("Military Forces of Iraq")
    return en ? [{ ...en, aliases: normAll(c.names), demonyms: normAll(c.adjective) }] : []
  })
  // "الجيش العراقي", "القوات العراقية": the force noun, then the country's adjective in its gender
  const units: Unit[] = []
  for (const c of actors.countries) {
    for (const force of ['military', 'police', 'government'] as const) {
      const aliases = actors.forces[force].flatMap((f) => adjectiveFor(c.adjective, f.gender).map((adj) => `${f.noun} ${/^ال/.test(f.noun) ? `ال${adj}` : adj}`))
      if (aliases.length) units.push({ name: `${c.iso2} ${force} (ar)`, aliases: normAll(aliases), country: c.iso2, force, valid: { from: null, to: null }, example: '' } as unknown as Unit)
    }
  }
  for (const f of actors.forces.country_nouns.fixed) {
    units.push({ name: `${f.country} ${f.force} (ar, named)`, aliases: normAll(f.pattern.split('|')), country: f.country, force: f.force, valid: { from: null, to: null }, example: '' } as unknown as Unit)
  }
  const nouns = [
    ...(['armed', 'civilians', 'protesters', 'rioters'] as const).map((kind) => ({ kind, pattern: norm(actors.generic[kind]), example: '' })),
    ...(['military', 'police', 'government'] as const).map((kind) => ({ kind, pattern: normAll(actors.forces[kind].map((f) => f.noun)).join('|'), example: '' })),
  ]
  return {
    ...r,
    groups, countries, units,
    generic: { ...r.generic, nouns, weapons: { ...r.generic.weapons, pattern: norm(actors.weapons.words) }, member_of: { ...r.generic.member_of, pattern: norm(actors.member_of.words) } },
    triggers: {
      triggers: triggers.triggers.map((t) => ({ class: t.class, patterns: normAll(t.patterns), ...(t.generic ? { generic: true } : {}), example: t.example })),
      objects: { ...r.triggers.objects, rules: [], place_required: { ...r.triggers.objects.place_required, classes: [] } },
    },
    subEvents: {
      ...r.subEvents,
      suppress: {
        cues: triggers.suppress.cues.map((c) => ({ ...c, patterns: normAll(c.patterns) })),
        accidents: { ...r.subEvents.suppress.accidents, patterns: normAll(triggers.suppress.accidents) },
        crime: { ...r.subEvents.suppress.crime, patterns: normAll(triggers.suppress.crime) },
      },
      requirements: { ...r.subEvents.requirements, rules: triggers.requirements.map((q) => ({ ...q, words: normAll(q.words), not_words: normAll(q.not_words), example: '', counter: '' })) },
    },
    dates: {
      ...r.dates,
      relative: [],
      context: { ...r.dates.context, clause: { ...r.dates.context.clause, patterns: normAll(dates.context.background) }, phrase: { ...r.dates.context.phrase, patterns: normAll(dates.context.phrase) } },
    },
    roles: { ...r.roles, controller: { ...r.roles.controller, after: [], before: [norm(actors.controller_before.words)] }, country_doer: { ...r.roles.country_doer, not_after: normAll(actors.country_doer_not_after.split('|')) } },
    // the frames of data/rules/page-frames.json (effect, classes) with the Arabic words that tell them
    pageFrames: { ...r.pageFrames, frames: frames.frames.flatMap((f) => {
      const en = r.pageFrames.frames.find((x) => x.name === f.name)
      return en ? [{ ...en, min: f.min, cues: normAll(f.cues) }] : []
    }) },
    furniture: { ...r.furniture, rules: [] },
    // Arabic news puts the verb first: "هاجم مسلحون حاجزا" (attacked gunmen a checkpoint)
    syntax: {
      verb_first: true,
      crime_pages: triggers.suppress.crime_pages,
      names_hold_triggers: actors.roles.names_hold_triggers,
      // "مالي: مقتل 16 جنديا": a headline's country before a colon is where, not who
      doer_break: /[,;:]/,
      target_cues: words(actors.roles.target_before), agent_cues: words(actors.roles.agent_before),
      speaker_cues: words(actors.roles.speaker_before), own_deed_cues: words(actors.roles.own_deed_after),
      late_cues: new Set(normAll(dates.context.late)),
      kill_words: normAll(triggers.kill_words.words.split('|')),
      death_words: normAll(triggers.kill_words.words.split('|')),
      // "بلدتي كفرنبل وحاس", "دمشق، حلب وحمص" (data/lang/ar/places.json list_joints)
      list_and: lists.and,
      list_comma: lists.comma,
    },
  }
}
