import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSources } from '../src/ingest/sources.js'
import type { SourceItem, SourceOptions } from '../src/ingest/sources.js'
import { FULL_TEXT_CHARS } from '../src/ingest/feed-reports.js'
import { safeFetch } from '../src/ingest/safe-fetch.js'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ingest/${name}`, import.meta.url))
const MiB = 1024 * 1024

// An invented report long enough (> 1,500 characters) to be taken as the full text of its feed item.
const INLINE_PARAGRAPHS = [
  'Fighting broke out again on Friday night along the canal that divides the old quarter of Serrano from the industrial district, residents said, ending a truce that had held for almost three weeks.',
  'Members of the Canal Brigade, a militia that controls the eastern bank, exchanged fire with police units stationed at the grain silos for several hours. Two police officers and one militiaman were killed, according to a statement from the interior ministry that was not disputed by the brigade.',
  'Residents of the houses nearest the water said they spent the night in their basements. A teacher who lives above a bakery on Quay Street said that bullets had broken every window on the upper floor and that her neighbours had left for the countryside at first light.',
  'The brigade said in a message to reporters that police had tried to move armoured vehicles across the Iron Bridge in breach of the truce. The ministry said its units had only been rotating and had come under fire without warning.',
  'Mediators from the regional council, who brokered the truce in early spring, said they would travel to Serrano on Monday. They urged both sides to pull back their heavy weapons from the canal and to allow the municipal water company to repair the pumping station damaged during the night.',
  'Shopkeepers on both banks kept their shutters down on Saturday. Queues formed outside the only open pharmacy in the old quarter, where the owner said supplies of insulin and bandages would last no more than a week.',
  'The truce had allowed schools in the old quarter to reopen for the first time since January. The education office said on Saturday that they would stay closed until further notice.',
]

const served: Record<string, number> = {}
let sentHuge = 0
let base: string
let server: http.Server

function rss(): string {
  const inline = INLINE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Border Watch</title>
  <item><title>Market shelled in Valdora</title><link>${base}/articles/valdora.html</link><pubDate>Thu, 14 Sep 2023 20:00:00 GMT</pubDate><description>Four traders killed.</description></item>
  <item><title>Convoy ambushed</title><link>${base}/articles/kessel.html</link><pubDate>Thu, 03 Nov 2022 08:00:00 GMT</pubDate></item>
  <item><title>Truce breaks down in Serrano</title><link>${base}/articles/serrano.html</link><pubDate>Sat, 06 Apr 2024 09:30:00 GMT</pubDate><content:encoded><![CDATA[${inline}]]></content:encoded></item>
  <item><title>Gone</title><link>/articles/missing.html</link><pubDate>Sun, 07 Apr 2024 09:30:00 GMT</pubDate></item>
</channel>
</rss>`
}

function atom(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Lakeside Monitor</title>
  <entry><title>Students march against conscription</title><link href="${base}/articles/ostrava.html"/><id>urn:x:1</id><updated>2021-06-30T18:00:00Z</updated></entry>
  <entry><title>Aid convoy ambushed</title><link href="${base}/moved/kessel"/><id>urn:x:2</id><published>2022-11-03T07:00:00+01:00</published></entry>
</feed>`
}

const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  '/feed.rss': (_q, res) => send(res, 'application/rss+xml; charset=utf-8', rss()),
  '/feed.atom': (_q, res) => send(res, 'application/atom+xml', atom()),
  '/articles/valdora.html': (_q, res) => send(res, 'text/html; charset=utf-8', fixture('article-meta.html')),
  '/articles/kessel.html': (_q, res) => send(res, 'text/html', fixture('article-jsonld.html')),
  '/articles/ostrava.html': (_q, res) => send(res, 'text/html', fixture('article-time.html')),
  '/moved/kessel': (_q, res) => redirect(res, 301, '/articles/kessel.html'),
  '/malformed.xml': (_q, res) => send(res, 'application/rss+xml', fixture('malformed.xml')),
  '/bomb.xml': (_q, res) => send(res, 'application/xml', fixture('bomb.xml')),
  '/image.png': (_q, res) => send(res, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
  '/huge.txt': (_q, res) => {
    // 50 MB, generated as the client reads, without Content-Length: only the streaming cap can stop it
    res.writeHead(200, { 'content-type': 'text/plain' })
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let closed = false
    res.on('close', () => { closed = true })
    const pump = () => {
      while (!closed && sentHuge < 50 * MiB) {
        sentHuge += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      if (!closed) res.end()
    }
    pump()
  },
  '/huge-declared.txt': (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * MiB) })
    res.write('a') // the client must give up on the header alone
  },
  '/to-metadata': (_q, res) => redirect(res, 302, 'http://169.254.169.254/latest/meta-data/'),
  '/loop': (req, res) => redirect(res, 302, `/loop?n=${Number(new URL(req.url!, base).searchParams.get('n') ?? 0) + 1}`),
  '/trickle.txt': (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    const timer = setInterval(() => res.write('a'), 50)
    res.on('close', () => clearInterval(timer))
  },
  '/gzip-bomb.html': (_q, res) => {
    // 1 GiB of zeros as 1,024 concatenated gzip members of 1 MiB each (about 1 MB on the wire)
    const member = gzipSync(Buffer.alloc(MiB))
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
    let left = 1024
    let closed = false
    res.on('close', () => { closed = true })
    const pump = () => {
      while (!closed && left-- > 0) if (!res.write(member)) return void res.once('drain', pump)
      if (!closed) res.end()
    }
    pump()
  },
  '/to-file': (_q, res) => redirect(res, 302, 'file:///etc/passwd'),
  '/hang': () => { /* never answers: only the deadline ends the request */ },
  '/error': (_q, res) => { res.writeHead(503, { 'content-type': 'text/plain' }); res.end('busy') },
  '/compress.txt': (_q, res) => { res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'compress' }); res.end('x') },
  '/deep.html': (_q, res) => send(res, 'text/html', `<html><body>${'<div>'.repeat(100_000)}deep</body></html>`),
  '/stray-lt.html': (_q, res) => send(res, 'text/html', `<html><body>${'<'.repeat(1_500_000)}<p>lost</p></body></html>`),
  '/big-attr.html': (_q, res) => send(res, 'text/html', `<html><head><title>Roadblock</title></head><body><div data-x="${'a'.repeat(1_500_000)}"><p>Militiamen set up a roadblock outside Bunia on Friday.</p></div></body></html>`),
  '/no-charset.html': (_q, res) => send(res, 'text/html', Buffer.from('<html><body><p>Riot police dispersed a march in Lom\xe9 on Tuesday.</p></body></html>', 'latin1')),
  '/wrong-charset.html': (_q, res) => send(res, 'text/html; charset=utf-8', Buffer.from('<html><body><p>Shots were fired in Cura\xe7ao harbour.</p></body></html>', 'latin1')),
  '/cp1252.html': (_q, res) => send(res, 'text/html; charset=windows-1252', Buffer.from(
    '<html><head><title>Caf\xe9 attack</title></head><body><p>A grenade was thrown into the Caf\xe9 Royal in Lom\xe9 on Sunday, \x93the worst attack this year\x94, the mayor said.</p></body></html>', 'latin1')),
  '/meta-charset.html': (_q, res) => send(res, 'text/html', Buffer.from(
    '<html><head><meta charset="iso-8859-1"><title>Bogot\xe1</title></head><body><p>Police clashed with protesters in Bogot\xe1.</p></body></html>', 'latin1')),
  '/plain.txt': (_q, res) => send(res, 'text/plain; charset=utf-8', 'Strike at the port\n\nDock workers walked out in Mombasa on Monday.\n'),
  '/batch.ndjson': (_q, res) => send(res, 'application/x-ndjson', `${JSON.stringify({ id: 'n1', text: 'Rioters burned a police post.' })}\n{oops\n`),
}

function send(res: http.ServerResponse, type: string, body: string | Buffer) {
  res.writeHead(200, { 'content-type': type })
  res.end(body)
}

function redirect(res: http.ServerResponse, status: number, location: string) {
  res.writeHead(status, { location })
  res.end()
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname
    served[path] = (served[path] ?? 0) + 1
    const route = routes[path]
    if (route) route(req, res)
    else {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function collect(specs: string[], opts: SourceOptions): Promise<SourceItem[]> {
  const out: SourceItem[] = []
  for await (const item of readSources(specs, opts)) out.push(item)
  return out
}

describe('readSources over HTTP', () => {
  it('reads good feeds and pages, gives each bad one exactly one error, and goes on', async () => {
    const u = (path: string) => `${base}${path}`
    const bad: Record<string, RegExp> = {
      [u('/malformed.xml')]: /malformed XML at line 6, column 3/,
      [u('/bomb.xml')]: /XML declares entities \(DOCTYPE\/ENTITY\), refused/,
      [u('/image.png')]: /unsupported content type image\/png/,
      [u('/huge.txt')]: /body exceeds the cap of 2 MiB, stopped reading/,
      [u('/huge-declared.txt')]: /response of 50 MiB \(Content-Length\) exceeds the cap of 2 MiB/,
      [u('/to-metadata')]: /redirect to a link-local address refused \(169\.254\.169\.254\)/,
      [u('/loop')]: /too many redirects \(5\)/,
      [u('/trickle.txt')]: /timed out after 1000 ms/,
      [u('/gzip-bomb.html')]: /decompressed body exceeds the cap of 2 MiB/,
      [u('/deep.html')]: /HTML nested deeper than \d+ elements, refused/,
      [u('/stray-lt.html')]: /HTML with more than [\d,]+ tags and entities, refused/,
      [u('/articles/missing.html')]: /HTTP 404 Not Found/, // a feed item: only that item fails
    }
    const specs = [
      u('/feed.rss'), u('/malformed.xml'), u('/bomb.xml'), u('/image.png'), u('/huge.txt'), u('/huge-declared.txt'),
      u('/to-metadata'), u('/loop'), u('/trickle.txt'), u('/gzip-bomb.html'), u('/deep.html'), u('/feed.atom'),
      u('/stray-lt.html'), u('/big-attr.html'), u('/no-charset.html'), u('/wrong-charset.html'),
      u('/cp1252.html'), u('/meta-charset.html'), u('/batch.ndjson'), u('/plain.txt'),
    ]
    expect(INLINE_PARAGRAPHS.join('\n\n').length).toBeGreaterThan(FULL_TEXT_CHARS)
    const started = Date.now()
    const items = await collect(specs, {
      allowPrivate: true, timeoutMs: 1000, maxBytes: 2 * MiB, isSeen: (link) => link.endsWith('/articles/kessel.html'),
    })
    expect(Date.now() - started).toBeLessThan(8000)

    const errors = items.filter((i): i is Extract<SourceItem, { error: string }> => 'error' in i)
    for (const [ref, reason] of Object.entries(bad)) {
      const mine = errors.filter((e) => e.ref === ref)
      expect(mine, ref).toHaveLength(1)
      expect(mine[0]!.error).toMatch(reason)
      expect(mine[0]!.error.startsWith(`${ref}: `)).toBe(true)
    }
    // the one remaining error is the JSON-lines line that is not JSON
    expect(errors.map((e) => e.ref).filter((r) => !(r in bad))).toEqual([`${u('/batch.ndjson')}:2`])

    // the streamed 50 MB response was abandoned near the cap, not read to its end
    expect(sentHuge).toBeLessThan(20 * MiB)

    const reports = new Map(items.flatMap((i) => ('report' in i ? [[i.ref, i.report] as const] : [])))
    expect(reports.get(u('/articles/valdora.html'))).toMatchObject({
      id: u('/articles/valdora.html'), url: u('/articles/valdora.html'),
      title: 'Market shelled in Valdora', published: '2023-09-14', source: 'The Northern Ledger', byline: 'Mira Solvang',
      text: expect.stringContaining('Artillery shells struck the covered market'),
    })
    // full text inline: taken from the feed, the link never fetched
    expect(reports.get(u('/articles/serrano.html'))).toEqual({
      id: u('/articles/serrano.html'), url: u('/articles/serrano.html'), title: 'Truce breaks down in Serrano',
      published: '2024-04-06', source: 'Border Watch', text: INLINE_PARAGRAPHS.join('\n\n'),
    })
    expect(served['/articles/serrano.html']).toBeUndefined()
    // isSeen said yes: skipped before any request (the Atom entry reaching it through a redirect is another key)
    expect(items).toContainEqual({ ref: u('/articles/kessel.html'), skipped: 'already seen' })

    expect(reports.get(u('/articles/ostrava.html'))).toMatchObject({
      title: 'Students march against conscription', published: '2021-06-30', source: 'Lakeside Monitor',
      text: expect.stringContaining('Several thousand students marched'),
    })
    expect(reports.get(u('/moved/kessel'))).toMatchObject({
      id: u('/moved/kessel'), title: 'Aid convoy ambushed', published: '2022-11-03', source: 'Coastline Wire',
      byline: 'Tomas Arrieta, Lena Fiori', text: expect.stringContaining('Gunmen opened fire on a convoy'),
    })
    expect(served['/articles/kessel.html']).toBe(1) // once, through the redirect

    expect(reports.get(u('/cp1252.html'))).toMatchObject({
      title: 'Café attack', source: '127.0.0.1',
      text: 'A grenade was thrown into the Café Royal in Lomé on Sunday, “the worst attack this year”, the mayor said.',
    })
    expect(reports.get(u('/meta-charset.html'))).toMatchObject({ title: 'Bogotá', text: 'Police clashed with protesters in Bogotá.' })
    // a missing or wrong charset on bytes that are not UTF-8: read as windows-1252, as browsers do
    expect(reports.get(u('/no-charset.html'))).toMatchObject({ text: 'Riot police dispersed a march in Lomé on Tuesday.' })
    expect(reports.get(u('/wrong-charset.html'))).toMatchObject({ text: 'Shots were fired in Curaçao harbour.' })
    // a 1.5 MB attribute is only weight: the article is read
    expect(reports.get(u('/big-attr.html'))).toMatchObject({ title: 'Roadblock', text: 'Militiamen set up a roadblock outside Bunia on Friday.' })
    expect(reports.get(`${u('/batch.ndjson')}:1`)).toEqual({ id: 'n1', text: 'Rioters burned a police post.' })
    // the last spec, after every failure above, still came through
    expect(items.at(-1)).toEqual({
      ref: u('/plain.txt'),
      report: { id: u('/plain.txt'), url: u('/plain.txt'), title: 'Strike at the port', text: 'Strike at the port\n\nDock workers walked out in Mombasa on Monday.\n', source: '127.0.0.1' },
    })
  })

  it('refuses loopback without allowPrivate, by literal address and by a name resolving to it', async () => {
    const before = served['/plain.txt'] ?? 0
    const port = new URL(base).port
    const items = await collect([`${base}/plain.txt`, `http://localhost:${port}/plain.txt`], { timeoutMs: 1000 })
    expect(items).toEqual([
      { ref: `${base}/plain.txt`, error: `${base}/plain.txt: loopback address 127.0.0.1 refused (pass --allow-private to allow private and loopback addresses)` },
      { ref: `http://localhost:${port}/plain.txt`, error: expect.stringMatching(/: localhost resolves to a loopback address (127\.0\.0\.1|::1) refused \(pass --allow-private to allow private and loopback addresses\)$/) },
    ])
    expect(served['/plain.txt'] ?? 0).toBe(before)
  })

  it('connects through the checked lookup when a name is allowed', async () => {
    const port = new URL(base).port
    const items = await collect([`http://localhost:${port}/plain.txt`], { allowPrivate: true, timeoutMs: 1000 })
    expect(items).toMatchObject([{ report: { title: 'Strike at the port', source: 'localhost' } }])
  })

  it('refuses the metadata address even with allowPrivate', async () => {
    expect(await collect(['http://169.254.169.254/latest/meta-data/'], { allowPrivate: true, timeoutMs: 1000 })).toEqual([{
      ref: 'http://169.254.169.254/latest/meta-data/',
      error: 'http://169.254.169.254/latest/meta-data/: link-local address 169.254.169.254 refused (always refused)',
    }])
  })

  it.each([
    ['/to-file', 'redirect to a file: URL refused (only http and https)'],
    ['/hang', 'timed out after 300 ms'],
    ['/error', 'HTTP 503 Service Unavailable'],
    ['/compress.txt', 'unsupported Content-Encoding compress'],
  ])('safeFetch %s rejects: %s', async (path, reason) => {
    await expect(safeFetch(`${base}${path}`, { allowPrivate: true, timeoutMs: 300 })).rejects.toThrow(reason)
  })

  it('safeFetch follows redirects and reports the final URL', async () => {
    const r = await safeFetch(`${base}/moved/kessel`, { allowPrivate: true, timeoutMs: 1000 })
    expect(r).toMatchObject({ url: `${base}/articles/kessel.html`, status: 200, contentType: 'text/html' })
    expect(r.text).toContain('Coastline Wire')
  })
})
