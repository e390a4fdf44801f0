import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from './support/cli.js'

let dir = ''
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-')) })
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

const GOOD_1 = { id: 'r1', text: 'Gunmen killed five villagers in Maiduguri on Monday.', published: '2019-04-16' }
const GOOD_2 = { id: 'r2', text: 'Police arrested six suspected militants in Karachi on Monday.', published: '2019-04-16' }

describe('sitrep code --jsonl', () => {
  it('codes the good lines, names the bad line and its reason, and fails the run', async () => {
    const batch = file('batch.jsonl', [JSON.stringify(GOOD_1), '{"id": "r-bad", "text": "unterminated', JSON.stringify(GOOD_2), ''].join('\n'))
    const r = await run(['code', '--jsonl', batch])

    const lines = r.out.map((l) => JSON.parse(l) as { id: string; events: { sub_event_type: string }[] })
    expect(lines.map((l) => l.id)).toEqual(['r1', 'r2'])
    for (const l of lines) expect(Array.isArray(l.events)).toBe(true)
    expect(lines[0]!.events.map((e) => e.sub_event_type)).toEqual(['Attack'])
    expect(lines[1]!.events.map((e) => e.sub_event_type)).toEqual(['Arrests'])

    expect(r.err.some((e) => /\bline 2\b/.test(e) && /not valid JSON/.test(e))).toBe(true)
    expect(r.err.at(-1)).toBe('coded 2 report(s), 1 failed')
    expect(r.exitCode).not.toBeUndefined()
    expect(r.exitCode).not.toBe(0)
  })

  it('names a line that is JSON but not a report (no text)', async () => {
    const batch = file('schema.jsonl', [JSON.stringify(GOOD_1), JSON.stringify({ id: 'r3', title: 'no text' })].join('\n'))
    const r = await run(['code', '--jsonl', batch])
    expect(r.out).toHaveLength(1)
    expect(r.err.some((e) => /\bline 2\b/.test(e) && /text/.test(e))).toBe(true)
    expect(r.exitCode).toBe(1)
  })

  it('a clean batch sets no exit code and says how many it coded', async () => {
    const batch = file('clean.jsonl', [GOOD_1, GOOD_2].map((x) => JSON.stringify(x)).join('\n') + '\n')
    const r = await run(['code', '--jsonl', batch])
    expect(r.out).toHaveLength(2)
    expect(r.err).toEqual(['coded 2 report(s)'])
    expect(r.exitCode).toBeUndefined()
  })

  // known gap: with --jsonl, --published is neither checked nor used (lines without "published" keep their
  // relative dates unresolved); today the batch is coded and the run succeeds
  it('a malformed --published is an error for a batch too', async () => {
    const batch = file('pub.jsonl', JSON.stringify({ id: 'r4', text: GOOD_1.text }) + '\n')
    const r = await run(['code', '--jsonl', batch, '--published', 'garbage'])
    expect(r.exitCode).toBe(2)
    expect(r.err.join('\n')).toContain('--published: expected a date as YYYY-MM-DD')
  })

  it('reads the batch from standard input with "-"', async () => {
    const r = await run(['code', '--jsonl', '-'], JSON.stringify(GOOD_1) + '\n')
    expect(r.out.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['r1'])
  })
})

describe('sitrep code FILE', () => {
  it('--format json prints the report\'s events, dated against --published', async () => {
    const report = file('report.txt', 'Gunmen killed five villagers in Maiduguri on Sunday.')
    const r = await run(['code', report, '--published', '2019-04-15', '--format', 'json'])
    expect(r.exitCode).toBeUndefined()
    const doc = JSON.parse(r.out.join('\n')) as { id: string; events: { event_type: string; event_date: string; fatalities: number }[]; diagnostics: unknown[] }
    expect(doc.id).toBe('report.txt') // the base name: ids never carry a user's directory layout
    expect(doc.events.map((e) => [e.event_type, e.event_date, e.fatalities])).toEqual([['Violence against civilians', '2019-04-14', 5]])
    expect(Array.isArray(doc.diagnostics)).toBe(true)
  })

  it('the default table names the sub-event type', async () => {
    const report = file('table.txt', 'Gunmen killed five villagers in Maiduguri on Sunday.')
    const r = await run(['code', report, '--published', '2019-04-15'])
    const table = r.out.join('\n')
    expect(table).toMatch(/^date\s+tp\s+sub-event type/)
    expect(table).toContain('Attack')
  })

  it.each(['15/04/2019', '2019-4-15', 'yesterday'])('--published %s is a clear error with exit code 2', async (bad) => {
    const report = file('bad-date.txt', 'Gunmen killed five villagers in Maiduguri on Sunday.')
    const r = await run(['code', report, '--published', bad])
    expect(r.exitCode).toBe(2)
    expect(r.out).toEqual([])
    expect(r.err.join('\n')).toContain(`--published: expected a date as YYYY-MM-DD (or "mtime" for a local file's modification date), got "${bad}"`)
  })

  it('a missing file is "no such file: PATH", a failure exit code, not a stack trace', async () => {
    const r = await run(['code', join(dir, 'no-such-file.txt')])
    expect(r.exitCode).toBe(1)
    expect(r.err[0]).toBe(`no such file: ${join(dir, 'no-such-file.txt')}`)
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /)
  })

  it('no file and no --jsonl is a usage error', async () => {
    const r = await run(['code'])
    expect(r.exitCode).toBe(2)
    expect(r.err.join('\n')).toContain('give a report file, a URL or "-", or --jsonl FILE')
  })
})

describe('sitrep eval', () => {
  const gold = () => file('gold.jsonl', [
    { ...GOOD_1, events: [{ event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: 'Unidentified Armed Group (Nigeria)', actor2: 'Civilians (Nigeria)', admin1: 'Borno State', location: 'Maiduguri', event_date: '2019-04-15', fatalities: 5 }] },
    { ...GOOD_2, events: [{ event_type: 'Strategic developments', sub_event_type: 'Arrests', actor1: 'Police Forces of Pakistan', admin1: 'Sindh', location: 'Karachi', event_date: '2019-04-15' }] },
  ].map((x) => JSON.stringify(x)).join('\n') + '\n')

  it('prints the referee\'s lines: cases, events P R F1, fields, background, merge', async () => {
    const r = await run(['eval', gold()])
    expect(r.exitCode).toBeUndefined()
    const [head, ...rest] = r.out.join('\n').split('\n')
    expect(head).toMatch(/^cases 2 {2}events P [0-9.]+ R [0-9.]+ F1 [0-9.]+ \(tp \d+ fp \d+ fn \d+\)$/)
    expect(rest.some((l) => /^ {2}event_type\s+[0-9.]+ \(n=\d+\)$/.test(l))).toBe(true)
    expect(rest.some((l) => /^ {2}background\s+\d+\/\d+ past-context mentions marked as background$/.test(l))).toBe(true)
    expect(rest.some((l) => /^ {2}merge\s+P [0-9.]+ R [0-9.]+ \(pairs tp \d+ fp \d+ fn \d+\)$/.test(l))).toBe(true)
  })

  it('--json prints the scores as JSON, and --out writes the system output', async () => {
    const out = join(dir, 'system.jsonl')
    const r = await run(['eval', gold(), '--json', '--out', out])
    const s = JSON.parse(r.out.join('\n')) as { cases: number; events: { tp: number; fp: number; fn: number } }
    expect(s.cases).toBe(2)
    expect(s.events.tp + s.events.fn).toBe(2)
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['r1', 'r2'])
  })

  it('a bad gold line is named and fails the run, the rest is scored', async () => {
    const bad = file('gold-bad.jsonl', JSON.stringify({ ...GOOD_1, events: [] }) + '\nnot json\n')
    const r = await run(['eval', bad])
    expect(r.out.join('\n')).toMatch(/^cases 1 /)
    expect(r.err.some((e) => /line 2/.test(e))).toBe(true)
    expect(r.exitCode).toBe(1)
  })
})

describe('help and misuse', () => {
  it('--help lists the commands and sets no error', async () => {
    const r = await run(['--help'])
    const help = r.out.join('\n')
    expect(help).toMatch(/Usage: sitrep/)
    for (const cmd of ['code', 'eval', 'demo']) expect(help).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'))
    expect(r.exitCode === undefined || r.exitCode === 0).toBe(true)
  })

  it('code --help shows the code options', async () => {
    const r = await run(['code', '--help'])
    expect(r.out.join('\n')).toContain('--published <date>')
    expect(r.exitCode === undefined || r.exitCode === 0).toBe(true)
  })

  it('an unknown command exits non-zero with a message', async () => {
    const r = await run(['frobnicate'])
    expect(r.exitCode).toBeGreaterThan(0)
    expect(r.err.join('\n')).toMatch(/unknown command/i)
  })
})
