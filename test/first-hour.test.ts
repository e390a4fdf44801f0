import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, utimesSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as netServer } from 'node:net'
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from './support/cli.js'
import { createApp } from '../src/api/app.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'

// A new user's first hour (issue 14): one text gives one coding whatever reads it, errors say what to do,
// and nothing a user shares carries their directory layout. Every text here is invented.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
let dir = ''
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'sitrep-first-hour-')) })
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

// a headline, a blank line, then the story: the case where `code` and `ingest` used to disagree
const STORY = 'Militants attack army post near Gao\n\nGAO, Mali — Militants attacked an army post near Gao on Sunday, killing four soldiers, ' +
  'the army said. Troops later arrested two suspects in the town.\n\nResidents said shops stayed shut on Monday.\n'
const PUBLISHED = '2023-05-09'

type Ev = Record<string, unknown>
const lines = (s: string) => s.split('\n').filter((l) => l.trim().length > 0)
const view = (events: Ev[]) => events.map((e) => [e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location, e.latitude, e.longitude, e.event_date, e.fatalities, e.background].join(' | ')).sort()

describe('one text, one coding', () => {
  it('code FILE, code --jsonl, ingest + events --by-report and POST /api/reports give the same events', async () => {
    const story = file('gao.txt', STORY)
    const viaCode = JSON.parse((await run(['code', story, '--published', PUBLISHED, '--format', 'json'])).stdout) as { events: Ev[] }
    expect(viaCode.events.length).toBeGreaterThan(0)

    const batch = file('gao.jsonl', JSON.stringify({ id: 'gao', text: STORY, published: PUBLISHED }) + '\n')
    const viaJsonl = JSON.parse((await run(['code', '--jsonl', batch])).out[0]!) as { events: Ev[] }

    const db = join(dir, 'one.db')
    const ingest = await run(['ingest', story, '--db', db, '--published', PUBLISHED])
    expect(ingest.exitCode).toBeUndefined()
    const byReport = lines((await run(['events', '--db', db, '--by-report', '--format', 'jsonl'])).stdout).map((l) => JSON.parse(l) as { events: Ev[] })

    const store = await SqliteStore.open(join(dir, 'api.db'))
    const token = 'first-hour-token-0123456789'
    const app = createApp(store, { token, log: () => {} })
    const res = await app.request('/api/reports', {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: STORY, published: PUBLISHED }),
    })
    expect(res.status).toBe(200)
    const viaApi: Ev[] = []
    for await (const r of store.eventsByReport()) viaApi.push(...r.events)
    await store.close()

    const expected = view(viaCode.events)
    expect(view(viaJsonl.events)).toEqual(expected)
    expect(view(byReport.flatMap((r) => r.events))).toEqual(expected)
    expect(view(viaApi)).toEqual(expected)
  })

  it('the headline is the title for display and is coded with the rest', async () => {
    const db = join(dir, 'title.db')
    await run(['ingest', file('title.txt', STORY), '--db', db, '--published', PUBLISHED])
    const store = await SqliteStore.open(db)
    const app = createApp(store, { log: () => {} })
    const page = await (await app.request('/api/events')).json() as { events: { event_id: string }[] }
    const detail = await (await app.request(`/api/events/${page.events[0]!.event_id}`)).json() as { sources: { report: { title: string; text: string } }[] }
    await store.close()
    expect(detail.sources[0]!.report.title).toBe('Militants attack army post near Gao')
    expect(detail.sources[0]!.report.text).toBe(STORY)
  })
})

describe('errors a user understands', () => {
  it('code on an empty file says why nothing was coded and fails', async () => {
    const r = await run(['code', file('empty.txt', '  \n')])
    expect(r.err.join('\n')).toContain('empty.txt: empty: no text to code')
    expect(r.err.at(-1)).toBe('nothing coded from 1 input(s)')
    expect(r.exitCode).toBe(1)
    expect(r.out).toEqual([])
  })

  it('code on a binary file says it is binary and fails', async () => {
    const r = await run(['code', file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))])
    expect(r.err.join('\n')).toContain('image.txt: binary file, not text')
    expect(r.exitCode).toBe(1)
  })

  it('a missing file is "no such file: PATH", for code, code --jsonl and ingest', async () => {
    const missing = join(dir, 'nowhere', 'report.txt')
    for (const argv of [['code', missing], ['code', '--jsonl', missing], ['ingest', missing, '--db', join(dir, 'missing.db')]]) {
      const r = await run(argv)
      expect(r.err.join('\n'), argv.join(' ')).toContain(`no such file: ${missing}`)
      expect(r.err.join('\n')).not.toMatch(/ENOENT|open '/)
      expect(r.exitCode, argv.join(' ')).toBeGreaterThan(0)
    }
  })

  it('a bad --published names the option and the form it wants, for code and ingest', async () => {
    const story = file('dated.txt', STORY)
    for (const argv of [['code', story, '--published', '2024-13-45'], ['ingest', story, '--db', join(dir, 'bad-date.db'), '--published', '2024-02-30']]) {
      const r = await run(argv)
      expect(r.err.join('\n')).toMatch(/--published: expected a date as YYYY-MM-DD .*got "2024-(13-45|02-30)"/)
      expect(r.err.join('\n')).not.toContain('Invalid time value')
      expect(r.exitCode).toBe(2)
    }
  })

  it('a refused private address names the flag that allows it', async () => {
    const server: Server = createServer((_q, res) => { res.setHeader('content-type', 'text/plain'); res.end('Police dispersed a march in Lome on Tuesday.') })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    try {
      const r = await run(['ingest', `http://127.0.0.1:${port}/story.txt`, '--db', join(dir, 'private.db'), '--timeout', '2s'])
      expect(r.err.join('\n')).toContain('--allow-private')
      expect(r.err.join('\n')).not.toContain('allowPrivate')
      expect(r.exitCode).toBe(1)
    } finally {
      server.close()
    }
  })

  it('an ingest failure line names its path once', async () => {
    const bin = file('tool.bin.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00, 0x01]))
    const r = await run(['ingest', bin, '--db', join(dir, 'doubled.db')])
    const line = r.err.join('\n').split('\n').find((l) => l.includes('failed:'))!
    expect(line).toBe(`  failed: ${bin}: binary file, not text`)
    expect(line.split(bin).length - 1).toBe(1)
    expect(r.exitCode).toBe(1)
  })

  it('a busy port says which and what to pass', async () => {
    const blocker = netServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const r = await run(['serve', '--port', String(port), '--db', join(dir, 'busy.db')])
      expect(r.err.join('\n')).toContain(`port ${port} is in use; pass --port`)
      expect(r.err.join('\n')).not.toContain('EADDRINUSE')
      expect(r.exitCode).toBe(2)
    } finally {
      blocker.close()
    }
  })
})

describe('missing dates are said', () => {
  it('ingest counts the reports that had no publication date and says what to pass', async () => {
    const a = file('undated-a.txt', 'Gunmen killed two farmers near Mopti on Tuesday.\n')
    const b = file('undated-b.txt', 'Soldiers clashed with militants near Gao on Friday.\n')
    const r = await run(['ingest', a, b, '--db', join(dir, 'undated.db')])
    expect(r.err.join('\n')).toContain('2 reports had no publication date: their relative dates ("on Tuesday", "last week") are unresolved; pass --published')
  })

  it('--published mtime dates a local file by its modification time, and only when asked', async () => {
    const p = file('mtime.txt', 'Gunmen killed two farmers near Mopti on Tuesday.\n')
    const when = new Date(Date.UTC(2022, 2, 10, 12)) // a Thursday: "on Tuesday" is 2022-03-08
    utimesSync(p, when, when)
    const db = join(dir, 'mtime.db')
    const r = await run(['ingest', p, '--db', db, '--published', 'mtime'])
    expect(r.err.join('\n')).not.toContain('no publication date')
    const events = lines((await run(['events', '--db', db, '--by-report', '--format', 'jsonl'])).stdout).flatMap((l) => (JSON.parse(l) as { events: Ev[] }).events)
    expect(events.map((e) => e.event_date)).toContain('2022-03-08')
    const coded = JSON.parse((await run(['code', p, '--published', 'mtime', '--format', 'json'])).stdout) as { events: Ev[] }
    expect(coded.events.map((e) => e.event_date)).toContain('2022-03-08')
  })
})

describe('no absolute path leaves the machine', () => {
  it('ingesting from a deep directory: no CSV, GeoJSON, JSONL or API answer carries the path', async () => {
    const deep = join(dir, 'home', 'analyst', 'private', 'projects', 'sahel', 'clippings')
    mkdirSync(join(deep, 'week1'), { recursive: true })
    writeFileSync(join(deep, 'week1', 'gao.txt'), STORY)
    writeFileSync(join(deep, 'mopti.html'), '<html><head><title>Attack near Mopti</title></head><body><article><p>Gunmen killed two farmers near Mopti on Tuesday, officials said.</p><p>The army sent troops to the area.</p></article></body></html>')
    writeFileSync(join(deep, 'batch.jsonl'), JSON.stringify({ text: 'Protesters blocked a road in Bamako on Monday.', published: PUBLISHED }) + '\n')
    const db = join(dir, 'private.db')
    const ingest = await run(['ingest', deep, join(deep, 'week1', 'gao.txt'), '--db', db, '--published', PUBLISHED])
    expect(ingest.exitCode).toBeUndefined()

    const outputs: [string, string][] = []
    for (const format of ['csv', 'geojson', 'jsonl']) outputs.push([format, (await run(['events', '--db', db, '--format', format])).stdout])
    outputs.push(['by-report', (await run(['events', '--db', db, '--by-report', '--format', 'jsonl'])).stdout])
    const store = await SqliteStore.open(db)
    const app = createApp(store, { log: () => {} })
    for (const path of ['/api/events', '/api/events?format=geojson', '/api/events?format=csv', '/api/events?format=points', '/api/stats', '/api/health']) {
      outputs.push([path, await (await app.request(path)).text()])
    }
    const page = JSON.parse(outputs.find(([p]) => p === '/api/events')![1]) as { events: { event_id: string }[] }
    expect(page.events.length).toBeGreaterThanOrEqual(3)
    for (const e of page.events) outputs.push([`/api/events/${e.event_id}`, await (await app.request(`/api/events/${e.event_id}`)).text()])
    await store.close()

    for (const [what, text] of outputs) {
      expect(text.length, what).toBeGreaterThan(0)
      expect(text.includes(dir), `${what} carries ${dir}`).toBe(false)
      expect(text.includes('analyst/private'), what).toBe(false)
    }
    // what is written instead: the outlet, or the file's base name
    const csv = outputs.find(([f]) => f === 'csv')![1]
    expect(csv).toMatch(/gao\.txt/)
  })
})

describe('npm start', () => {
  it('one SIGTERM to the started process stops the ingest-and-serve it runs, and re-running stores nothing twice', async () => {
    const db = join(dir, 'start.db')
    const start = async () => {
      const child = spawn('npm', ['start', '--silent', '--', '--port', '0', '--db', db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
      let out = '', err = ''
      child.stdout.on('data', (d) => { out += String(d) })
      child.stderr.on('data', (d) => { err += String(d) })
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no dashboard line in 60 s:\n${out}\n${err}`)), 60_000)
        child.stdout.on('data', () => {
          const m = /Sitrep dashboard: (http:\/\/\S+)/.exec(out)
          if (m) { clearTimeout(timer); resolve(m[1]!) }
        })
      })
      return { child, url, err: () => err }
    }
    const first = await start()
    expect((await fetch(`${first.url}api/health`)).status).toBe(200)
    const exited = new Promise<number | null>((resolve) => first.child.on('exit', (code) => resolve(code)))
    first.child.kill('SIGTERM')
    await exited
    // the server the started process ran is gone with it
    await expect(fetch(`${first.url}api/health`)).rejects.toThrow()
    expect(first.err()).toMatch(/read \d+ item\(s\): \d+ stored/)

    const again = await start()
    expect(again.err()).toMatch(/read (\d+) item\(s\): 0 stored, \1 already stored/)
    const done = new Promise<void>((resolve) => again.child.on('exit', () => resolve()))
    again.child.kill('SIGTERM')
    await done
    expect(readFileSync(db).length).toBeGreaterThan(0)
  }, 120_000)
})
