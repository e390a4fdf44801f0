import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { looksLikeFeed, parseFeed } from './feed.js'

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8')

describe('parseFeed', () => {
  it('reads an RSS 2.0 channel: title, items, links, dates, content:encoded over description', () => {
    const feed = parseFeed(fixture('rss.xml'))
    if ('error' in feed) throw new Error(feed.error)
    expect(feed.format).toBe('rss')
    expect(feed.title).toBe('Frontier Dispatch & Co')
    expect(feed.items[0]).toEqual({
      title: 'Checkpoint attacked near Marrow Ford',
      link: 'https://frontier.example.org/2024/02/checkpoint',
      guid: 'frontier-1041',
      published: '2024-02-17', // the date as published (+0300), not converted to UTC
      content: '<p>Militants attacked a police checkpoint&hellip;</p>',
      byline: 'Ana Reyes',
    })
    // a permalink guid stands in for a missing <link>; a numeric title stays a string
    expect(feed.items[1]).toMatchObject({ title: '1984', link: 'https://frontier.example.org/2024/02/permalink-guid', published: '2024-02-18' })
    expect(feed.items[1]!.content).toBe('<p>First paragraph.</p><p>Second &amp; last paragraph.</p>')
  })

  it('reads an Atom feed: the alternate link, published over updated, xhtml content as text', () => {
    const feed = parseFeed(fixture('atom.xml'))
    if ('error' in feed) throw new Error(feed.error)
    expect(feed).toMatchObject({ format: 'atom', title: 'Lakeside Monitor' })
    expect(feed.items[0]).toMatchObject({
      link: 'https://lakeside.example.net/news/drone-depot', guid: 'urn:uuid:entry-77', published: '2024-05-01', byline: 'Kit Havel',
    })
    expect(feed.items[1]).toMatchObject({ guid: 'urn:uuid:entry-78', published: '2024-05-02', content: 'Envoys met again in the lakeside town.\n\nNo agreement was reached.' })
    expect(feed.items[1]!.link).toBeUndefined()
  })

  it('reads an RSS 1.0 (RDF) feed', () => {
    expect(parseFeed(fixture('rdf.xml'))).toEqual({
      format: 'rdf', title: 'Hill Country Notes',
      items: [{ title: 'Bridge blown up', link: 'https://hill.example.com/a', published: '2020-01-09' }],
    })
  })

  it('refuses a document declaring entities without expanding them (billion laughs)', () => {
    const started = Date.now()
    expect(parseFeed(fixture('bomb.xml'))).toEqual({ error: 'XML declares entities (DOCTYPE/ENTITY), refused' })
    expect(Date.now() - started).toBeLessThan(500)
  })

  it('accepts a DOCTYPE without entity declarations (old RSS 0.91 feeds carry one)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Old</title><item><title>A</title><link>https://old.example.org/a</link></item></channel></rss>'
    expect(parseFeed(xml)).toMatchObject({ title: 'Old', items: [{ title: 'A' }] })
  })

  it('gives malformed XML an error with line and column', () => {
    expect(parseFeed(fixture('malformed.xml'))).toEqual({
      error: "malformed XML at line 6, column 3: Expected closing tag 'title' (opened in line 5, col 11) instead of closing tag 'channel'.",
    })
  })

  it('names the root of well-formed XML that is not a feed', () => {
    expect(parseFeed('<?xml version="1.0"?><svg><g/></svg>')).toEqual({ error: 'not an RSS or Atom feed (root element <svg>)' })
  })
})

describe('looksLikeFeed', () => {
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0">', true],
    ['<!-- generated --><feed xmlns="http://www.w3.org/2005/Atom">', true],
    ['<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><rdf:RDF xmlns:rdf="x">', true],
    ['<!DOCTYPE html><html><body>rss</body></html>', false],
    ['Just text mentioning <rss> later', false],
  ])('%s -> %s', (head, expected) => {
    expect(looksLikeFeed(head)).toBe(expected)
  })
})
