import type { Inter, Span } from '../types.js'
import type { ActorMention } from '../entities/actors.js'
import type { Rules } from '../data/load.js'
import type { Country, Group } from '../data/schemas.js'

export type NamedActor = { name: string; inter: Inter; span?: Span; rule: string }

const KIND_INTER: Record<string, Inter> = { military: 1, police: 1, government: 1, armed: 3, rioters: 5, protesters: 6, civilians: 7 }

/** Turns actor mentions into codebook names: "Military Forces of Iraq", "Civilians (Iraq)", a group by its date. */
export function makeActorNamer(r: Rules) {
  const byIso = new Map<string, Country>(r.countries.map((c) => [c.iso2, c]))
  const countryName = (iso: string | null) => (iso ? byIso.get(iso)?.name ?? iso : null)
  const stateName = (prefix: string, iso: string) => {
    const c = byIso.get(iso)
    return `${prefix} ${c?.article ? c.article + ' ' : ''}${c?.name ?? iso}`
  }
  const children = new Map<string, Group[]>()
  for (const g of r.groups) if (g.parent) children.set(g.parent, [...(children.get(g.parent) ?? []), g])
  const validOn = (g: Group, date: string | null) => !date || ((!g.valid.from || g.valid.from <= date) && (!g.valid.to || date <= g.valid.to))
  /**
   * The group a name means on that date and in that country: a renamed group by its validity dates, a shared
   * alias by the country ("al-Shabaab" in Cabo Delgado), a parent by its local branch (Islamic State in Nigeria is ISWAP).
   */
  function pickGroup(groups: Group[], date: string | null, where: string | null): Group {
    const valid = groups.filter((g) => validOn(g, date))
    const pool = valid.length ? valid : groups
    const g = (where && pool.find((x) => x.countries.includes(where))) || pool[0]!
    if (where && !g.countries.includes(where)) {
      // a branch carries its parent's name ("Islamic State Sinai Province"); an affiliate with its own name does not
      const branch = (children.get(g.name) ?? []).find((c) => c.name.startsWith(g.name) && c.countries.includes(where) && validOn(c, date))
      if (branch) return branch
    }
    return g
  }
  return {
    countryName,
    /** Names one mention; `where` is the ISO2 country the event happened in. */
    name(m: ActorMention, where: string | null, date: string | null): NamedActor | null {
      const span = m.end > m.start ? { start: m.start, end: m.end } : undefined
      if (m.ref.kind === 'group') {
        const g = pickGroup(m.ref.groups, date, where)
        return { name: g.name, inter: g.inter as Inter, span, rule: 'dictionary' }
      }
      const iso = m.ref.country ?? where
      if (!iso) return null
      const inter = KIND_INTER[m.ref.kind]!
      switch (m.ref.kind) {
        case 'military': return { name: stateName('Military Forces of', iso), inter, span, rule: m.rule }
        case 'police': return { name: stateName('Police Forces of', iso), inter, span, rule: m.rule }
        case 'government': return { name: stateName('Government of', iso), inter, span, rule: m.rule }
        case 'armed': return { name: `Unidentified Armed Group (${countryName(iso)})`, inter, span, rule: m.rule }
        case 'civilians': return { name: `Civilians (${countryName(where ?? iso)})`, inter, span, rule: m.rule }
        case 'protesters': return { name: `Protesters (${countryName(where ?? iso)})`, inter, span, rule: m.rule }
        case 'rioters': return { name: `Rioters (${countryName(where ?? iso)})`, inter, span, rule: m.rule }
      }
    },
    generic(kind: 'armed' | 'civilians' | 'protesters' | 'rioters', where: string | null, rule: string): NamedActor | null {
      if (!where) return null
      const label = { armed: 'Unidentified Armed Group', civilians: 'Civilians', protesters: 'Protesters', rioters: 'Rioters' }[kind]
      return { name: `${label} (${countryName(where)})`, inter: KIND_INTER[kind]!, rule }
    },
  }
}
