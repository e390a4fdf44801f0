import { describe, it, expect } from 'vitest'
import { loadRules } from '../data/load.js'
import { makeFurnitureFinder, withoutFurniture } from './furniture.js'
import { makeSegmenter } from './segment.js'
import { publishedFromPage } from './published.js'
import { makeCoder } from '../pipeline.js'

const cfg = loadRules().furniture
const find = makeFurnitureFinder(cfg)
const segment = makeSegmenter()
const dropped = (text: string) => find(text).map((f) => text.slice(f.start, f.end))

// Invented pages in the shapes seen on real ones: the article, then the site's end matter.
const PAGE = [
  'Gunmen kill four at a checkpoint outside Kadugli',
  'Tuesday March 3 2020',
  'Gunmen killed four soldiers at a checkpoint outside Kadugli on Monday, an army spokesman said. PHOTO | ARCHIVE',
  'The attackers fled towards the hills, the spokesman added.',
  'By Amina Yusuf',
  'Leave a Reply',
  'Your email address will not be published. Required fields are marked *',
  'You May Also Like',
  'Singer jokes about her partner in Valentine post',
  'Striker signs for rival club after long saga',
].join('\n\n')

describe('page furniture', () => {
  it('drops a photo caption run into a paragraph, and keeps the dateline credit and the sentences around it', () => {
    const text = [
      'Army retakes river town',
      'KADUGLI (AP) — The army retook a river town on Sunday, officials said. Soldiers rest beside a truck near the market, Friday, May 7, 2021. (AP Photo/Sam Field, File) The town had been held by rebels since March.',
      'In this image taken from video, gunmen ride through a village near the border, May 2, 2021. AP The army said three soldiers died.',
      'Youths block a road during clashes with police, on June 3, 2021, in Kumasi. By Kofi Mensah (AFP/File) KUMASI (AFP) – Police shot dead a protester on Thursday.',
    ].join('\n\n')
    const out = dropped(text)
    expect(out).toEqual(['Soldiers rest beside a truck near the market, Friday, May 7, 2021. (AP Photo/Sam Field, File)', 'In this image taken from video, gunmen ride through a village near the border, May 2, 2021. AP', 'Youths block a road during clashes with police, on June 3, 2021, in Kumasi. By Kofi Mensah (AFP/File)'])
  })

  it('keeps the title and the article, drops the date line, caption, byline and everything after a comment prompt', () => {
    const out = dropped(PAGE)
    expect(out).toContain('Tuesday March 3 2020')
    expect(out).toContain(' PHOTO | ARCHIVE')
    expect(out).toContain('By Amina Yusuf')
    expect(out.some((x) => x.startsWith('Leave a Reply') && x.endsWith('long saga'))).toBe(true)
    expect(out.join(' ')).not.toContain('Gunmen kill four')
    expect(out.join(' ')).not.toContain('the spokesman added')
  })

  it('drops a run of headline-like lines in the middle of a page, not a single short line', () => {
    const text = 'Troops retake border post\n\nTroops retook the border post on Friday after a day of fighting.\n\nMinister opens new hospital\nPrices of bread rise again\nLocal team wins the cup\n\nThe army said two soldiers died.'
    expect(dropped(text)).toEqual(['Minister opens new hospital\nPrices of bread rise again\nLocal team wins the cup'])
    expect(dropped('Troops retake border post\n\nTroops retook the post on Friday.\n\nMore fighting is expected.')).toEqual([])
  })

  it('treats a comment prompt early in a page as one line, not as the end of the article', () => {
    const text = 'Comments\n\nProtesters marched through the capital on Saturday demanding the release of detained students, witnesses said. Police watched but did not intervene, and the march ended peacefully in the evening.'
    expect(dropped(text)).toEqual(['Comments'])
  })

  it('never codes what it dropped: a headline list under the article gives no event', () => {
    const code = makeCoder({ gazetteer: null })
    const text = 'Floods close schools in the capital\n\nHeavy rain closed schools across the capital on Monday, officials said.\n\nRelated stories\n\nGunmen abduct 20 villagers in the north\nTroops kill militants in overnight raid'
    const d = code({ id: 'x', text, published: '2021-05-04' })
    expect(d.furniture!.length).toBeGreaterThan(0)
    expect(d.events).toEqual([])
  })

  it('keeps the offsets of the original text: sentences are renumbered, spans are not moved', () => {
    const text = ' date 2020-03-03 Gunmen killed four soldiers outside Kadugli on Monday.'
    const seg = withoutFurniture(segment(text), find(text))
    expect(seg.sentences[0]!.index).toBe(0)
    expect(text.slice(seg.sentences[0]!.start, seg.sentences[0]!.end)).toBe('Gunmen killed four soldiers outside Kadugli on Monday.')
  })

  it.each(cfg.rules.map((r) => [r.name, r.scope, r.example] as const))('rule %s (%s): its example is furniture', (name, scope, example) => {
    // a line rule's example is tested as a line of a page, after an article's title and first sentence
    const text = scope === 'prefix' ? example : `Army retakes town\n\nThe army retook the town on Friday.\n\n${example}\n\nThe army said two soldiers died in the fighting.`
    expect(find(text).some((f) => f.rule === name)).toBe(true)
  })
})

describe('publication date from the page', () => {
  it('reads a date line above the article, or the date in its address', () => {
    const text = 'Title of the story\n\nMonday April 22 2019\n\nSomething happened on Sunday.'
    expect(publishedFromPage(text, find(text))).toEqual({ date: '2019-04-22', rule: 'published-from-date-only' })
    expect(publishedFromPage('No date here.', [], 'https://news.example/world/2021/12/30/story-name/123')).toEqual({ date: '2021-12-30', rule: 'published-from-url' })
    expect(publishedFromPage('No date here.', [], 'https://news.example/story-20240510-0016.html')?.date).toBe('2024-05-10')
    expect(publishedFromPage('No date here.', [], 'https://news.example/2021/13/45/story')).toBeNull()
  })

  it('resolves "on Sunday" against it, and says where the date came from', () => {
    const code = makeCoder({ gazetteer: null })
    const d = code({ id: 'x', text: 'Militants kill soldiers\n\nMonday April 22 2019\n\nMilitants killed four soldiers in an attack on an army post on Sunday.' })
    expect(d.events?.[0]?.event_date).toBe('2019-04-21')
    expect(d.diagnostics.map((x) => x.ruleId)).toContain('published-from-date-only')
  })
})
