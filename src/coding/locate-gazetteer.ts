import type { Doc } from '../doc.js'
import type { Evidence, GeoPrecision } from '../types.js'
import type { Gazetteer, LatLon, Resolution, ToponymQuery } from '../geo/types.js'
import { resolveToponym } from '../geo/resolve.js'
import { haversineKm } from '../geo/geo-math.js'
import { acledAdmin2 } from '../geo/acled-names.js'
import { normalizePlaceName } from '../geo/normalize.js'
import { mentionOrder, mainPlaces } from '../geo/mention-order.js'
import { aliasesOf, makeMentionPlacer, type Placed, type ReportView } from '../geo/mention-place.js'
import { makeProvinceReader } from '../geo/province-reader.js'
import type { Resolved } from '../geo/resolve-mention.js'
import { cityNamed, cityOfPart, isCityPart, isTownFacility, liesInside, partLabel } from '../geo/city-part.js'
import type { PlaceMention } from '../entities/places.js'
import type { Draft } from './cluster.js'
import type { Located } from './locate.js'

const sameName = (a: string, b: string) => normalizePlaceName(a) === normalizePlaceName(b)
const sp = (m: { start: number; end: number }) => ({ start: m.start, end: m.end })
const CITY_KINDS = /^(neighbourhood|campus|localadmin|borough|macrohood|microhood)$/
// codebook: "near a town", "the outskirts of X", "outside the village of X" are precision 2
const NEAR_BEFORE = /\b(?:near|outside|around|close to|outskirts of|vicinity of|edge of)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?(?:al-|el-)?$/i
const LEAD_PARAGRAPHS = 2
const OUTSKIRTS = /\b(?:(?:outskirts|edge|vicinity)\s+of\s+the|near\s+the|outside\s+the)\s+(?:city|town|capital|village)\b/i
const clauses = (draft: Draft, doc: Doc) => draft.parts.map((p) => doc.text.slice(p.clause.start, p.clause.end)).join(' ')

type Report = ReportView & { doc: Doc; paragraphOf: (s: number) => number; lastCountry: string | null }

/** Places the incident on the map: its own place, a place the text ties it to, its province, or the report's place. */
export function makeGazetteerLocator(gaz: Gazetteer) {
  const cache = new Map<string, Resolution>()
  const resolve = (q: ToponymQuery): Resolution => {
    const key = JSON.stringify(q)
    let r = cache.get(key)
    if (!r) {
      r = resolveToponym(gaz, q)
      if (cache.size > 5000) cache.clear()
      cache.set(key, r)
    }
    return r
  }
  const provinces = makeProvinceReader(gaz)
  const placer = makeMentionPlacer(gaz, resolve, provinces)

  let report: Report | null = null
  function reportOf(doc: Doc): Report {
    if (report?.doc === doc) return report
    const paragraphs = new Map((doc.seg?.sentences ?? []).map((s) => [s.index, s.paragraph]))
    const focus = doc.focus?.iso2 ?? null
    const places = doc.places ?? []
    report = {
      doc, text: doc.text, places, focus, paragraphOf: (i) => paragraphs.get(i) ?? 0, lastCountry: null,
      cities: mainPlaces(places, (p) => !!provinces.of(p, focus)),
      countries: [focus, ...(doc.focus?.ranked ?? []).filter((c) => c !== focus).slice(0, 3)],
      anchors: anchorsOf(places, focus), aliases: aliasesOf(doc.text, places),
    }
    return report
  }

  return function locate(draft: Draft, doc: Doc): Located {
    const rep = reportOf(doc)
    const focus = rep.focus
    const own = partsFirst(draft.parts.flatMap((p) => p.places), rep)
    const sentences = [...new Set(draft.parts.map((p) => p.clause.sentence))]
    const isProvince = (p: PlaceMention) => !!provinces.of(p, focus)
    const offered = mentionOrder(own, sentences, { places: rep.places, paragraphOf: rep.paragraphOf }, isProvince)
    let named: PlaceMention | null = null
    for (const { mention: m, tier } of offered) {
      const a1 = provinces.of(m, focus)
      if (a1 && focus) {
        // "gunmen stormed the school in Yobe state", the lead having named Dapchi: the town told in the lead
        const lead = rep.paragraphOf(m.sentence) < LEAD_PARAGRAPHS ? leadTown(rep, a1) : undefined
        if (lead) return fromPlaced(lead.placed, lead.mention, rep)
        const cap = gaz.capital(focus, a1)
        if (!cap) continue
        const evidence: Record<string, Evidence> = { location: { kind: 'rule', rule: `province-capital:${tier}`, spans: [sp(m)] } }
        return located(focus, a1, cap.admin2, named?.name ?? cap.name, cap.lat, cap.lon, 3, 'resolved', evidence)
      }
      const placed = placer.place(m, tier, rep)
      // a place the incident names but the gazetteer lacks is taken for a part of the report's city, not of a village
      if (named && (tier === 'paragraph' || tier === 'report') && placed?.r.status === 'resolved' && !cityNamed(gaz, placed.r.place.name, placed.r.place.country)) continue
      if (placed?.r.status === 'resolved' && (tier === 'paragraph' || tier === 'report') && placed.r.precision === 1 && OUTSKIRTS.test(clauses(draft, doc))) {
        // "arrested at a toll plaza on the outskirts of the city": the report's city, precision 2
        const near: Placed = { ...placed, r: { ...placed.r, precision: 2 }, evidence: { ...placed.evidence, geo_precision: { kind: 'rule', rule: 'outskirts-of-the-city' } } }
        return fromPlaced(near, m, rep)
      }
      if (placed?.r.status === 'resolved') return fromPlaced(placed, m, rep)
      if (placed?.r.status === 'unresolved' && placed.r.fallback) {
        const fb = placed.r.fallback
        return located(fb.country, fb.admin1, null, m.name, fb.lat, fb.lon, 3, 'resolved', { location: { kind: 'rule', rule: 'province-capital:place-unresolved', spans: [sp(m)] } }, placed.r)
      }
      named ??= m
    }
    const evidence: Record<string, Evidence> = { location: named ? { kind: 'rule', rule: 'place-unresolved', spans: [sp(named)] } : { kind: 'rule', rule: 'no-place-named' } }
    // an unplaced incident is in the country of the incident told before it, else the report's main country
    const country = rep.lastCountry ?? focus
    if (country !== focus) evidence.country = { kind: 'rule', rule: 'country-of-previous-incident' }
    return located(country, null, null, named?.name ?? null, null, null, null, 'unresolved', evidence)
  }

  /**
   * "Baghdad's Karrada district", "in Baghdad also targeted Tayaran Square": the district or square, a part of
   * the city the clause also names, goes first.
   */
  function partsFirst(own: PlaceMention[], rep: Report): PlaceMention[] {
    const parts = own.filter((m) => {
      if (!isCityPart(m)) return false
      const tie = cityOfPart(gaz, rep.text, m, rep.places, [], rep.focus)
      // a part named in passing ("a Darfuri station") needs its own preposition; "Baghdad's Karrada" does not
      const tied = m.cue !== null || tie?.how === 'possessive' || tie?.how === 'of-city'
      return !!tie && tied && own.includes(tie.mention) && tie.mention !== m && !sameName(tie.city.name, m.name)
    })
    return parts.length ? [...parts, ...own.filter((m) => !parts.includes(m))] : own
  }

  /** The first town of the lead paragraphs that lies in the province. */
  function leadTown(rep: Report, a1: string): { placed: Placed; mention: PlaceMention } | undefined {
    for (const p of rep.places) {
      if (rep.paragraphOf(p.sentence) >= LEAD_PARAGRAPHS || p.cue === 'dateline' || p.cue === 'from' || provinces.of(p, rep.focus)) continue
      const placed = placer.place(p, 'report', rep)
      if (placed?.r.status === 'resolved' && placed.r.admin1 === a1 && placed.r.precision < 3 && placed.r.place.kind !== 'region') return { placed, mention: p }
    }
    return undefined
  }

  /** The report's places that resolve on their own: they pull a name with homonyms toward them. */
  function anchorsOf(places: readonly PlaceMention[], focus: string | null): LatLon[] {
    if (!focus) return []
    const out: LatLon[] = []
    for (const p of places.slice(0, 30)) {
      if (p.feature === 'admin1' || p.cue === 'from' || provinces.of(p, focus)) continue
      const r = resolve({ name: p.name, country: focus })
      if (r.status === 'resolved' && r.precision === 1) out.push({ lat: r.lat, lon: r.lon })
    }
    return out.slice(0, 8)
  }

  function fromPlaced(placed: Placed, written: PlaceMention, rep: Report): Located {
    let r = placed.r as Resolved
    const at = placed.at
    const m = placed.mention ?? written
    const evidence = { ...placed.evidence }
    rep.lastCountry = r.place.country
    evidence.location ??= { kind: 'spans', spans: [sp(m)] }
    evidence.latitude = { kind: 'rule', rule: `gazetteer:${r.place.id}`, spans: [sp(at)] }
    if (at === m && (isCityPart(m) || CITY_KINDS.test(r.place.kind) || m.feature === 'area')) {
      const part = asCityPart(r, m, rep, evidence)
      if (part) return part
    }
    if (at === m && r.precision === 1 && NEAR_BEFORE.test(rep.text.slice(Math.max(0, m.start - 40), m.start))) {
      r = { ...r, precision: 2 }
      evidence.geo_precision = { kind: 'rule', rule: 'near-a-town', spans: [sp(m)] }
    }
    // "a resort in the Zakho district": somewhere in the district, not the town itself
    if (at === m && r.precision === 1 && m.featureWord === 'district') {
      r = { ...r, precision: 2 }
      evidence.geo_precision = { kind: 'rule', rule: 'part-of-district', spans: [sp(m)] }
    }
    // "the Rawda mosque", "Garissa University": a facility inside its town is the town, precision 1
    if (at === m && r.precision === 2 && isTownFacility(m) && r.place.kind === 'locality' && !m.relative) {
      r = { ...r, precision: 1, location: `${r.location} - ${partLabel(m, 'named-with')}` }
      evidence.geo_precision = { kind: 'rule', rule: 'facility-in-town', spans: [sp(m)] }
    }
    return located(r.place.country, r.admin1, r.admin2, r.location, r.lat, r.lon, r.precision, 'resolved', evidence, r)
  }

  /** A district or facility of a city is written "City - District", precision 1 (DEV_CODING 5). */
  function asCityPart(r: Resolved, m: PlaceMention, rep: Report, evidence: Record<string, Evidence>): Located | undefined {
    const tie = cityOfPart(gaz, rep.text, m, rep.places, rep.cities, r.place.country)
    // "the Qaim district" of Al Qa'im is the town's own district, not a part of it
    if (!tie || (tie.how !== 'named-with' && sameName(tie.city.name, m.name))) return undefined
    const inside = liesInside(tie.city, { ...r, id: r.place.id, admin1: r.admin1 })
    // "the Madina district" of a Mogadishu report is not the village Maddiina 25 km away in another province
    const village = isCityPart(m) && tie.how !== 'named-with' && r.place.population < 10000 && haversineKm(tie.city.lat, tie.city.lon, r.lat, r.lon) <= 30
    if (!inside && !village && !(tie.how === 'named-with' && tie.city.id === r.place.id)) return undefined
    evidence.location = { kind: 'rule', rule: `city-part:${tie.how}`, spans: [sp(tie.mention), sp(m)] }
    const label = r.location.includes(' - ') ? r.location.split(' - ').at(-1)! : inside ? r.location : partLabel(m, tie.how)
    const pin = inside ? r : tie.city
    return located(tie.city.country, tie.city.admin1, tie.city.admin2, `${tie.city.name} - ${label}`, pin.lat, pin.lon, 1, 'resolved', evidence, r)
  }

  function located(iso: string | null, admin1: string | null, admin2: string | null, location: string | null,
    lat: number | null, lon: number | null, precision: number | null, status: 'resolved' | 'unresolved', evidence: Record<string, Evidence>, r?: Resolution): Located {
    const c = iso ? gaz.country(iso) : undefined
    evidence.country ??= { kind: 'rule', rule: iso ? 'country-of-place' : 'unknown' }
    // Output names are ACLED's: analysts join on them. Inside the coder the gazetteer's names stay the keys.
    const unit = c && admin1 ? gaz.admin1(c.iso2, admin1) : undefined
    const out1 = unit?.acled ?? admin1
    return {
      country: c?.name ?? null, iso: c?.iso2 ?? iso, iso3: c?.iso3 ?? null,
      admin1: out1, admin2: admin2 === null ? null : acledAdmin2(admin2), location: location === admin1 ? out1 : location,
      latitude: lat, longitude: lon, geo_precision: precision as GeoPrecision | null, status, evidence,
      ...(r ? { candidates: r.candidates.slice(0, 5).map((x) => ({ name: x.name, admin1: x.admin1 ? gaz.admin1(x.country, x.admin1)?.acled ?? x.admin1 : null, latitude: x.lat, longitude: x.lon })) } : {}),
    }
  }
}
