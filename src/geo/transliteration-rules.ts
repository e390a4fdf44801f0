/**
 * Spelling rules for place-name keys, kept as data so they can be read and extended without
 * touching the matcher. Each entry carries an example of the variation it absorbs.
 */

/** Arabic definite articles as separate tokens, dropped anywhere in a name ("Deir ez-Zor"). */
export const ARTICLES: ReadonlySet<string> = new Set([
  'al', // Al-Anbar / Anbar
  'el', // Deir el-Zour
  'il', // Tell il-Abyad
  'ul', // Abu ul-Khasib
  'ad', // Ad Diwaniyah
  'adh', // Adh Dhuluiyah
  'ar', // Ar Rutbah
  'as', // As Suwayda'
  'an', // An Nukhayb
  'at', // At Tarmiyah
  'ath', // Ath Thawrah
  'az', // Dayr az Zawr
  'ash', // Ash Sharqat
  'ez', // Deir ez-Zor
  'es', // Ras es-Sahel
  'ed', // Beit ed-Din
  'er', // Tell er-Rumeila
  'en', // Ras en-Naqoura
  'et', // Beit et-Tin
  'aj', // Aj Jawf
])

/**
 * Whole-token spellings mapped to one form before letter rules run, for words whose vowels the
 * letter rules cannot reconcile.
 */
export const TOKEN_SYNONYMS: Readonly<Record<string, string>> = {
  tell: 'tal', // Tell Abyad / Tal Abyad
  tel: 'tal', // Tel Rifaat / Tall Rifat
  tall: 'tal', // Tall Afar / Tal Afar
  til: 'tal', // Til Temir / Tal Tamr
  kfar: 'kafr', // Kfar Nabl / Kafr Nabl
  kefr: 'kafr', // Kefr Zita / Kafr Zita
  kafar: 'kafr', // Kafar Nabudah / Kafr Nabudah
  beit: 'bayt', // Beit Jinn / Bayt Jinn
  bait: 'bayt', // Bait Lahia / Beit Lahia
  bet: 'bayt', // Bet Hanoun / Beit Hanoun
  jebel: 'jabal', // Jebel Zawiya / Jabal az Zawiyah
  djebel: 'jabal', // Djebel Bouhouria (Maghreb spelling)
  jbel: 'jabal', // Jbel Ouest
  khirbet: 'khirbat', // Khirbet Ghazaleh / Khirbat Ghazalah
  kherbet: 'khirbat', // Kherbet al-Joz
  khirbit: 'khirbat', // Khirbit Tin Nur
  khurbat: 'khirbat', // Khurbat al Jawz
  ein: 'ayn', // Ein Tarma / 'Ayn Tarma
  ain: 'ayn', // Ain Issa / 'Ayn 'Isa
  ayn: 'ayn', // 'Ayn al Arab
  um: 'umm', // Um Qasr / Umm Qasr
  om: 'umm', // Om Durman / Umm Durman
  abou: 'abu', // Abou Kamal / Abu Kamal
  albu: 'abu', // Albu Kamal / Abu Kamal
  bou: 'abu', // Bou Kamal (French press)
  bu: 'abu', // Al Bu Kamal
  mazraat: 'mazraa', // Mazraat Beit Jinn / Mazra'at Bayt Jinn
  mazraah: 'mazraa', // Mazra'ah
  saint: 'st', // Saint-Louis / St. Louis
  sainte: 'st', // Sainte-Marie
}

/** Ukrainian and Russian Cyrillic to Latin, close to the national passport transliteration. */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'y',
  і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'yu',
  я: 'ya', ё: 'yo', ы: 'y', э: 'e', ъ: '',
}

/**
 * Latin letters that Unicode decomposition leaves alone (Turkish dotless i, Polish l...),
 * folded to ASCII.
 */
export const LATIN_EXTRA: Readonly<Record<string, string>> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ħ: 'h',
  ŧ: 't', ŋ: 'ng', ə: 'e', ɛ: 'e', ɔ: 'o',
}
