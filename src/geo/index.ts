export { normalizePlaceName, skeletonKey, foldAscii, NORMALIZER_VERSION } from './normalize.js'
export { loadGazetteer, defaultGazetteerDir } from './gazetteer.js'
export { resolveToponym } from './resolve.js'
export { parsePlacePhrase, type PlacePhrase } from './place-phrase.js'
export { offsetPoint, haversineKm } from './geo-math.js'
export { parseRelative, resolveRelative, type RelativePhrase } from './relative.js'
export { provinceFallback } from './province-fallback.js'
export { findMentions, type Mentions } from './mentions.js'
export { explainGeocode } from './explain.js'
export { importPlaces, type ImportResult } from './import-places.js'
export { admin1Key, admin1Variants } from './admin-names.js'
export type {
  Place,
  LatLon,
  Admin1Info,
  CountryInfo,
  Gazetteer,
  GazetteerStats,
  LookupOptions,
  Candidate,
  MatchKind,
  Resolution,
  ToponymQuery,
  ProvinceFallback,
  CapitalRef,
} from './types.js'
export { splitCsvLine } from './import-parsers.js'
