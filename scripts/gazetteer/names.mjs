// Choosing a place's display name and its alternate names from WOF and GeoNames spellings.
import { foldDiacritics, isArabicScript, normalizePlaceName, transliterateCyrillic } from '../../dist/geo/normalize.js'

const MAX_ALTERNATES = 24
const CODE_LIKE = /^[A-Z0-9]{2,5}$/ // airport and postal codes in name_eng ("ORAA", "IQA")
const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\p{N}\s\-'’‘`ʿʾ.,()/&]+$/u
const CYRILLIC = /\p{Script=Cyrillic}/u

export function isLatin(s) {
  return LATIN_ONLY.test(s)
}

/** Pipe-separated WOF field → list of non-empty names. */
export function splitPipes(s) {
  return s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []
}

/**
 * The display name: a Latin-script name, since reports and ACLED write places in Latin script.
 * WOF names derived from GeoNames are kept; quattroshapes spellings ("Ramadie") yield to GeoNames.
 */
export function chooseName(wof, gn) {
  const wofLatin = wof && isLatin(wof.name) ? plainLatin(wof.name, gn) : null
  if (wofLatin && (!gn || wof.src_geom === 'geonames' || wof.src_geom === 'whosonfirst')) return wofLatin
  if (gn) return displayGeonamesName(gn)
  if (wofLatin) return wofLatin
  const eng = splitPipes(wof.name_eng).find(isLatin)
  if (eng) return eng
  if (CYRILLIC.test(wof.name)) return titleCase(transliterateCyrillic(wof.name))
  return wof.name
}

// Latin-1 accents are how French and Spanish names are written (Ménaka, Culiacán); letters beyond
// it (Ḩ, ā, ţ, ‘) are scholarly transliteration that reports and ACLED write in ASCII.
const BEYOND_LATIN1 = /[^\x00-\xff]/

function plainLatin(name, gn) {
  if (!BEYOND_LATIN1.test(name)) return name
  return gn?.ascii && normalizePlaceName(gn.ascii) === normalizePlaceName(name) ? gn.ascii : foldDiacritics(name)
}

function displayGeonamesName(gn) {
  return BEYOND_LATIN1.test(gn.name) && gn.ascii ? gn.ascii : gn.name
}

function titleCase(s) {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep, ch) => sep + ch.toUpperCase())
}

/**
 * Alternate names worth keeping: English and other Latin spellings folded to ASCII, Arabic script,
 * and the WOF primary name whatever its script. One spelling per key: lookups go by key anyway.
 */
export function chooseAltNames(primary, wof, gn) {
  const seen = new Set([normalizePlaceName(primary)])
  const out = []
  const add = (raw, { keepScript = false } = {}) => {
    const s = raw.trim()
    if (!s || s.length > 60 || CODE_LIKE.test(s) || s.includes('http')) return
    let shown
    if (isArabicScript(s)) shown = s
    else if (isLatin(s)) {
      if (!/\p{Lu}/u.test(s)) return // "alrtbt", "la ma di": machine romanisations from GeoNames
      shown = foldDiacritics(s)
    }
    else if (keepScript) shown = s
    else return
    const key = normalizePlaceName(shown)
    if (!key || seen.has(key)) return
    seen.add(key)
    out.push(shown)
  }
  if (wof) {
    add(wof.name, { keepScript: true })
    splitPipes(wof.name_eng).forEach((n) => add(n))
    splitPipes(wof.name_ara).forEach((n) => add(n))
  }
  if (gn) {
    add(gn.name)
    add(gn.ascii)
    gn.alternates.forEach((n) => add(n))
  }
  if (wof) splitPipes(wof.name_other_latin).forEach((n) => add(n))
  return out.slice(0, MAX_ALTERNATES)
}

/** Every key a source row answers to, for matching WOF rows to nearby GeoNames rows. */
export function rowKeys(wof, gn) {
  const keys = new Set()
  if (wof) {
    keys.add(normalizePlaceName(wof.name))
    splitPipes(wof.name_eng).forEach((n) => keys.add(normalizePlaceName(n)))
  }
  if (gn) {
    keys.add(normalizePlaceName(gn.name))
    keys.add(normalizePlaceName(gn.ascii))
  }
  keys.delete('')
  return keys
}
