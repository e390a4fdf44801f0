import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractArticle, htmlFragmentText } from './html.js'
import { MAX_HTML_DEPTH, MAX_HTML_MARKUP, htmlMarkupCount, htmlNestingDepth } from './html-depth.js'

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8')

describe('extractArticle', () => {
  it('reads title, byline, date and outlet from meta tags, and the article text without page furniture', () => {
    const a = extractArticle(fixture('article-meta.html'))
    if ('error' in a) throw new Error(a.error)
    expect(a).toMatchObject({
      title: 'Shelling hits market in Valdora',
      byline: 'Mira Solvang',
      // the publisher's local date, not the UTC day after
      published: '2023-09-14',
      siteName: 'The Northern Ledger',
    })
    expect(a.text).toMatch(/^(Shelling hits market in Valdora\n\n)?Artillery shells struck/)
    expect(a.text).toContain('wooden kiosks.\n\nThe regional governor')
    expect(a.text).not.toMatch(/<|Copyright|Sport/)
  })

  it('reads headline, authors, date and publisher from JSON-LD inside @graph', () => {
    const a = extractArticle(fixture('article-jsonld.html'))
    if ('error' in a) throw new Error(a.error)
    expect(a).toMatchObject({
      title: 'Aid convoy ambushed on the Kessel road',
      byline: 'Tomas Arrieta, Lena Fiori',
      published: '2022-11-03',
      siteName: 'Coastline Wire',
    })
    expect(a.text.split('\n\n')).toHaveLength(3)
  })

  it('takes the date from <time datetime> and the title from <title> when nothing better is declared', () => {
    const a = extractArticle(fixture('article-time.html'))
    if ('error' in a) throw new Error(a.error)
    expect(a.published).toBe('2021-06-30')
    expect(a.title).toBe('Protest in Ostrava Square')
    expect(a.text).toContain('eighteen months')
    // Readability takes the "Published 30 June 2021" dateline for a byline; a date is not a name
    expect(a.byline).toBeUndefined()
  })

  it('keeps a short page that Readability judges too thin', () => {
    const a = extractArticle(fixture('article-short.html'))
    expect(a).toMatchObject({ text: 'Police dispersed a sit-in outside the port authority on Monday.' })
  })

  it('gives "no article text" for a page without text', () => {
    expect(extractArticle(fixture('empty-page.html'))).toEqual({ error: 'no article text' })
  })

  it('refuses HTML nested deeper than the limit instead of parsing it', () => {
    const deep = '<div>'.repeat(100_000) + 'x'
    const started = Date.now()
    expect(extractArticle(deep)).toEqual({ error: `HTML nested deeper than ${MAX_HTML_DEPTH} elements, refused` })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('reads the article past an 8 MB attribute, 100,000 attributes and an 8 MB tag name', () => {
    const body = '<p>Gunmen attacked a police post in Kano on Monday, killing two officers, police said.</p>'.repeat(3)
    for (const html of [
      `<html><head><title>Kano</title></head><body><div data-x="${'a'.repeat(8_000_000)}">${body}</div></body></html>`,
      `<html><body><div ${Array.from({ length: 100_000 }, (_, i) => `a${i}="x"`).join(' ')}>${body}</div></body></html>`,
      `<html><body><${'a'.repeat(8_000_000)}>${body}</body></html>`,
    ]) expect(extractArticle(html)).toMatchObject({ text: expect.stringContaining('Gunmen attacked a police post in Kano') })
  })

  it('refuses a page of millions of stray "<" or entities (each would be a node) instead of parsing it', () => {
    const refused = { error: `HTML with more than ${MAX_HTML_MARKUP.toLocaleString('en')} tags and entities, refused` }
    expect(extractArticle(`<html><body>${'<'.repeat(8_000_000)}<p>text</p></body></html>`)).toEqual(refused)
    expect(extractArticle(`<html><body><p>${'&lt;'.repeat(300_000)}</p></body></html>`)).toEqual(refused)
    expect(htmlFragmentText('<br>'.repeat(300_000))).toEqual(refused)
  })

  it('reads markup whose "<html" is not its root (inside CDATA or a comment) as a fragment, not a crash', () => {
    expect(htmlFragmentText('<![CDATA[<html>')).toBe('')
    expect(extractArticle('<!-- <html> --><p>Gunmen attacked a police post in Kano on Monday, killing two officers, police said.</p>')).toMatchObject({ text: expect.stringContaining('Kano') })
  })

  it('reads markup that once sent Readability into an endless loop (a CDATA section linkedom turns into an open comment)', () => {
    // found by npm run fuzz: linkedom keeps "-->..." inside the comment and Readability never returned
    expect(extractArticle('<d><![CDATA[--><!DOCTYPE h')).toEqual({ error: 'no article text' })
    expect(extractArticle('<div><!-- note --><p>Gunmen attacked a police post in Kano on Monday, killing two officers, police said.</p><![CDATA[--><!DOCTYPE h</div>'))
      .toMatchObject({ text: expect.stringContaining('Kano') })
  })

  it('reads a fragment without <html> as a body', () => {
    expect(htmlFragmentText('<p>One <b>two</b></p><p>Three<br>four &amp; five</p>')).toBe('One two\n\nThree\nfour & five')
  })
})

describe('htmlMarkupCount', () => {
  it('counts the characters that can open a node, and stops past the limit', () => {
    expect(htmlMarkupCount('<p>Tom &amp; Jerry</p>')).toBe(3)
    expect(htmlMarkupCount('plain text')).toBe(0)
    expect(htmlMarkupCount('<'.repeat(1000), 10)).toBe(11)
  })
})

describe('htmlNestingDepth', () => {
  it.each([
    ['<div><div><p>x</p></div></div>', 2],
    ['<p>a<p>b<p>c', 0], // implicitly closed, never nested
    ['<div><img src=x><br/><span/></div>', 1],
    ['<script>"<div><div><div>"</script><div></div>', 1],
    ['<!-- <div><div> --><b>x</b>', 1],
    ['<a<a<a<a', 0],
  ])('%s -> %i', (html, depth) => {
    expect(htmlNestingDepth(html)).toBe(depth)
  })

  it('scans megabytes of unclosed tags in linear time', () => {
    const started = Date.now()
    expect(htmlNestingDepth('<a'.repeat(2_000_000))).toBe(0)
    expect(htmlNestingDepth('<!--'.repeat(1_000_000))).toBe(0)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
