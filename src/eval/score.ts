/**
 * The referee's scoring (../shared/bench/score.mjs), ported so `sitrep eval` prints the same numbers:
 * events matched one-to-one inside each case (greedy on a similarity score), precision and recall over
 * reported events, field accuracies over matched reported pairs, merge pairs across cases.
 */
export type ScoreEvent = Record<string, unknown> & { event_type?: string; background?: boolean; event_id?: string }
export type GoldCase = { id: string | number; events?: ScoreEvent[]; same_incident_as?: (string | number)[] }
export type SystemCase = { id: string | number; events?: ScoreEvent[] }

const ALIASES: [RegExp, string][] = [
  [/\b(isis|isil|daesh|daish|islamic state of iraq and (the levant|syria)|is militants?)\b/g, 'islamic state'],
  [/\b(iraqi security forces|isf)\b/g, 'military forces of iraq'],
]
function canonActor(a: unknown): string {
  if (!a) return ''
  let s = String(a).toLowerCase().replace(/\([^)]*\)/g, ' ')
  for (const [re, to] of ALIASES) s = s.replace(re, to)
  return s.replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim()
}
function actorMatch(a: unknown, b: unknown): boolean {
  const x = canonActor(a), y = canonActor(b)
  if (!x && !y) return true
  if (!x || !y) return false
  return x === y || x.includes(y) || y.includes(x)
}
export function actorsMatch(g: ScoreEvent, s: ScoreEvent): boolean {
  return (actorMatch(g.actor1, s.actor1) && actorMatch(g.actor2, s.actor2)) || (actorMatch(g.actor1, s.actor2) && actorMatch(g.actor2, s.actor1))
}
const canonPlace = (p: unknown) => String(p ?? '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  .replace(/\b(al|el|ad|ar|as|an|at|az)[- ]/g, '').replace(/[^a-z0-9]+/g, '')
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
function km(a: ScoreEvent, b: ScoreEvent): number | null {
  if (!num(a.latitude) || !num(a.longitude) || !num(b.latitude) || !num(b.longitude)) return null
  const r = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * r, dLon = (b.longitude - a.longitude) * r
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(dLon / 2) ** 2
  return 12742 * Math.asin(Math.sqrt(h))
}
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!++
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length]!
}
function admin1Match(g: ScoreEvent, s: ScoreEvent): boolean {
  if (!g.admin1 || !s.admin1) return false
  const sys = canonPlace(s.admin1)
  return [g.admin1, ...((g.admin1_alt as unknown[]) ?? [])].some((name) => {
    const gold = canonPlace(name)
    return gold === sys || (Math.min(gold.length, sys.length) >= 5 && editDistance(gold, sys) <= 2)
  })
}
function placeMatch(g: ScoreEvent, s: ScoreEvent): boolean {
  const d = km(g, s)
  if (d !== null) return d <= (g.geo_precision === 2 ? 50 : 25)
  if (g.latitude == null && g.admin1) return admin1Match(g, s) && (Number(s.geo_precision ?? 0)) >= Number(g.geo_precision ?? 1)
  return !!g.location && canonPlace(g.location) === canonPlace(s.location)
}
const days = (a: unknown, b: unknown) => (a && b ? Math.abs(Date.parse(String(a)) - Date.parse(String(b))) / 864e5 : null)
function similarity(g: ScoreEvent, s: ScoreEvent): number {
  const d = days(g.event_date, s.event_date)
  if (d !== null && d > 31) return 0
  let score = 0
  if (g.event_type === s.event_type) score += 2
  if (g.sub_event_type === s.sub_event_type) score += 1
  if (placeMatch(g, s)) score += 2
  else if (admin1Match(g, s)) score += 1
  if (d !== null && d <= 7) score += 1
  if (actorsMatch(g, s)) score += 1
  return score
}
/** Pairs gold and system events of one case one-to-one, greedily on similarity (at least 3), as the referee does. */
export function match(goldEvents: ScoreEvent[], sysEvents: ScoreEvent[]): [number, number][] {
  const pairs: [number, number, number][] = []
  goldEvents.forEach((g, i) => sysEvents.forEach((s, j) => {
    const sc = similarity(g, s)
    if (sc >= 3) pairs.push([sc, i, j])
  }))
  pairs.sort((a, b) => b[0] - a[0])
  const gi = new Set<number>(), sj = new Set<number>(), out: [number, number][] = []
  for (const [, i, j] of pairs) {
    if (gi.has(i) || sj.has(j)) continue
    gi.add(i); sj.add(j); out.push([i, j])
  }
  return out
}

export type ScoreResult = ReturnType<typeof score>

/** Scores system output against gold cases exactly as the referee does. */
export function score(gold: GoldCase[], systemCases: SystemCase[]) {
  const system = new Map(systemCases.map((c) => [String(c.id), c.events ?? []]))
  const t = { tp: 0, fp: 0, fn: 0, bgPairs: 0, bgRight: 0 }
  const field: Record<string, [number, number]> = {}
  const hit = (name: string, ok: boolean) => { const f = (field[name] ??= [0, 0]); f[1]++; if (ok) f[0]++ }
  const perType: Record<string, { tp: number; fp: number; fn: number }> = {}
  const typeOf = (k: unknown) => (perType[String(k)] ??= { tp: 0, fp: 0, fn: 0 })
  const links = new Map<string, { gold: number; event_id: unknown }[]>()
  const misses: string[] = []
  // per-field disagreements on matched pairs, for users tuning their dictionaries (not part of the referee's print)
  const fieldMisses: { id: string; field: string; gold: string; system: string }[] = []
  const show = (e: ScoreEvent, f: string) => f === 'actors' ? `${e.actor1 ?? '-'} / ${e.actor2 ?? '-'}` : f === 'geo_precision' || f === 'location' ? `${e.location ?? '-'} (${e.admin1 ?? '-'}) p${e.geo_precision ?? '-'}` : String(e[f] ?? '-')
  const note = (id: string, f: string, ok: boolean, ge: ScoreEvent, se: ScoreEvent) => { if (!ok) fieldMisses.push({ id, field: f, gold: show(ge, f), system: show(se, f) }) }
  for (const c of gold) {
    const g = c.events ?? [], s = system.get(String(c.id)) ?? []
    const pairs = match(g, s)
    const mg = new Set(pairs.map(([i]) => i)), ms = new Set(pairs.map(([, j]) => j))
    const l: { gold: number; event_id: unknown }[] = []
    for (const [i, j] of pairs) {
      const ge = g[i]!, se = s[j]!
      l.push({ gold: i, event_id: se.event_id })
      if (ge.background) { t.bgPairs++; if (se.background) t.bgRight++; else t.fp++; continue }
      if (se.background) { t.fn++; misses.push(`${c.id}: reported event marked as background`); continue }
      t.tp++
      typeOf(ge.event_type).tp++
      hit('event_type', ge.event_type === se.event_type)
      hit('sub_event_type', ge.sub_event_type === se.sub_event_type)
      hit('actors', actorsMatch(ge, se))
      const id = String(c.id)
      note(id, 'sub_event_type', ge.sub_event_type === se.sub_event_type, ge, se)
      note(id, 'actors', actorsMatch(ge, se), ge, se)
      if (ge.latitude != null || ge.location) note(id, 'location', placeMatch(ge, se), ge, se)
      if (ge.geo_precision != null) note(id, 'geo_precision', ge.geo_precision === se.geo_precision, ge, se)
      if (ge.admin1) note(id, 'admin1', admin1Match(ge, se), ge, se)
      if (ge.event_date) note(id, 'event_date', days(ge.event_date, se.event_date) === 0, ge, se)
      if (ge.fatalities != null) note(id, 'fatalities', Number(ge.fatalities) === Number(se.fatalities ?? 0), ge, se)
      if (ge.latitude != null || ge.location) hit('location', placeMatch(ge, se))
      if (ge.admin1) hit('admin1', admin1Match(ge, se))
      if (ge.geo_precision != null) hit('geo_precision', ge.geo_precision === se.geo_precision)
      if (ge.event_date) {
        const d = days(ge.event_date, se.event_date)
        hit('date_exact', d === 0)
        hit('date_within_3d', d !== null && d <= 3)
      }
      if (ge.fatalities != null) hit('fatalities', Number(ge.fatalities) === Number(se.fatalities ?? 0))
    }
    g.forEach((ge, i) => { if (!mg.has(i) && !ge.background) { t.fn++; typeOf(ge.event_type).fn++; misses.push(`${c.id}: missed ${ge.event_type} / ${ge.sub_event_type} at ${ge.location}`) } })
    s.forEach((se, j) => { if (!ms.has(j) && !se.background) { t.fp++; typeOf(se.event_type).fp++; misses.push(`${c.id}: spurious ${se.event_type} / ${se.sub_event_type} at ${se.location}`) } })
    links.set(String(c.id), l)
  }
  let mTP = 0, mFP = 0, mFN = 0
  const ids = [...links.keys()]
  const same = new Map(gold.map((c) => [String(c.id), new Set((c.same_incident_as ?? []).map(String))]))
  for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) {
    const A = links.get(ids[a]!)!, B = links.get(ids[b]!)!
    const goldSame = same.get(ids[a]!)?.has(ids[b]!) || same.get(ids[b]!)?.has(ids[a]!)
    const sysSame = A.some((x) => x.event_id && B.some((y) => y.event_id === x.event_id))
    if (goldSame && sysSame) mTP++
    else if (sysSame) mFP++
    else if (goldSame) mFN++
  }
  const f = (x: number) => Math.round(x * 1000) / 1000
  const P = t.tp / Math.max(1, t.tp + t.fp), R = t.tp / Math.max(1, t.tp + t.fn)
  return {
    cases: gold.length,
    events: { tp: t.tp, fp: t.fp, fn: t.fn, precision: f(P), recall: f(R), f1: f(P + R ? (2 * P * R) / (P + R) : 0) },
    fields: Object.fromEntries(Object.entries(field).map(([k, [ok, n]]) => [k, { accuracy: f(ok / n), n }])),
    background: { pairs: t.bgPairs, marked: t.bgRight },
    merge: { tp: mTP, fp: mFP, fn: mFN, precision: f(mTP / Math.max(1, mTP + mFP)), recall: f(mTP / Math.max(1, mTP + mFN)) },
    per_type: perType,
    misses,
    fieldMisses,
  }
}

/** The referee's text report, line for line. */
export function formatScore(r: ScoreResult, withMisses: boolean, withFields = false): string {
  const lines = [`cases ${r.cases}  events P ${r.events.precision} R ${r.events.recall} F1 ${r.events.f1} (tp ${r.events.tp} fp ${r.events.fp} fn ${r.events.fn})`]
  for (const [k, v] of Object.entries(r.fields)) lines.push(`  ${k.padEnd(15)} ${v.accuracy} (n=${v.n})`)
  lines.push(`  background     ${r.background.marked}/${r.background.pairs} past-context mentions marked as background`)
  lines.push(`  merge          P ${r.merge.precision} R ${r.merge.recall} (pairs tp ${r.merge.tp} fp ${r.merge.fp} fn ${r.merge.fn})`)
  if (withMisses) for (const m of r.misses) lines.push('  - ' + m)
  if (withFields) for (const m of r.fieldMisses) lines.push(`  ~ ${m.id} ${m.field}: gold ${m.gold} | system ${m.system}`)
  return lines.join('\n')
}
