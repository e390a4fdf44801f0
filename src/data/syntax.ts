/**
 * How a language's sentences carry what the shared coding stages read: word order, and the words that mark
 * roles and time. English is written here (its words are few and fixed); other languages build theirs from
 * their pack (data/lang/<lang>/, src/lang/<lang>/pack.ts).
 */
export type Syntax = {
  /** the verb comes before its subject ("هاجم مسلحون حاجزا"): roles are read from word order after the verb */
  verb_first: boolean
  /** a page whose lead tells a crime and no specific violence is the crime's page */
  crime_pages: boolean
  /** a trigger word inside a group's name is the name ("هيئة تحرير الشام") */
  names_hold_triggers: boolean
  /** what may not stand between a country and the verb it would be the doer of */
  doer_break: RegExp
  /** words just before an actor that make it the one acted on, or the one acting */
  target_cues: ReadonlySet<string>
  agent_cues: ReadonlySet<string>
  /** words just before an actor that make it the source of what follows, unless its own deed follows */
  speaker_cues: ReadonlySet<string>
  own_deed_cues: ReadonlySet<string>
  /** cues of time that make their whole clause context wherever they stand in it */
  late_cues: ReadonlySet<string>
  /** beginnings of words of killing: an incident even with no count */
  kill_words: readonly string[]
  /** beginnings of the words of a killing or massacre that, with no number, count the codebook's 3 dead */
  death_words: readonly string[]
  /** the text between two places of a list that "and" closes ("Jableh and Tartus"), and between the others ("A, B") */
  list_and: RegExp
  list_comma: RegExp
}

const NONE: ReadonlySet<string> = new Set()

export const ENGLISH_SYNTAX: Syntax = {
  verb_first: false,
  crime_pages: false,
  names_hold_triggers: false,
  doer_break: /[,;]/,
  target_cues: NONE,
  agent_cues: NONE,
  speaker_cues: NONE,
  own_deed_cues: NONE,
  late_cues: new Set(['last month', 'last year', 'years ago', 'months ago', 'in the past']),
  kill_words: ['killed', 'killing', 'kills', 'massacred', 'executed', 'shot', 'gunned'],
  death_words: ['kill', 'executed', 'massacre', 'murdered', 'slaughtered', 'beheaded', 'dead', 'died'],
  // "Jableh and Tartus", "at Abqaiq and the Khurais oilfield"
  list_and: /^,?\s+and\s+(at\s+|in\s+)?(the\s+)?([\w'’-]+\s+){0,2}$/i,
  list_comma: /^,\s+$/,
}
