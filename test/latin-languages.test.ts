import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { makeCoder, UnsupportedLanguageError } from '../src/pipeline.js'
import { detectLanguage, byFunctionWords } from '../src/lang/detect.js'

const cfg = JSON.parse(readFileSync(fileURLToPath(new URL('../data/lang/languages.json', import.meta.url)), 'utf8')) as {
  languages: Record<string, { name: string; coded: boolean; example: string }>; function_words: { lists: Record<string, string> }
}
const coder = makeCoder()

// invented reports in the shapes of the pages the corpus search brought back in other languages
const REPORTS: [string, string][] = [
  ['fr', 'Des hommes armés ont tué trois soldats près de la frontière, selon des sources locales. Les assaillants sont arrivés à moto et ont incendié le poste. Les autorités ont été informées dans la soirée et une enquête est en cours.'],
  ['es', 'Hombres armados mataron a tres soldados cerca de la frontera, según fuentes locales. Los atacantes llegaron en motocicletas y quemaron el puesto. Las autoridades fueron informadas por la noche y la investigación sigue en curso.'],
  ['pt', 'Homens armados mataram três soldados perto da fronteira, segundo fontes locais. Os atacantes chegaram de mota e incendiaram o posto. As autoridades foram informadas à noite e a investigação está em curso no local.'],
  ['de', 'Bewaffnete Männer haben nach Angaben lokaler Quellen drei Soldaten in der Nähe der Grenze getötet. Die Angreifer kamen auf Motorrädern und setzten den Posten in Brand. Die Behörden wurden am Abend informiert und die Ermittlungen laufen.'],
]

describe('reports in Latin-script languages Sitrep does not code', () => {
  it.each(REPORTS)('a %s report is told by its small words and refused with the language named', (lang, text) => {
    expect(detectLanguage(text).lang).toBe(lang)
    expect(() => coder({ id: 'x', text, published: '2021-03-06' })).toThrow(UnsupportedLanguageError)
    expect(() => coder({ id: 'x', text, published: '2021-03-06' })).toThrow(new RegExp(`${cfg.languages[lang]!.name} \\(${lang}\\)`))
  })

  it('each listed language has an example sentence its own words tell (twice over, past the minimum length)', () => {
    const wrong = Object.keys(cfg.function_words.lists).filter((l) => l !== 'en')
      .filter((l) => byFunctionWords(Array(2).fill(cfg.languages[l]!.example).join(' ')) !== l)
    expect(wrong).toEqual([])
  })

  it('an English report quoting French, and a short line, stay English; --lang overrides', () => {
    const quoting = 'Gunmen killed three soldiers near the border on Monday, officials said. The attack was claimed by a group whose statement read "la lutte continue". Residents said the attackers came on motorcycles and burnt the post before they fled.'
    expect(detectLanguage(quoting).lang).toBe('en')
    expect(detectLanguage('Des hommes armés ont tué trois soldats.').lang).toBe('en')
    expect(coder({ id: 'x', text: REPORTS[0]![1], lang: 'en', published: '2021-03-06' }).lang).toBe('en')
  })

  it('a report in another script (Devanagari) is refused, not coded as English', () => {
    const text = 'पाकिस्तान के उत्तर-पश्चिमी प्रांत में हथियारबंद हमलावरों ने एक चौकी पर हमला किया और तीन सैनिक मारे गए।'
    expect(detectLanguage(text).coded).toBe(false)
    expect(() => coder({ id: 'x', text })).toThrow(UnsupportedLanguageError)
  })
})
