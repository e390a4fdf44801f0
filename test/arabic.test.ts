import { describe, it, expect } from 'vitest'
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeCoder } from '../src/pipeline.js'
import { detectLanguage, byLetters } from '../src/lang/detect.js'
import { arabicKey, cliticForms } from '../src/lang/arabic-normal.js'
import { segmentArabic } from '../src/lang/ar/segment.js'
import { arabicRulesCoder } from './support/arabic-rules-coder.js'
import { run } from './support/cli.js'

// Invented reports, in the Arabic of the local press (issue 15). None is copied from a page.
const { coder, code } = arabicRulesCoder()

describe('the Arabic normal form', () => {
  it.each([
    ['أُعلِنَتْ', 'اعلنت'], ['إدلب', 'ادلب'], ['مدينة', 'مدينه'], ['مستشفى', 'مستشفي'], ['تـنظيم', 'تنظيم'], ['١٢', '12'], ['۱۲', '12'],
  ])('%s is %s', (word, key) => { expect(arabicKey(word)).toBe(key) })

  it('answers to its forms without clitics: و ف ب ل ك and the article', () => {
    expect(cliticForms(arabicKey('بالأنبار'))).toEqual(expect.arrayContaining(['الانبار', 'انبار']))
    expect(cliticForms(arabicKey('والرمادي'))).toEqual(expect.arrayContaining(['الرمادي', 'رمادي']))
    expect(cliticForms(arabicKey('للقوات'))).toEqual(expect.arrayContaining(['قوات']))
  })

  it('keeps offsets into the original text', () => {
    const text = 'قُتِلَ جنديان بالأنبار.'
    const seg = segmentArabic(text)
    expect(seg.words.map((w) => text.slice(w.start, w.end))).toEqual(['قُتِلَ', 'جنديان', 'بالأنبار'])
  })
})

describe('languages in Arabic script', () => {
  const samples = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/lang/samples.json', import.meta.url)), 'utf8')) as Record<string, string[]>
  it.each([['ar', 'ar'], ['fa', 'fa'], ['ur', 'ur'], ['ckb', 'ku'], ['en', 'en']])('%s samples are told as %s', (key, lang) => {
    const wrong = samples[key]!.filter((t) => detectLanguage(t).lang !== lang)
    expect(wrong).toEqual([])
  })

  it.each([['fa', 'Persian'], ['ur', 'Urdu'], ['ckb', 'Kurdish']])('a %s report is refused, never coded as Arabic', (key, name) => {
    expect(() => coder({ id: 'x', text: samples[key]![0]!, published: '2021-03-06' })).toThrow(new RegExp(`${name}.*does not code yet`))
  })

  it('a letter or two of Persian is too little to refuse a report on: it codes (to nothing), and a sentence is still refused', () => {
    // the property test's noise once held a lone Persian letter among symbols, and the report was refused
    for (const text of ['چ', '%% چ ?? ب', 'گفت پ']) {
      expect(detectLanguage(text).rule).toBe('too-short')
      expect(coder({ id: 'n', text, published: '2021-03-06' }).events).toEqual([])
    }
    expect(detectLanguage(samples.fa![0]!).lang).toBe('fa')
  })

  it.each([['ar', 'ar'], ['fa', 'fa'], ['ur', 'ur'], ['ckb', 'ku']])('without the detector, letters tell %s samples as %s', (key, lang) => {
    expect(samples[key]!.filter((t) => byLetters(t) !== lang)).toEqual([])
  })

  it('--lang overrides the guess', () => {
    expect(detectLanguage(samples.fa![0]!, 'ar').lang).toBe('ar')
  })
})

describe('Arabic reports coded in English under ACLED conventions', () => {
  it('a clash with a count of the dead, actors, place and date', () => {
    const [e] = code('اشتبكت قوات الجيش العراقي مع عناصر من تنظيم داعش قرب الرطبة غربي الأنبار، ما أسفر عن مقتل ثلاثة جنود.')
    expect(e).toMatchObject({ event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Iraq', actor2: 'Islamic State', country: 'Iraq', location: 'Ar Rutbah', fatalities: 3 })
  })

  it.each([
    ['مقتل ثلاثة مدنيين بقصف مدفعي على بلدة في ريف إدلب.', 3],
    ['قتل مدنيين اثنين في هجوم مسلح على قرية في ريف إدلب.', 2],
    ['قتل جنديين في هجوم على حاجز قرب الرمادي.', 2],
    ['مقتل ما لا يقل عن عشرة مدنيين بغارات جوية على ريف إدلب.', 10],
    ['سقط ٥ قتلى في قصف على ريف إدلب.', 5],
  ])('the dead: %s', (text, n) => {
    expect(code(text).map((e) => e.fatalities)).toContain(n)
  })

  it.each([
    ['فجر اليوم', '2021-03-06'], ['أمس', '2021-03-05'], ['يوم الخميس', '2021-03-04'], ['في 21 كانون الثاني/يناير 2021', '2021-01-21'], ['في 3 مارس', '2021-03-03'],
  ])('dates: %s', (when, date) => {
    const [e] = code(`قتل ثلاثة جنود في هجوم على حاجز قرب الرمادي ${when}.`)
    expect(e?.event_date).toBe(date)
  })

  it.each([
    ['قتل ثلاثة جنود في هجوم لحركة الشباب على قاعدة عسكرية في مقديشو.', 'Al Shabaab', 'Somalia'],
    ['قصف الحوثيون مدينة مأرب بصاروخ باليستي.', 'Houthis (Ansar Allah)', 'Yemen'],
    ['قصفت قوات الدعم السريع أحياء مدينة الفاشر ما أدى إلى مقتل خمسة مدنيين.', 'Rapid Support Forces', 'Sudan'],
    ['تصدت قوات الحشد الشعبي لهجوم شنه عناصر من داعش في صلاح الدين.', 'Popular Mobilization Forces', 'Iraq'],
  ])('named groups: %s', (text, actor, country) => {
    const events = code(text)
    expect(events.some((e) => (e.actor1 === actor || e.actor2 === actor) && e.country === country)).toBe(true)
  })

  it('unnamed actors: gunmen and civilians of the country', () => {
    const [e] = code('أطلق مسلحون مجهولون النار على مدنيين في سوق بلدة قرب الرمادي، ما أدى إلى مقتل شخصين.')
    expect(e).toMatchObject({ event_type: 'Violence against civilians', actor1: 'Unidentified Armed Group (Iraq)', actor2: 'Civilians (Iraq)', fatalities: 2 })
  })

  it('protesters dispersed with tear gas', () => {
    const [e] = code('فرقت قوات الأمن المتظاهرين بالغاز المسيل للدموع في الناصرية.')
    expect(e).toMatchObject({ event_type: 'Protests', sub_event_type: 'Protest with intervention', country: 'Iraq' })
  })

  it('places with clitics and province names: بالأنبار is Anbar', () => {
    const [e] = code('قتل جنديان بانفجار عبوة ناسفة بالأنبار.')
    expect(e).toMatchObject({ country: 'Iraq', admin1: 'Anbar', geo_precision: 3 })
  })

  it('the seed trap: الحسينيات named with Anbar is not the village of Ninawa', () => {
    const [e] = code('قتل جنديان في هجوم على حاجز في منطقة الحسينيات بمحافظة الأنبار.')
    expect(e?.admin1).toBe('Anbar')
  })

  it('an accident is no event; a report with no violence is no event', () => {
    expect(code('لقي ثلاثة أشخاص مصرعهم في حادث سير على الطريق الدولي قرب الرمادي.')).toEqual([])
    expect(code('ارتفعت أسعار النفط في الأسواق العالمية خلال تعاملات اليوم.')).toEqual([])
  })

  it('evidence spans point into the Arabic original', () => {
    const text = 'قتل ثلاثة جنود في هجوم على حاجز قرب الرمادي.'
    const [e] = code(text)
    const spans = e!.evidence.fatalities!.spans ?? []
    expect(spans.map((s) => text.slice(s.start, s.end))).toContain('ثلاثة')
  })
})

describe('a mixed-language pair of one incident', () => {
  it('an English and an Arabic report of one attack merge into one event with two sources, through ingest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-mixed-'))
    const en = join(dir, 'ramadi-en.txt'), ar = join(dir, 'ramadi-ar.txt')
    writeFileSync(en, 'Islamic State militants attacked an army checkpoint near Ramadi on Saturday, killing three Iraqi soldiers, a security source said.\n')
    writeFileSync(ar, 'قتل ثلاثة جنود عراقيين في هجوم شنه مسلحون من تنظيم داعش على حاجز للجيش قرب الرمادي يوم السبت، بحسب مصدر أمني.\n')
    const db = join(dir, 'mixed.db')
    const ingest = await run(['ingest', en, ar, '--db', db, '--published', '2021-03-07'])
    expect(ingest.exitCode).toBeUndefined()
    expect(ingest.err.join('\n')).toMatch(/2 stored/)
    const events = (await run(['events', '--db', db, '--format', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { n_sources: number; location: string; event_date: string; sources: { report_id: string }[] })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ n_sources: 2, location: 'Ramadi', event_date: '2021-03-06' })
    expect(events[0]!.sources.map((s) => s.report_id).sort()).toEqual(['ramadi-ar.txt', 'ramadi-en.txt'])
  })
})

describe('--lang', () => {
  it('codes a Persian-looking report as Arabic when told, refuses a language it does not code, and names what it codes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-lang-'))
    // an Arabic report that spells its names with Persian kaf and yeh, as some Iraqi sites do
    const file = join(dir, 'kirkuk.txt')
    writeFileSync(file, 'قتل مسلحون مجهولون ثلاثة مدنيين في هجوم على قرية قرب کرکوک يوم السبت.\n')
    const told = await run(['code', file, '--lang', 'ar', '--published', '2021-03-07', '--format', 'json'])
    expect(told.exitCode).toBeUndefined()
    expect(JSON.parse(told.stdout).events.length).toBeGreaterThan(0)
    const persian = await run(['code', file, '--lang', 'fa', '--published', '2021-03-07'])
    expect(persian.exitCode).toBe(2)
    expect(persian.err.join('\n')).toMatch(/--lang "fa": Persian is not coded yet; Sitrep codes en, ar/)
    const unknown = await run(['ingest', file, '--lang', 'xx', '--db', join(dir, 's.db')])
    expect(unknown.exitCode).toBe(2)
    expect(unknown.err.join('\n')).toMatch(/--lang "xx": not a language code Sitrep knows/)
  })
})

describe('the Arabic event scorer (data/models/event-scorer-ar.json)', () => {
  it('is trained on Arabic labels apart from the English one, and an Arabic report is scored by it', async () => {
    const { readFileSync } = await import('node:fs')
    const model = JSON.parse(readFileSync(new URL('../data/models/event-scorer-ar.json', import.meta.url), 'utf8')) as { trained: { on: string; cross_validation: { precision: number }; rules_alone: { precision: number } } }
    expect(model.trained.on).toMatch(/bench\/real\/ar\/cases\.jsonl/)
    // chosen because it wins: cross-validated precision above the rules' own
    expect(model.trained.cross_validation.precision).toBeGreaterThan(model.trained.rules_alone.precision)
    const scored = makeCoder()
    const text = 'قتل ثلاثة جنود من الجيش العراقي في هجوم شنه مسلحون من تنظيم داعش على نقطة تفتيش قرب مدينة الرمادي غربي محافظة الأنبار، بحسب مصدر أمني.'
    const rulesOnly = coder({ id: 'r', text, published: '2021-03-06' }).events ?? []
    const withScorer = scored({ id: 's', text, published: '2021-03-06' }).events ?? []
    expect(withScorer.length).toBeGreaterThan(0)
    // the scorer's confidence replaces the rules' own
    expect(withScorer[0]!.confidence).not.toBe(rulesOnly[0]!.confidence)
  })
})
