/**
 * What the real corpus measures beyond the referee: events written on pages that report none, sub-type
 * accuracy on short inputs, and whether confidence is a probability (reliability table, expected
 * calibration error). Events are paired exactly as the referee pairs them.
 */
import { match, type GoldCase, type ScoreEvent, type SystemCase } from './score.js'

const reported = (e: ScoreEvent) => !e.background

/** Events written per 100 cases whose gold reports none (past-context mentions aside). */
export function noEventRate(gold: GoldCase[], system: SystemCase[]) {
  const sys = new Map(system.map((c) => [String(c.id), c.events ?? []]))
  const quiet = gold.filter((c) => !(c.events ?? []).some(reported))
  let events = 0, pages = 0
  for (const c of quiet) {
    const n = (sys.get(String(c.id)) ?? []).filter(reported).length
    events += n
    if (n > 0) pages++
  }
  return { cases: quiet.length, events, casesWithEvents: pages, per100: quiet.length ? Math.round((events / quiet.length) * 1000) / 10 : 0 }
}

/** Of the gold events reported in the given cases, the share matched by a system event of the same sub-type. */
export function subTypeAccuracy(gold: GoldCase[], system: SystemCase[]) {
  const sys = new Map(system.map((c) => [String(c.id), c.events ?? []]))
  let right = 0, n = 0
  for (const c of gold) {
    const g = c.events ?? [], s = sys.get(String(c.id)) ?? []
    const pairs = match(g, s)
    g.forEach((ge, i) => {
      if (!reported(ge)) return
      n++
      const j = pairs.find(([gi]) => gi === i)?.[1]
      if (j !== undefined && s[j]!.sub_event_type === ge.sub_event_type) right++
    })
  }
  return { n, right, accuracy: n ? Math.round((right / n) * 1000) / 1000 : 0 }
}

export type Outcome = { confidence: number; right: boolean }

/**
 * Each reported system event with its outcome: right when the referee pairs it with a reported gold
 * event of the same event type (the codebook: "the chance that this is a real, correctly typed event").
 */
export function outcomes(gold: GoldCase[], system: SystemCase[]): Outcome[] {
  const sys = new Map(system.map((c) => [String(c.id), c.events ?? []]))
  const out: Outcome[] = []
  for (const c of gold) {
    const g = c.events ?? [], s = sys.get(String(c.id)) ?? []
    const pairs = match(g, s)
    s.forEach((se, j) => {
      if (!reported(se)) return
      const i = pairs.find(([, sj]) => sj === j)?.[0]
      const ge = i === undefined ? null : g[i]!
      out.push({ confidence: Number(se.confidence ?? 0), right: !!ge && reported(ge) && ge.event_type === se.event_type })
    })
  }
  return out
}

/** Reliability table over equal-width confidence bins and the expected calibration error (bin-weighted |accuracy - confidence|). */
export function calibration(xs: Outcome[], bins = 10) {
  const rows = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, n: 0, right: 0, confidence: 0 }))
  for (const x of xs) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(x.confidence * bins)))
    rows[b]!.n++
    rows[b]!.confidence += x.confidence
    if (x.right) rows[b]!.right++
  }
  let ece = 0
  const table = rows.filter((r) => r.n > 0).map((r) => {
    const accuracy = r.right / r.n, confidence = r.confidence / r.n
    ece += (r.n / xs.length) * Math.abs(accuracy - confidence)
    return { from: r.from, to: r.to, n: r.n, confidence: round(confidence), accuracy: round(accuracy) }
  })
  return { n: xs.length, ece: round(ece), table }
}

const round = (x: number) => Math.round(x * 1000) / 1000
