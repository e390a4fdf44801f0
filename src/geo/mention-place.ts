import type { PlaceMention } from '../entities/places.js'
import type { Evidence } from '../types.js'
import { cityNamed, cityOfPart, isCityPart, partLabel, townAfter } from './city-part.js'
import { haversineKm, offsetPoint } from './geo-math.js'
import type { ProvinceReader } from './province-reader.js'
import { resolveRelative } from './relative.js'
import { resolveMention, type Resolve, type Resolved } from './resolve-mention.js'
import { tiesOf } from './ties.js'
import { matchOf } from './trust.js'
import type { Gazetteer, LatLon, Place, Resolution } from './types.js'
import { sentenceMentions } from './mention-index.js'

/** What the placer knows of the report. */
export type ReportView = {
  text: string
  places: readonly PlaceMention[]
  /** the report's main places, for districts that name no city */
  cities: readonly PlaceMention[]
  focus: string | null
  /** the main country first, then the other countries the report names */
  countries: (string | null)[]
  /** points of the report's places that resolve alone: they pull homonyms toward them */
  anchors: LatLon[]
  /** "Serêkaniyê (Ras al-Ain)": the other name the report gives a place, for its later mentions */
  aliases: ReadonlyMap<string, string>
}

/** The names the report glosses in parentheses: "struck Serêkaniyê (Ras al-Ain)" → Serêkaniyê → Ras al-Ain. */
export function aliasesOf(text: string, places: readonly PlaceMention[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of places) {
    const other = /^\s*\(([^()]{2,40})\)/.exec(text.slice(m.end))?.[1]
    if (other && !out.has(m.name)) out.set(m.name, other)
  }
  return out
}

/**
 * A mention placed: the resolution, the mention whose point it is, the rule that led there, and the
 * mention that stands for the incident's place when it is another ("the school in Mpondwe": Mpondwe).
 */
export type Placed = { r: Resolution; at: PlaceMention; evidence: Record<string, Evidence>; mention?: PlaceMention }

const sp = (m: { start: number; end: number }) => ({ start: m.start, end: m.end })
const LOOSE = new Set(['skeleton', 'fuzzy', 'area-part'])
const TIE_KM = 30 // "near X", "in the X area": within about this distance of X
const SLACK_KM = 15

/**
 * Places one mention: as written (in the province its sentence names, among the report's countries);
 * a loose spelling match yields to a town the text ties the name to; a name the gazetteer lacks is
 * placed by what the text says of it (DEV_CODING 5): its city for a district, the town it is tied to
 * (precision 2), a town of its sentence (precision 2), else its province's capital (precision 3).
 */
export function makeMentionPlacer(gaz: Gazetteer, resolve: Resolve, provinces: ProvinceReader) {
  function resolveName(name: string, m: PlaceMention, rep: ReportView, opts: { areaWord?: boolean; soft?: boolean } = {}): Resolution | undefined {
    const province = provinces.inSentence(m, rep.places, rep.focus, rep.text)
    const nearbyProvince = province || opts.soft === false ? null : provinces.before(m, rep.places, rep.focus)
    return resolveMention(gaz, resolve, name, {
      countries: rep.countries, focus: rep.focus, province, nearbyProvince, near: rep.anchors, areaWord: opts.areaWord ?? false,
      provinceIn: (country) => provinces.inSentence(m, rep.places, country, rep.text),
    })
  }

  /** As written: "30 km south of Rutba" from its anchor; "Serêkaniyê (Ras al-Ain)" by either name, the main country's first. */
  function asWritten(m: PlaceMention, rep: ReportView): Resolution | undefined {
    if (m.relative) {
      const province = provinces.inSentence(m, rep.places, rep.focus, rep.text)
      const phrase = rep.text.slice(relativeStart(rep.text, m), m.end)
      return resolveRelative(gaz, phrase, { ...(rep.focus ? { country: rep.focus } : {}), ...(province ? { admin1: province } : {}), ...(rep.anchors.length ? { near: rep.anchors } : {}) })
    }
    const withFeature = m.featureWord && m.feature !== 'admin1' && !m.name.toLowerCase().endsWith(m.featureWord)
    const text = withFeature ? `${m.name} ${m.featureWord}` : m.name
    const r = resolveName(text, m, rep, { areaWord: m.feature === 'area' })
    const other = /^\s*\(([^()]{2,40})\)/.exec(rep.text.slice(m.end))?.[1] ?? rep.aliases.get(m.name)
    if (!other || (r?.status === 'resolved' && r.place.country === rep.focus)) return r
    const alt = resolveName(other, m, rep)
    return alt?.status === 'resolved' && (r?.status !== 'resolved' || alt.place.country === rep.focus) ? alt : r
  }

  function place(m: PlaceMention, tier: string, rep: ReportView): Placed | undefined {
    const r = asWritten(m, rep)
    // "Lhubiriha Secondary School in Mpondwe", "the DusitD2 complex in the Westlands area": where its town is
    const town = r?.status !== 'resolved' && isCityPart(m) ? townAfter(rep.text, m, rep.places) : undefined
    if (town && !cityNamed(gaz, town.name, rep.focus)) {
      const there = place(town, tier, rep)
      if (there) return { ...there, mention: there.mention ?? town }
    }
    // a loose spelling match, or a homonym far from the town the text ties the name to, yields to the tie
    const tied = r?.status !== 'resolved' || LOOSE.has(matchOf(r)) ? byTie(m, rep) : byTie(m, rep, r)
    if (tied) return tied
    if (r?.status === 'resolved') return { r, at: m, evidence: {} }
    return byCity(m, rep, r) ?? (tier === 'own' ? bySentence(m, rep) : undefined) ?? byProvince(m, rep, r)
  }

  /** "the Green Zone", "Mogadishu's Hodan district": a city part the gazetteer lacks, pinned at its city, precision 1. */
  function byCity(m: PlaceMention, rep: ReportView, r: Resolution | undefined): Placed | undefined {
    if (!isCityPart(m)) return undefined
    const tie = cityOfPart(gaz, rep.text, m, rep.places, rep.cities, rep.focus)
    if (!tie) return undefined
    const label = partLabel(m, tie.how)
    const evidence: Record<string, Evidence> = { location: { kind: 'rule', rule: `city-part:${tie.how}`, spans: [sp(tie.mention), sp(m)] } }
    return { r: pinAt(tie.city, 1, `${tie.city.name} - ${label}`, r, `${label} is part of ${tie.city.name}`), at: tie.mention, evidence }
  }

  /**
   * "Bisara village near Dadri", "Tabit, about 45 km southwest of El Fasher": the town, precision 2.
   * Given a resolution, the tie is used only when it contradicts it (Mora lies 47 km from Djenné, yet
   * the text puts Moura "in the Djenné area").
   */
  function byTie(m: PlaceMention, rep: ReportView, resolved?: Resolved): Placed | undefined {
    for (const tie of tiesOf(rep.text, m.name, rep.places)) {
      if (provinces.of(tie.anchor, rep.focus)) continue
      // "in Kasese district", "in the Djenné area", "in Jere local government area": a district, not its province
      const a = resolveName(tie.how === 'inside' ? `${tie.anchor.name} district` : tie.anchor.name, tie.anchor, rep)
      if (a?.status !== 'resolved' || a.precision === 3 || a.place.kind === 'region' || LOOSE.has(matchOf(a))) continue
      const at = tie.km !== null && tie.bearing !== null ? offsetPoint(a.lat, a.lon, tie.km, tie.bearing) : { lat: a.lat, lon: a.lon }
      if (resolved && haversineKm(resolved.lat, resolved.lon, at.lat, at.lon) <= (tie.km ?? TIE_KM) + SLACK_KM) return undefined
      const evidence: Record<string, Evidence> = { geo_precision: { kind: 'rule', rule: `tied-to-town:${tie.how}`, spans: [sp(tie.span)] } }
      return { r: { ...a, ...at, precision: 2, location: m.name, reasons: [...a.reasons, `${m.name}: the text ties it to ${a.location}`] }, at: tie.anchor, evidence }
    }
    return undefined
  }

  /** A missing village in a sentence that names a town: near that town, precision 2. */
  function bySentence(m: PlaceMention, rep: ReportView): Placed | undefined {
    // "north of Tal Tamr" whose Tal Tamr is unknown is not placed by another town
    if (isCityPart(m) || m.relative) return undefined
    for (const t of sentenceMentions(rep.places, m.sentence)) {
      if (t === m || t.cue === 'from' || provinces.of(t, rep.focus)) continue
      const a = resolveName(t.name, t, rep)
      if (a?.status !== 'resolved' || a.precision === 3 || a.place.kind === 'region' || LOOSE.has(matchOf(a))) continue
      const evidence: Record<string, Evidence> = { geo_precision: { kind: 'rule', rule: 'same-sentence-town', spans: [sp(t)] } }
      return { r: { ...a, precision: 2, location: m.name }, at: t, evidence }
    }
    return undefined
  }

  /** Only the province is known: its capital, precision 3, keeping the name (codebook "Place"). */
  function byProvince(m: PlaceMention, rep: ReportView, r: Resolution | undefined): Placed | undefined {
    if (!r || r.status !== 'unresolved') return r ? { r, at: m, evidence: {} } : undefined
    if (r.fallback || !rep.focus) return { r, at: m, evidence: {} }
    const a1 = r.admin1 ?? provinces.before(m, rep.places, rep.focus) ?? provinces.anywhere(rep.places, rep.focus)
    const cap = a1 ? gaz.capital(rep.focus, a1) : undefined
    if (!a1 || !cap) return { r, at: m, evidence: {} }
    return { r: { ...r, fallback: { precision: 3, location: a1, country: rep.focus, admin1: a1, lat: cap.lat, lon: cap.lon } }, at: m, evidence: {} }
  }

  return { place, resolveName }
}

function pinAt(p: Place, precision: 1 | 2 | 3, location: string, r: Resolution | undefined, why: string): Resolved {
  return { status: 'resolved', place: p, precision, location, admin1: p.admin1, admin2: p.admin2, lat: p.lat, lon: p.lon, candidates: r?.candidates ?? [], reasons: [...(r?.reasons ?? []), why] }
}

/** Where "30 km south of" starts before the anchor's name. */
function relativeStart(text: string, m: PlaceMention): number {
  const before = text.slice(Math.max(0, m.start - 40), m.start)
  const i = before.search(/(\d+(?:[.,]\d+)?\s*(km|kilomet\w*|miles)\s+)?(north|south|east|west)[\w-]*\s+of\s+$/i)
  return i >= 0 ? m.start - before.length + i : m.start
}
