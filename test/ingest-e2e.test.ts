import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from './support/cli.js'

// Feeds and pages served on loopback, ingested through the CLI into a store: the whole path from a
// feed URL to merged events, with the bad items of the batch failing one by one.
const page = (title: string, date: string, outlet: string, body: string) => `<!doctype html><html><head><title>${title}</title>
<meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${date}T09:00:00Z"></head>
<body><header><nav>Home | World | Opinion</nav></header><article><h1>${title}</h1>${body.split('\n').map((p) => `<p>${p}</p>`).join('')}</article>
<footer>Copyright ${outlet}</footer></body></html>`

const PAGES: Record<string, string> = {
  '/a/kirkuk.html': page('Bomb kills soldiers near Kirkuk', '2023-05-10', 'Tigris Wire',
    'KIRKUK — A roadside bomb killed four soldiers on a road south of Kirkuk on Tuesday, security officials said.\nThe blast struck an army patrol as it returned to base. No group immediately claimed responsibility.'),
  '/a/kirkuk-claim.html': page('Islamic State claims Kirkuk bombing', '2023-05-10', 'Northern Desk',
    'Five Iraqi soldiers were killed when an explosive device struck their patrol near Kirkuk on Tuesday, the army said in a statement.\nIslamic State claimed the attack in a message posted online late on Tuesday.'),
  '/a/basra.html': page('Basra protesters demand jobs', '2023-05-09', 'Gulf Courier',
    'BASRA — Hundreds of protesters gathered outside the provincial council in Basra on Monday to demand jobs and reliable electricity.\nThe protest ended peacefully in the evening, organisers said.'),
  '/a/mosul.html': page('Gunmen kill two shepherds near Mosul', '2023-05-12', 'Tigris Wire',
    'MOSUL — Gunmen shot dead two shepherds in a village west of Mosul on Thursday, local officials said.\nPolice opened an investigation into the killings.'),
}
let polls = 0
let base = ''
const rss = (links: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Iraq Desk</title>${links.map((l) => `<item><title>${l}</title><link>${base}${l}</link></item>`).join('')}</channel></rss>`
const server = http.createServer((req, res) => {
  const send = (type: string, body: string | Buffer) => { res.writeHead(200, { 'content-type': type }); res.end(body) }
  const url = req.url ?? '/'
  if (url === '/iraq.rss') return send('application/rss+xml', rss(['/a/kirkuk.html', '/a/basra.html']))
  if (url === '/iraq.atom') return send('application/atom+xml', `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>North</title><entry><title>claim</title><id>urn:1</id><link href="${base}/a/kirkuk-claim.html"/><updated>2023-05-10T10:00:00Z</updated></entry></feed>`)
  if (url === '/growing.rss') { polls++; return send('application/x-rss+xml', // the older type some servers still send
    rss(polls === 1 ? ['/a/kirkuk.html'] : ['/a/kirkuk.html', '/a/mosul.html'])) }
  if (url === '/broken.rss') return send('application/rss+xml', '<rss><channel><item><title>unclosed')
  if (url === '/bomb.xml') return send('application/xml', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>')
  if (url === '/photo.png') return send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))
  if (url === '/metadata') { res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); return res.end() }
  if (PAGES[url]) return send('text/html; charset=utf-8', PAGES[url])
  res.writeHead(404); res.end()
})

let dir = ''
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = mkdtempSync(join(tmpdir(), 'sitrep-e2e-'))
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('ingesting feeds and pages from a server', () => {
  it('stores the articles of RSS and Atom feeds, merges the two Kirkuk reports, and fails the bad items one by one', async () => {
    const db = join(dir, 'feeds.db')
    const urls = ['/iraq.rss', '/iraq.atom', '/broken.rss', '/bomb.xml', '/photo.png', '/metadata'].map((p) => base + p)
    const r = await run(['ingest', ...urls, '--db', db, '--allow-private', '--timeout', '5s'])
    const err = r.err.join('\n')
    expect(r.exitCode).toBe(1)
    expect(err).toMatch(/3 stored, 0 already stored, 0 skipped, 4 failed/)
    expect(err).toMatch(/broken\.rss: .*(malformed|not well-formed|XML)/i)
    expect(err).toMatch(/bomb\.xml: .*ENTITY/)
    expect(err).toMatch(/photo\.png: .*image\/png/)
    expect(err).toMatch(/metadata: .*link-local/)
    expect(err).toMatch(/4 item\(s\) failed/)
    const rows = (await run(['events', '--db', db, '--by-report', '--format', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; events: { event_id: string; source?: string }[] })
    const byId = new Map(rows.map((x) => [x.id, x.events]))
    expect(byId.get(`${base}/a/kirkuk.html`)![0]!.event_id).toBe(byId.get(`${base}/a/kirkuk-claim.html`)![0]!.event_id)
    const csv = (await run(['events', '--db', db, '--format', 'jsonl', '--type', 'Explosions/Remote violence'])).stdout
    expect(JSON.parse(csv.trim()) as { source: string; n_sources: number }).toMatchObject({ n_sources: 2, source: 'Tigris Wire; Northern Desk' })
  })

  it('refuses loopback URLs unless --allow-private is given', async () => {
    const r = await run(['ingest', `${base}/a/basra.html`, '--db', join(dir, 'private.db')])
    expect(r.exitCode).toBe(1)
    expect(r.err.join('\n')).toMatch(/loopback|private/)
  })

  it('watch polls again and ingests only the new item', async () => {
    const feeds = join(dir, 'feeds.txt')
    writeFileSync(feeds, `# test feeds\n${base}/growing.rss\n`)
    const r = await run(['watch', feeds, '--db', join(dir, 'watch.db'), '--every', '200ms', '--rounds', '2', '--allow-private'])
    const err = r.err.join('\n')
    expect(r.exitCode).toBeUndefined()
    expect(err).toMatch(/poll 1 at .*: read 1 item\(s\): 1 stored/)
    expect(err).toMatch(/poll 2 at .*: read 2 item\(s\): 1 stored, 0 already stored, 1 skipped/)
    expect(polls).toBe(2)
  })
})
