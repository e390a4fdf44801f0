import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSources } from './sources.js'
import type { SourceItem, SourceOptions } from './sources.js'
import { jsonlStream } from './read-local.js'

const FIXTURES = new URL('../../test/fixtures/ingest/', import.meta.url).pathname

async function collect(specs: string[], opts?: SourceOptions): Promise<SourceItem[]> {
  const out: SourceItem[] = []
  for await (const item of readSources(specs, opts)) out.push(item)
  return out
}

let dir: string
const at = (...p: string[]) => join(dir, ...p)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'))
  writeFileSync(at('curfew.txt'), 'Curfew imposed in Harbour City\n\nThe army imposed a night curfew after two days of rioting.\n')
  writeFileSync(at('lead.txt'), 'The army imposed a night curfew.\n\nShops closed early.\n')
  writeFileSync(at('raid.md'), '# Raid on a farm near Tessa\n\nSoldiers detained six men during a dawn raid.\n')
  writeFileSync(at('batch.jsonl'), [
    JSON.stringify({ id: 'r1', text: 'Gunmen killed a trader.', published: '2020-05-01' }),
    '',
    JSON.stringify({ text: 'Protesters blocked the highway.', url: 'https://news.example.org/p' }),
    '{"text": "unterminated',
    JSON.stringify({ text: 'A bomb exploded near the bus station.' }),
  ].join('\n'))
  writeFileSync(at('image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
  writeFileSync(at('latin1.txt'), Buffer.from('Caf\xe9 bombing in Lom\xe9', 'latin1'))
  writeFileSync(at('big.txt'), 'x'.repeat(5000))
  writeFileSync(at('notes'), 'A file without an extension.\n\nIt holds plain text.')
  writeFileSync(at('page'), '<!DOCTYPE html><html><head><title>Sniffed page</title></head><body><p>Rebels shelled the airport.</p></body></html>')
  writeFileSync(at('empty.txt'), '\n\n')
  mkdirSync(at('tree', 'b', 'deep'), { recursive: true })
  mkdirSync(at('tree', 'a'))
  writeFileSync(at('tree', 'z.txt'), 'Zed report.')
  writeFileSync(at('tree', 'a', 'one.md'), '# One\n\nFirst report.')
  writeFileSync(at('tree', 'b', 'deep', 'two.txt'), 'Second report.')
  writeFileSync(at('tree', 'b', 'skip.json'), '{"not": "a known extension"}')
  writeFileSync(at('tree', 'b', 'three.html'), '<p>Third report.</p>')
  mkdirSync(at('tree', '.git'))
  writeFileSync(at('tree', '.git', 'notes.txt'), 'Hidden.')
  symlinkSync(at('tree'), at('tree', 'b', 'loop')) // a loop back to the root
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readSources: local files', () => {
  it('reads a text file whole, its short first line as the title (and still in the text, so every command codes the same words)', async () => {
    expect(await collect([at('curfew.txt')])).toEqual([{
      ref: at('curfew.txt'),
      report: { id: 'curfew.txt', title: 'Curfew imposed in Harbour City', text: 'Curfew imposed in Harbour City\n\nThe army imposed a night curfew after two days of rioting.\n', source: 'curfew.txt' },
    }])
  })

  it('keeps a sentence-like first line in the text, and applies defaultPublished', async () => {
    const [item] = await collect([at('lead.txt')], { defaultPublished: '2021-02-03' })
    expect(item).toEqual({ ref: at('lead.txt'), report: { id: 'lead.txt', text: 'The army imposed a night curfew.\n\nShops closed early.\n', published: '2021-02-03', source: 'lead.txt' } })
  })

  it('takes a Markdown # heading as the title', async () => {
    const [item] = await collect([at('raid.md')])
    expect(item).toMatchObject({ report: { title: 'Raid on a farm near Tessa', text: '# Raid on a farm near Tessa\n\nSoldiers detained six men during a dawn raid.\n' } })
  })

  it('reads JSONL a report a line: id, else url, else path:line; a bad line is an error naming it', async () => {
    const items = await collect([at('batch.jsonl')], { defaultPublished: '1999-01-01' })
    const p = at('batch.jsonl')
    expect(items).toEqual([
      { ref: `${p}:1`, report: { id: 'r1', text: 'Gunmen killed a trader.', published: '2020-05-01' } },
      { ref: `${p}:3`, report: { id: 'https://news.example.org/p', text: 'Protesters blocked the highway.', url: 'https://news.example.org/p', published: '1999-01-01' } },
      { ref: `${p}:4`, error: expect.stringMatching(new RegExp(`^${p}:4: not valid JSON`)) },
      { ref: `${p}:5`, report: { id: 'batch.jsonl:5', text: 'A bomb exploded near the bus station.', published: '1999-01-01' } },
    ])
  })

  it('reads JSON lines from a stream, as for stdin', async () => {
    const stream = Readable.from([Buffer.from('{"text":"One"}\n{"te'), Buffer.from('xt":"Two"}\n')])
    const items = []
    for await (const item of jsonlStream(stream, 'stdin', { opts: { maxBytes: 1024 }, fetch: () => Promise.reject(new Error('no')) })) items.push(item)
    expect(items).toEqual([{ ref: 'stdin:1', report: { id: 'stdin:1', text: 'One' } }, { ref: 'stdin:2', report: { id: 'stdin:2', text: 'Two' } }])
  })

  it('refuses a binary file and invalid UTF-8', async () => {
    expect(await collect([at('image.txt'), at('latin1.txt')])).toEqual([
      { ref: at('image.txt'), error: `${at('image.txt')}: binary file, not text` },
      { ref: at('latin1.txt'), error: `${at('latin1.txt')}: binary file, not text` },
    ])
  })

  it('refuses a file over maxBytes, naming its size and the cap', async () => {
    expect(await collect([at('big.txt')], { maxBytes: 1024 })).toEqual([
      { ref: at('big.txt'), error: `${at('big.txt')}: file is 4.9 KiB, over the cap of 1 KiB (maxBytes)` },
    ])
  })

  it('caps each JSONL line rather than the whole batch', async () => {
    // the file is larger than the longest line: the cap applies per line
    const lines = readFileSync(at('batch.jsonl'), 'utf8').split('\n').map((l) => Buffer.byteLength(l))
    const longest = Math.max(...lines)
    expect(lines.reduce((a, b) => a + b)).toBeGreaterThan(longest)
    const items = await collect([at('batch.jsonl')], { maxBytes: longest })
    expect(items.filter((i) => 'report' in i)).toHaveLength(3)
    const tight = await collect([at('batch.jsonl')], { maxBytes: 40 })
    expect(tight.filter((i) => 'error' in i && i.error.includes('line longer than the cap of 40 bytes (maxBytes)'))).toHaveLength(lines.filter((n) => n > 40).length)
  })

  it('sniffs a file without a known extension: HTML, else text', async () => {
    const items = await collect([at('notes'), at('page')])
    expect(items[0]).toMatchObject({ report: { id: 'notes', text: expect.stringMatching(/^A file without an extension\.\n\nIt holds plain text\.\n?$/) } })
    expect(items[1]).toMatchObject({ report: { id: 'page', title: 'Sniffed page', text: 'Rebels shelled the airport.' } })
  })

  it('gives an error for a missing path and for an empty file, and goes on', async () => {
    const items = await collect([at('missing.txt'), at('empty.txt'), at('raid.md')])
    expect(items.map((i) => ('error' in i ? i.error : 'report'))).toEqual([
      `no such file: ${at('missing.txt')}`, `${at('empty.txt')}: empty: no text to code`, 'report',
    ])
  })

  it('reads HTML and feed fixture files by extension', async () => {
    const items = await collect([join(FIXTURES, 'article-meta.html'), join(FIXTURES, 'bomb.xml'), join(FIXTURES, 'malformed.xml')])
    expect(items[0]).toMatchObject({ report: { title: 'Shelling hits market in Valdora', published: '2023-09-14', source: 'The Northern Ledger', byline: 'Mira Solvang' } })
    expect(items[1]).toEqual({ ref: join(FIXTURES, 'bomb.xml'), error: `${join(FIXTURES, 'bomb.xml')}: XML declares entities (DOCTYPE/ENTITY), refused` })
    expect(items[2]).toMatchObject({ error: expect.stringContaining('malformed XML at line 6') })
  })

  it('uses a local feed item content when it is not a teaser, and never fetches when isSeen says so', async () => {
    const seen: string[] = []
    const items = await collect([join(FIXTURES, 'atom.xml')], { isSeen: (k) => { seen.push(k); return k.includes('drone') } })
    expect(seen).toEqual(['https://lakeside.example.net/news/drone-depot', 'urn:uuid:entry-78'])
    expect(items).toEqual([
      { ref: 'https://lakeside.example.net/news/drone-depot', skipped: 'already seen' },
      {
        ref: 'urn:uuid:entry-78',
        // no link to fetch: the item's own text is all there is
        report: { id: 'urn:uuid:entry-78', title: 'Ceasefire talks resume', published: '2024-05-02', text: 'Envoys met again in the lakeside town.\n\nNo agreement was reached.', source: 'Lakeside Monitor' },
      },
    ])
  })
})

describe('readSources: a feed with too many items', () => {
  it('reads the first 1,000 items and refuses the rest with one error, fetching nothing', async () => {
    const file = at('many.rss')
    const items = Array.from({ length: 1200 }, (_, i) => `<item><guid>item-${i}</guid><description>Protest number ${i} in the square.</description></item>`)
    writeFileSync(file, `<rss><channel><title>Flood</title>${items.join('')}</channel></rss>`)
    const out = await collect([file]) // no links: nothing to fetch, every item is its own text
    expect(out.filter((i) => 'report' in i)).toHaveLength(1000)
    expect(out.at(-1)).toEqual({ ref: file, error: `${file}: feed has 1,200 items; read the first 1,000, refused the rest` })
  })
})

describe('readSources: directories', () => {
  it('walks recursively in path order, known extensions only, skipping hidden entries and not following a symlink loop', async () => {
    const items = await collect([at('tree')])
    expect(items.map((i) => i.ref)).toEqual([at('tree', 'a', 'one.md'), at('tree', 'b', 'deep', 'two.txt'), at('tree', 'b', 'three.html'), at('tree', 'z.txt')])
    expect(items.every((i) => 'report' in i)).toBe(true)
    // ids from the directory named down, never the absolute path
    expect(items.map((i) => ('report' in i ? i.report.id : ''))).toEqual(['tree/a/one.md', 'tree/b/deep/two.txt', 'tree/b/three.html', 'tree/z.txt'])
    expect(items[2]).toMatchObject({ report: { id: 'tree/b/three.html', text: 'Third report.', source: 'three.html' } })
  })

  it('filters by glob', async () => {
    expect((await collect([at('tree')], { glob: '*.txt' })).map((i) => i.ref)).toEqual([at('tree', 'b', 'deep', 'two.txt'), at('tree', 'z.txt')])
    expect((await collect([at('tree')], { glob: 'b/**/*.{txt,html}' })).map((i) => i.ref)).toEqual([at('tree', 'b', 'deep', 'two.txt'), at('tree', 'b', 'three.html')])
    // a glob may pick files without a known extension; they are sniffed
    expect(await collect([at('tree')], { glob: '*.json' })).toMatchObject([{ ref: at('tree', 'b', 'skip.json'), report: { text: '{"not": "a known extension"}' } }])
  })

  it('throws on a bad glob, a configuration error', async () => {
    await expect(collect([at('tree')], { glob: '{a,b' })).rejects.toThrow(/unclosed/)
  })

  it('refuses other URL schemes', async () => {
    expect(await collect(['ftp://example.org/a.txt'])).toEqual([{ ref: 'ftp://example.org/a.txt', error: 'ftp://example.org/a.txt: only http and https URLs can be fetched' }])
  })
})
