/**
 * Words around a place name that say what kind of place is meant, and so which precision a
 * match earns (codebook "Place": 1 the town itself, 2 near it or a named area, 3 the province).
 */
export type FeatureRole =
  | 'settlement' // "Teir Maaleh village": the place itself
  | 'area' // "the Nukhayb desert": a named area around a settlement
  | 'facility' // "Ain al-Asad airbase": a site that may lie outside the town
  | 'district' // "Ar Rastan district": an admin2 unit
  | 'province' // "Anbar Province": an admin1 unit

export const FEATURE_WORDS: Readonly<Record<string, FeatureRole>> = {
  village: 'settlement', // Teir Maaleh village
  town: 'settlement', // Ein Laroz town
  city: 'settlement', // Raqqa city
  suburb: 'settlement', // Beit Sawa suburb
  hamlet: 'settlement', // Jubb al-Bahrah hamlet
  neighbourhood: 'settlement', // the Karrada neighbourhood
  neighborhood: 'settlement', // the Karrada neighborhood
  quarter: 'settlement', // the Christian quarter
  township: 'settlement', // Kaduna township
  municipality: 'settlement', // the municipality of Tarin Kot
  desert: 'area', // the Nukhayb desert
  area: 'area', // the Husayniyat area
  valley: 'area', // the Jordan valley
  plain: 'area', // the Ghab plain
  plains: 'area', // the Nineveh plains
  countryside: 'area', // the Hama countryside
  outskirts: 'area', // the outskirts of Mosul
  vicinity: 'area', // the vicinity of Sinjar
  surroundings: 'area', // the surroundings of Palmyra
  region: 'area', // the Tal Afar region
  mountain: 'area', // Sinjar mountain
  mountains: 'area', // the Qandil mountains
  hills: 'area', // the Hamrin hills
  island: 'area', // Um Al Khanzeer island
  forest: 'area', // the Sambisa forest
  farms: 'area', // the Tarmiyah farms
  airbase: 'facility', // Ain al-Asad airbase
  airport: 'facility', // Mosul airport
  base: 'facility', // the 137th Brigade base
  camp: 'facility', // Al Hol camp
  oilfield: 'facility', // Khurais oilfield
  field: 'facility', // Azraq oil field
  checkpoint: 'facility', // the Qaim checkpoint
  crossing: 'facility', // the Nasib border crossing
  dam: 'facility', // Mosul dam
  bridge: 'facility', // the Sinjar bridge
  prison: 'facility', // Ghwayran prison
  road: 'facility', // Sayda-Western Ghariyah road
  highway: 'facility', // the Baghdad-Kirkuk highway
  junction: 'facility', // the Kafr Nabl junction
  intersection: 'facility', // the Zoobe intersection
  roundabout: 'facility', // the Tahrir roundabout
  gate: 'facility', // the Lekki toll gate
  hill: 'area', // Jabal al Arbain hill
  fields: 'facility', // Tabqa oil fields
  castle: 'facility', // Qalat Jabar castle
  ruins: 'facility', // Sukkari ruins
  ruin: 'facility', // Qasr al Hayr Gharbi ruin
  factory: 'facility', // Aqtan cotton factory
  plant: 'facility', // Aleppo thermal power plant
  complex: 'facility', // Adra prison complex
  heliport: 'facility', // Marj al-Sultan military heliport
  reservoir: 'facility', // Saham dam reservoir
  crossroad: 'facility', // Zakiyah crossroad
  farm: 'facility', // Amiriya farm
  mills: 'facility', // Al Faysal mills
  locality: 'settlement', // Tall al-Jayer locality
  port: 'facility', // Beirut port
  square: 'facility', // Tayaran Square
  palace: 'facility', // the Maashiq palace
  hotel: 'facility', // the Baron hotel
  market: 'facility', // Bakara market
  mosque: 'facility', // the Rawda mosque
  church: 'facility', // St Anthony's church
  school: 'facility', // Lhubiriha Secondary School
  university: 'facility', // Garissa University
  college: 'facility', // Garissa University College
  hospital: 'facility', // Mirwais hospital
  stadium: 'facility', // Mogadishu stadium
  station: 'facility', // the Qaim police station
  resort: 'facility', // the Parakh resort
  refinery: 'facility', // the Baiji refinery
  barracks: 'facility', // the Tadjoura barracks
  district: 'district', // Ar Rastan district
  subdistrict: 'district', // Akashat subdistrict
  governorate: 'province', // Homs Governorate
  province: 'province', // Anbar Province
  state: 'province', // Borno State
}

/** Filler dropped wherever it stands in a place phrase. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'the', 'of', 'refugee', 'oil', 'gas', 'border', 'military', 'air', 'army', 'idp', 'international', 'thermal',
  'power', 'prison', 'cotton', 'sugar', 'dam', 'defense', 'defence', 'secondary', 'primary', 'high', 'police', 'bus',
  'naval', 'grand', 'main', 'central',
])

/** Leading words that make a named area out of a place name: "Wadi Hauran", "Jabal Sinjar". */
export const AREA_PREFIXES: ReadonlySet<string> = new Set([
  'wadi', // Wadi Hauran
  'jabal', // Jabal al-Zawiya
  'jebel', // Jebel Marra
  'sahl', // Sahl al-Ghab
  'badiya', // Badiya al-Sham
  'badiyat', // Badiyat ash Sham
])

/**
 * Words that turn a settlement's name into the name of something around it: dropped from the
 * ends of a name that matches nothing, the rest is looked up as a named area (precision 2).
 * Not "Tall", "Kafr", "Umm", "Ayn": "Tall al Hawa" and "Al Hawa" are two villages.
 */
export const AREA_EDGE_WORDS: ReadonlySet<string> = new Set([
  'wadi', 'jabal', 'jebel', 'sahl', 'ard', 'jaroud', 'jurud', 'mashrafet', 'tlul', 'tulul', 'sharat', 'hawijat',
  'jazirat', 'badiya', 'badiyat', 'qasr', 'qalat', 'sharqi', 'gharbi', 'sharqiyah', 'gharbiyah', 'qibliyah', 'shamali',
  'shamaliyah', 'janubi', 'janubiyah', 'fawqani', 'tahtani', 'eastern', 'western', 'northern', 'southern', 'east',
  'west', 'north', 'south', 'upper', 'lower', 'new', 'old', 'road', 'highway', 'sector', 'pocket', 'countryside',
  'brigade', 'base', 'camp', 'international', 'countryside', 'rif', 'markaz', 'the', 'of', 'in',
])

/**
 * Facilities that stand inside a town: "X airport", "Tahrir Square" are coded at the town,
 * precision 1, as "Town - Facility" (DEV_CODING 5: "a facility inside a town").
 */
export const TOWN_FACILITIES: ReadonlySet<string> = new Set([
  'airport', // Aden airport
  'port', // Beirut port
  'square', // Tayaran Square
  'palace', // the Maashiq palace
  'hotel', // the Baron hotel
  'market', // Bakara market
  'mosque', // the Rawda mosque
  'church', // St Anthony's church
  'school', // Lhubiriha Secondary School
  'university', // Garissa University
  'hospital', // Mirwais hospital
  'stadium', // Mogadishu stadium
  'station', // the bus station
  'terminal', // the ferry terminal
  'compound', // the UN compound
  'complex', // the DusitD2 complex
  'courtyard', // the courthouse courtyard
  'prison', // Ghwayran prison
  'junction', // the K5 junction
  'intersection', // the Zoobe intersection
  'roundabout', // the Tahrir roundabout
  'gate', // the Lekki toll gate
  'zone', // the Green Zone
  'street', // Karrada shopping street
])

/**
 * Districts of a city: "Karrada district", "the Shaab neighbourhood" are written "City - District"
 * when the text ties them to a city.
 */
export const CITY_DISTRICTS: ReadonlySet<string> = new Set([
  'district', // Hodan district
  'neighbourhood', // Shaab neighbourhood
  'neighborhood', // Shaab neighborhood
  'quarter', // the Christian quarter
  'suburb', // the Westlands suburb
  'area', // the Westlands area
  'zone', // the Green Zone
  'township', // Hlaing Tharyar township
])
