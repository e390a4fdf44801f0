import { describe, it, expect } from 'vitest'
import { readFileSync, mkdtempSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rules } from '../src/data/load.js'

// The real corpus as committed: pointers and codings only (the texts belong to their publishers), and the
// shape issue 12 asks of it. These tests never need the texts.
const root = fileURLToPath(new URL('..', import.meta.url))
const cases = readFileSync(join(root, 'bench/real/cases.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>)
const subTypes = Object.values(rules().subEvents.types).flat()
const reported = (c: Record<string, any>) => (c.events as any[]).filter((e) => !e.background)

describe('the real corpus (bench/real/cases.jsonl)', () => {
  it('holds pointers and codings, never a page text', () => {
    for (const c of cases) {
      expect(Object.keys(c)).not.toContain('text')
      expect(Object.keys(c)).not.toContain('excerpt')
      expect(c.text_sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(c.url).toMatch(/^https?:\/\//)
      expect(typeof c.query).toBe('string')
      // notes point at the text by range; a long quotation would be a copy of it
      for (const note of [c.notes, ...(c.events as any[]).map((e) => e.notes)]) expect(String(note ?? '')).not.toMatch(/[“"][A-Za-z][^"”();]{80,}[”"]/)
    }
  })

  it('is coded twice and adjudicated, case by case, in the codebook\'s types', () => {
    for (const c of cases) {
      expect(c.coding.adjudicated).toBe(true)
      expect(Array.isArray(c.events)).toBe(true)
      for (const e of c.events as any[]) expect(subTypes).toContain(e.sub_event_type)
    }
  })

  it('has the size and the mix issue 12 asks for: 400+ cases, 150+ test, 35 %+ with no event, 100+ short inputs, 35+ countries, all 25 sub-types', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400)
    expect(cases.filter((c) => c.split === 'test').length).toBeGreaterThanOrEqual(150)
    expect(cases.filter((c) => reported(c).length === 0).length / cases.length).toBeGreaterThanOrEqual(0.35)
    expect(cases.filter((c) => c.kind === 'short').length).toBeGreaterThanOrEqual(100)
    expect(new Set(cases.map((c) => c.country).filter(Boolean)).size).toBeGreaterThanOrEqual(35)
    expect(new Set(cases.flatMap((c) => (c.events as any[]).map((e) => e.sub_event_type))).size).toBe(25)
  })

  it('keeps same-incident pairs and the cuts of one page inside one split', () => {
    const byId = new Map(cases.map((c) => [c.id, c]))
    for (const c of cases) for (const o of c.same_incident_as ?? []) expect(byId.get(o)?.split).toBe(c.split)
    const pages = new Map<string, string>()
    for (const c of cases) {
      const page = c.from?.page_sha256 ?? c.text_sha256
      if (pages.has(page)) expect(pages.get(page)).toBe(c.split)
      pages.set(page, c.split)
    }
  })

  it('eval:real says when the texts are absent, and scores nothing it cannot read', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sitrep-real-'))
    const out = execFileSync(process.execPath, [join(root, 'scripts/real/eval-real.mjs'), '--split', 'train'], { encoding: 'utf8', env: { ...process.env, SITREP_REAL_CACHE: empty } })
    expect(out).toMatch(/texts absent/)
    expect(out).toMatch(/nothing to score/)
  })

  it('refuses to list the test split\'s misses', () => {
    let status = 0
    try { execFileSync(process.execPath, [join(root, 'scripts/real/eval-real.mjs'), '--split', 'test', '--misses'], { stdio: 'pipe' }) } catch (e) { status = (e as { status: number }).status }
    expect(status).toBe(2)
  })
})
