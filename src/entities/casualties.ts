import type { Span } from '../types.js'
import type { Sentence, Word } from '../text/segment.js'
import { makeNumberReader, type NumberPhrase } from './numbers.js'
import type { Rules } from '../data/load.js'

export type Count = Span & { sentence: number; value: number; what: 'deaths' | 'arrests'; rule: string; at: number; vague: boolean; head?: Span }

// the noun a count counts: "14 people", "three soldiers", "20 dead"; not "14 in", "14, officials said"
const NOT_HEAD = /^(and|or|of|in|on|at|to|the|a|an|were|was|have|had|has|are|is|be|been|who|which|that|when|after|before|including|during|while|as|by|with|from|for|since|more|others|other|people's|last|this|these|those|such|so|but|than)$/

// verbs whose object is the dead ("killing 82 people") and words that follow a count of the dead ("82 dead")
const KILL_VERB = /^(killed|killing|kill|kills|slew|slaying|executed|executing|massacred|massacring|murdered|murdering|left|leaving|claimed|claiming)$/
const DEATH_AFTER = /^(killed|dead|died|die|slain|deaths|death|bodies|fatalities|perished|executed|massacred|murdered|beheaded|lynched)$/
const DEATH_PHRASE = /^(shot dead|gunned down|lost their lives|were killed|was killed|have been killed|had been killed|been killed|hacked to death|burned alive|beaten to death|stabbed to death)/
const ARREST_VERB = /^(arrested|arresting|detained|detaining|apprehended|rounded|nabbed|captured|held|arrests|detentions|arrest)$/
const ARREST_AFTER = /^(arrested|detained|apprehended|held|nabbed|suspects)$/
const ADVERB = /^(also|reportedly|allegedly|mistakenly|apparently|at|least|only|some|about|nearly|almost|around|over|more|than|up|to|as|many|an|estimated|another|further)$/
const DEATHS_TOPIC = /\b(killed|dead|died|death|deaths|toll|lives|fatalities)\b/
const HURT = /^(wounded|wounding|injured|injuring|hurt|injuries|wounds|casualties|missing|displaced|abducted|kidnapped|rescued|freed|released|evacuated)$/
const NOT_PEOPLE = /^(km|kilometres|kilometers|miles|metres|meters|percent|per|years|year|decades|decade|centuries|days|day|hours|hour|minutes|weeks|months|am|pm|houses|homes|vehicles|cars|buildings|shops|rockets|missiles|drones|tons|tonnes|kg|times|feet|dollars|usd)$/

function isCountable(words: Word[], n: NumberPhrase): boolean {
  const after = words[n.last + 1]?.lower ?? ''
  if (NOT_PEOPLE.test(after)) return false
  if (words[n.first - 1]?.lower === 'of' && /^(toll|total)$/.test(words[n.first - 2]?.lower ?? '')) return true
  return true
}

/** Counts of the dead and of the arrested in one sentence, with spans. */
export function makeCountFinder(r: Rules) {
  const readNumber = makeNumberReader(r.numbers)
  const c = r.numbers.conjoined_counts
  const conjoined: Conjoined = { clauseStart: new Set(c.clause_start), notSubject: new Set(c.not_subject) }
  return (s: Sentence) => findCounts(s, readNumber, conjoined)
}

type Conjoined = { clauseStart: Set<string>; notSubject: Set<string> }

function findCounts(s: Sentence, readNumber: ReturnType<typeof makeNumberReader>, conjoined: Conjoined): Count[] {
  const w = s.words
  const out: Count[] = []
  const push = (n: NumberPhrase, what: Count['what'], rule: string, at: number) => {
    if (!isCountable(w, n)) return
    const next = w[n.last + 1]
    // the very next word, with nothing but a space between ("14, officials said" has no head noun)
    const head = next && next.start - w[n.last]!.end === 1 && /^\p{L}{3,}$/u.test(next.text) && !NOT_HEAD.test(next.lower) ? { start: next.start, end: next.end } : undefined
    out.push({ start: w[n.first]!.start, end: w[n.last]!.end, sentence: s.index, value: n.value, what, rule, at, vague: n.vague, ...(head ? { head } : {}) })
  }
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!.lower
    const phrase = w.slice(i, i + 4).map((q) => q.lower).join(' ')
    // "a total of 253 people were detained": a total is a toll only in a sentence about the dead
    if (x === 'toll' || (x === 'total' && w[i + 1]?.lower === 'of' && DEATHS_TOPIC.test(s.words.map((q) => q.lower).join(' ')))) {
      // "the toll rose to 292", "a toll of 103": a stated figure, not "several of the wounded"
      for (let k = i + 1; k < Math.min(w.length, i + 8); k++) {
        if (HURT.test(w[k]!.lower) || /^(because|as|after|likely|expected|could|may|might)$/.test(w[k]!.lower)) break
        const n = readNumber(w, k)
        if (n && !n.vague) { push(n, 'deaths', 'death-toll', i); break }
      }
      continue
    }
    // "has risen to 213", "rose to 292": an updated toll, when the sentence is about the dead
    if (/^(risen|rose|climbed|reached|increased|jumped|rises|climbs|revised|lowered|raised|corrected|updated)$/.test(x) && DEATHS_TOPIC.test(s.words.map((q) => q.lower).join(' '))) {
      let k = i + 1
      if (/^(it|the|toll|figure|number)$/.test(w[k]?.lower ?? '')) k++
      if (w[k]?.lower === 'to') k++
      const n = readNumber(w, k)
      if (n) push(n, 'deaths', 'death-toll', i)
    }
    // "a mob beat a 50-year-old man to death": the beaten are the dead
    if (/^(beat|beaten|stabbed|hacked|burned|burnt|stoned|clubbed)$/.test(x) && w.slice(i + 1, i + 10).some((q, k, a) => q.lower === 'to' && a[k + 1]?.lower === 'death')) {
      const n = readNumber(w, i + 1)
      if (n) push(n, 'deaths', 'kill-verb+count', i)
    }
    const shotDead = x === 'dead' && /^(shot|gunned)$/.test(w[i - 1]?.lower ?? '')
    if (KILL_VERB.test(x) || shotDead) {
      for (let k = i + 1; k < Math.min(w.length, i + 4); k++) {
        if (HURT.test(w[k]!.lower) || w[k]!.lower === 'and') break
        const n = readNumber(w, k)
        // the count is the verb's object: "killed 12 villagers", not "killed villagers celebrating a festival"
        if (!n && !ADVERB.test(w[k]!.lower)) break
        if (n) {
          // "left 20 dead", "claimed 30 lives": only with the death word after the count
          // ("left 68 people injured" is no death)
          const after = w[n.last + 1]?.lower ?? '', then = w[n.last + 2]?.lower ?? ''
          if (/^(left|leaving|claimed|claiming)$/.test(x) && !(/^(dead|lives|killed)$/.test(after) || (after === 'people' && !HURT.test(then) && !/^(missing|homeless|displaced|stranded)$/.test(then)))) break
          push(n, 'deaths', 'kill-verb+count', i)
          // "killed 13 US service members and more than 90 Afghans": both groups died
          for (let q = n.last + 1; q < Math.min(w.length, n.last + 6); q++) {
            if (w[q]!.lower !== 'and') continue
            const more = readNumber(w, q + 1)
            if (more && !HURT.test(w[more.last + 1]?.lower ?? '')) push(more, 'deaths', 'kill-verb+count', i)
            break
          }
          break
        }
      }
    }
    if (DEATH_AFTER.test(x) || DEATH_PHRASE.test(phrase)) {
      for (let k = i - 1; k >= Math.max(0, i - 7); k--) {
        if (HURT.test(w[k]!.lower) || KILL_VERB.test(w[k]!.lower)) break
        const n = readNumber(w, k)
        // "58 people, 11 of them children, were killed": the total, not the part; "one of its drones killed": no count
        const partitive = (n && isPartOf(w, n)) || (n && w.slice(n.last + 1, i + 1).some((x) => x.lower === 'among'))
        // the count heads the subject ("82 people were killed", "a boy was killed"), not a place or time
        // phrase before the verb ("in a residential area of Kabul on Sunday killed")
        const between = n ? w.slice(n.last + 1, i) : []
        const article = n && /^(a|an)$/.test(w[n.first]!.lower)
        const detached = between.some((x) => /^(in|on|at|from|near|during|when|after|before|by|with|into|across)$/.test(x.lower)) || (article && between.length > 2)
        if (n && n.last < i && !partitive && !detached) {
          push(n, 'deaths', 'count+death-word', i)
          // "seven militants and two soldiers were killed": both groups are the subject
          const more = w[n.first - 1]?.lower === 'and' ? conjoinedCount(w, n.first - 1, readNumber, conjoined) : null
          if (more) push(more, 'deaths', 'count+death-word', i)
          break
        }
      }
    }
    if (ARREST_VERB.test(x)) {
      for (let k = i + 1; k < Math.min(w.length, i + 5); k++) {
        if (HURT.test(w[k]!.lower)) break
        const n = readNumber(w, k)
        if (n && !(n.vague && n.value === 1)) { push(n, 'arrests', 'arrest-verb+count', i); break }
      }
    }
    if (ARREST_AFTER.test(x)) {
      for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
        if (/^(and|have|has|had|but|while|who|after)$/.test(w[k]!.lower) || KILL_VERB.test(w[k]!.lower)) break
        const n = readNumber(w, k)
        if (n && n.last < i) { push(n, 'arrests', 'count+arrest-word', i); break }
      }
    }
  }
  return dedupe(out)
}

/**
 * "11 of them", "most of whom": a part of a total told elsewhere; "one of its drones": no people at all.
 * "four of its fighters" counts four fighters.
 */
function isPartOf(w: Word[], n: NumberPhrase): boolean {
  if (w[n.last + 1]?.lower !== 'of' || n.vague) return false
  const next = w[n.last + 2]?.lower ?? ''
  if (/^(them|whom|those|these)$/.test(next)) return true
  const noun = /^(its|their|the|his|her|our)$/.test(next) ? w[n.last + 3]?.lower ?? '' : next
  return NOT_PEOPLE.test(noun) || /^(drones?|rockets?|missiles?|shells?|bombs?|vehicles?|cars?|trucks?|dead|victims|wounded)$/.test(noun)
}

// the counted noun and its modifiers: plain words, no numbers or punctuation
const SUBJECT_WORD = /^[a-z][a-z'-]*$/

/** The count before "and" in "N nouns and M nouns ...": one to three noun words between it and the "and". */
function conjoinedCount(w: Word[], and: number, readNumber: ReturnType<typeof makeNumberReader>, c: Conjoined): NumberPhrase | null {
  for (let k = and - 1; k >= Math.max(0, and - 6); k--) {
    const x = w[k]!.lower
    if (HURT.test(x) || KILL_VERB.test(x) || DEATH_AFTER.test(x)) return null
    const n = readNumber(w, k)
    if (n && n.last < and) {
      const between = w.slice(n.last + 1, and)
      const ok = between.length >= 1 && between.length <= 3 && between.every((q) => SUBJECT_WORD.test(q.lower) && !c.notSubject.has(q.lower))
      // it heads the clause ("Seven militants and ...", "officials said seven ..."), not a verb's object
      // ("arrested five suspects and two civilians were killed")
      let b = n.first - 1
      while (b >= 0 && ADVERB.test(w[b]!.lower)) b--
      const heads = b < 0 || c.clauseStart.has(w[b]!.lower)
      return ok && heads && !isPartOf(w, n) ? n : null
    }
  }
  return null
}

const words_of = (w: Word[], i: number, n: number) => w.slice(i, i + n).map((x) => x.lower).join(' ')

function dedupe(counts: Count[]): Count[] {
  const seen = new Set<string>()
  return counts.filter((c) => {
    const k = `${c.what}:${c.start}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
