import { describe, it, expect } from 'vitest'
import { arabicRulesCoder } from './support/arabic-rules-coder.js'

// Patterns seen on real Arabic pages (bench/real/ar), each reproduced in an invented report of our own
const { coder, code } = arabicRulesCoder()

describe('common words are no places', () => {
  it('"wounded" (بجروح) is not a village, "the photos" (صور) is not Tyre, "the place" (المكان) is nowhere', () => {
    const [e] = code('قتل ثلاثة جنود وأصيب أربعة آخرون بجروح في هجوم شنه مسلحون على حاجز قرب الرمادي. ونشرت الشرطة صور المكان.')
    expect(e).toMatchObject({ location: 'Ramadi', country: 'Iraq' })
    expect(code('نشر ناشطون صور المكان بعد انفجار قرب الموصل.').every((x) => x.location !== 'Tyre')).toBe(true)
  })

  it('towns in a list are places, one event each; what the air force usually strikes is no event', () => {
    expect(code('قصفت الطائرات الحربية يوم السبت بلدتي كفرنبل وسراقب في ريف إدلب.').map((x) => x.location)).toEqual(['Kafranbel', 'Saraqib'])
    expect(code('شهدت مدن دمشق وحلب وحمص احتجاجات يوم الجمعة.').map((x) => x.location)).toEqual(['Damascus', 'Aleppo', 'Homs'])
    expect(code('شنت طائرات حربية مساء الخميس غارات على مواقع داعش في مدينة سرت. وعادة ما يعمد سلاح الجو إلى ضرب مراكز داعش في درنة وصبراتة.').map((x) => x.location)).toEqual(['Sirte'])
  })

  it('an event in a region the gazetteer lacks is written in its country, unplaced; one with no country is not', () => {
    const [e, more] = code('قتل 94 شخصا على الأقل في مواجهات بين قبيلتين متخاصمتين في دارفور غرب السودان.')
    expect(more).toBeUndefined()
    expect(e).toMatchObject({ sub_event_type: 'Armed clash', country: 'Sudan', location: null, geo_status: 'unresolved' })
    expect(code('قتل 94 شخصا على الأقل في مواجهات بين قبيلتين متخاصمتين.')).toEqual([])
  })

  it('a Latin word inside Arabic text is no place name', () => {
    const events = code('قالت مصادر &quot;أمنية&quot; إن مسلحين قتلوا شرطيين اثنين في هجوم على نقطة تفتيش قرب بعقوبة.')
    expect(events.map((x) => x.location)).not.toContain('Al Kut')
  })
})

describe('what happened', () => {
  it('suicide bombers killed before they struck are a clash, not a suicide bombing', () => {
    const [e] = code('أعلنت قيادة العمليات مقتل انتحاريين اثنين يرتديان أحزمة ناسفة خلال عملية تفتيش في قضاء الرطبة غربي الأنبار.')
    expect(e?.sub_event_type).not.toBe('Suicide bomb')
  })

  it('protesters throwing stones at the police are a violent demonstration', () => {
    const [e] = code('رشق محتجون غاضبون رجال الشرطة بالحجارة وسط مدينة الناصرية احتجاجا على انقطاع الكهرباء.')
    expect(e).toMatchObject({ event_type: 'Riots', sub_event_type: 'Violent demonstration', location: 'Nasiriyah' })
  })

  it('a killing with no number counts three, as the codebook says', () => {
    const [e] = code('قتل عدد من عناصر الشرطة في هجوم شنه مسلحون مجهولون على مركز للشرطة في مدينة كركوك.')
    expect(e?.fatalities).toBe(3)
  })

  it('a page about a robbery and murder is a crime page: no political violence', () => {
    expect(code('جريمة قتل بدافع السرقة في حي شعبي بدمشق: عصابة قتلت رجلا مسنا وسرقت أمواله. وألقت الشرطة القبض على ثلاثة متهمين.')).toEqual([])
  })

  it('an event placed only in "the capital" is at the capital of its country', () => {
    const [e] = code('قتل خمسة أشخاص في انفجار سيارة مفخخة استهدف مطعما في العاصمة الصومالية، بحسب الشرطة الصومالية.')
    expect(e).toMatchObject({ country: 'Somalia', location: 'Mogadishu', geo_precision: 2 })
  })

  it('an age is no count of the dead', () => {
    const [e] = code('قتل مسلحون مجهولون رجلا في الثمانين من عمره في هجوم على قرية قرب بعقوبة.')
    expect(e?.fatalities ?? 0).toBeLessThan(80)
  })
})

describe('all 25 sub-event types', () => {
  it('every sub-event rule can fire in Arabic: each class it needs has Arabic trigger words', async () => {
    const { readFileSync } = await import('node:fs')
    const rules = JSON.parse(readFileSync(new URL('../data/rules/sub-event-rules.json', import.meta.url), 'utf8')) as { rules: { all?: string[]; any?: string[]; then: string }[]; types: Record<string, string[]> }
    const ar = JSON.parse(readFileSync(new URL('../data/lang/ar/triggers.json', import.meta.url), 'utf8')) as { triggers: { class: string; patterns: string[] }[] }
    const classes = new Set(ar.triggers.filter((t) => t.patterns.length > 0).map((t) => t.class))
    const reachable = new Set(rules.rules.filter((r) => (r.all ?? []).every((c) => classes.has(c)) && (!r.any || r.any.some((c) => classes.has(c)))).map((r) => r.then))
    const all = Object.values(rules.types).flat()
    expect(all).toHaveLength(25)
    expect(all.filter((s) => !reachable.has(s))).toEqual([])
  })

  it.each([
    ['Non-violent transfer of territory', 'دخلت قوات الجيش السوري مدينة منبج دون قتال بعد انسحاب المسلحين منها.'],
    ['Headquarters or base established', 'أنشأت القوات التركية نقطة عسكرية جديدة قرب مدينة سراقب في ريف إدلب.'],
    ['Change to group/activity', 'أعلنت هيئة تحرير الشام وفصائل أخرى اندماجها في تشكيل جديد في مدينة إدلب.'],
  ])('%s', (sub, text) => {
    expect(code(text).map((e) => e.sub_event_type)).toContain(sub)
  })
})
