import { describe, expect, it } from 'vitest'
import { loadGazetteer } from '../src/geo/gazetteer.js'
import { acledAdmin1, acledNameTable, acledStyle } from '../src/geo/acled-names.js'
import { makeCoder } from '../src/pipeline.js'
import { resolveToponym } from '../src/geo/resolve.js'
import { defaultGazetteerDir } from '../src/geo/gazetteer.js'
import { readIndexFile } from '../src/geo/gazetteer-index.js'

const gaz = loadGazetteer()

/**
 * The 40 countries of the actor dictionary: the capital as reports name it with the admin1 ACLED
 * files it under, then the three most populous other provinces as reports name them with ACLED's name.
 */
const TABLE: [iso: string, capital: string, capitalAdmin1: string, provinces: [said: string, acled: string][]][] = [
  ['SY', 'Damascus', 'Damascus', [['Aleppo', 'Aleppo'], ['Rural Damascus', 'Rural Damascus'], ['Homs', 'Homs']]],
  ['IQ', 'Baghdad', 'Baghdad', [['Nineveh', 'Ninewa'], ['Basra', 'Basrah'], ['Dhi Qar', 'Thi-Qar']]],
  ['YE', "Sana'a", 'Amanat al Asimah', [['Taiz', 'Taizz'], ['Hodeidah', 'Al Hudaydah'], ['Ibb', 'Ibb']]],
  ['AF', 'Kabul', 'Kabul', [['Herat', 'Herat'], ['Nangarhar', 'Nangarhar'], ['Balkh', 'Balkh']]],
  ['PK', 'Islamabad', 'Islamabad Capital Territory', [['Punjab', 'Punjab'], ['Sindh', 'Sindh'], ['Khyber Pakhtunkhwa', 'Khyber Pakhtunkhwa']]],
  ['IN', 'New Delhi', 'Delhi', [['Uttar Pradesh', 'Uttar Pradesh'], ['Maharashtra', 'Maharashtra'], ['Bihar', 'Bihar']]],
  ['NG', 'Abuja', 'Federal Capital Territory', [['Kano State', 'Kano'], ['Lagos', 'Lagos'], ['Kaduna', 'Kaduna']]],
  ['SO', 'Mogadishu', 'Banadir', [['Lower Shabelle', 'Lower Shabelle'], ['Bay', 'Bay'], ['Woqooyi Galbeed', 'Woqooyi Galbeed']]],
  ['SD', 'Khartoum', 'Khartoum', [['Gezira', 'Al Jazirah'], ['South Darfur', 'South Darfur'], ['North Darfur', 'North Darfur']]],
  ['SS', 'Juba', 'Central Equatoria', [['Jonglei', 'Jonglei'], ['Upper Nile', 'Upper Nile'], ['Warrap', 'Warrap']]],
  ['CD', 'Kinshasa', 'Kinshasa', [['North Kivu', 'North Kivu'], ['South Kivu', 'South Kivu'], ['Kasai-Oriental', 'Kasai-Oriental']]],
  ['ML', 'Bamako', 'Bamako', [['Sikasso', 'Sikasso'], ['Koulikoro', 'Koulikoro'], ['Segou', 'Segou']]],
  ['BF', 'Ouagadougou', 'Centre', [['Hauts-Bassins', 'Hauts-Bassins'], ['Boucle du Mouhoun', 'Boucle du Mouhoun'], ['Est', 'Est']]],
  ['NE', 'Niamey', 'Niamey', [['Zinder', 'Zinder'], ['Maradi', 'Maradi'], ['Tillaberi', 'Tillaberi']]],
  ['CM', 'Yaounde', 'Centre', [['Far North', 'Extreme-Nord'], ['Littoral', 'Littoral'], ['North-West', 'Nord-Ouest']]],
  ['CF', 'Bangui', 'Bangui', [["Ombella-M'Poko", "Ombella-M'Poko"], ['Ouham-Pende', 'Ouham-Pende'], ['Ouham', 'Ouham']]],
  ['ET', 'Addis Ababa', 'Addis Ababa', [['Oromia', 'Oromia'], ['Amhara', 'Amhara'], ['Somali', 'Somali']]],
  ['LY', 'Tripoli', 'Tripoli', [['Benghazi', 'Benghazi'], ['Misrata', 'Misrata'], ['Az Zawiyah', 'Az Zawiyah']]],
  ['EG', 'Cairo', 'Cairo', [['Giza', 'Giza'], ['Sharqia', 'Sharqia'], ['Dakahlia', 'Dakahlia']]],
  ['MZ', 'Maputo', 'Maputo City', [['Nampula', 'Nampula'], ['Zambezia', 'Zambezia'], ['Tete', 'Tete']]],
  ['MM', 'Naypyidaw', 'Nay Pyi Taw', [['Yangon', 'Yangon'], ['Mandalay Region', 'Mandalay'], ['Ayeyarwady', 'Ayeyarwady']]],
  ['PH', 'Manila', 'Metropolitan Manila', [['Calabarzon', 'Calabarzon'], ['Central Luzon', 'Central Luzon'], ['Central Visayas', 'Central Visayas']]],
  ['MX', 'Mexico City', 'Mexico City', [['State of Mexico', 'Mexico'], ['Jalisco', 'Jalisco'], ['Veracruz', 'Veracruz']]],
  ['CO', 'Bogota', 'Bogota, D.C.', [['Antioquia', 'Antioquia'], ['Valle del Cauca', 'Valle del Cauca'], ['Cundinamarca', 'Cundinamarca']]],
  ['BR', 'Brasilia', 'Federal District', [['Sao Paulo', 'Sao Paulo'], ['Minas Gerais', 'Minas Gerais'], ['Rio de Janeiro', 'Rio de Janeiro']]],
  ['UA', 'Kyiv', 'Kyiv City', [['Donetsk', 'Donetsk'], ['Dnipropetrovsk', 'Dnipropetrovsk'], ['Kharkiv', 'Kharkiv']]],
  ['RU', 'Moscow', 'Moscow', [['Moscow Oblast', 'Moscow Oblast'], ['Krasnodar Krai', 'Krasnodar Krai'], ['Saint Petersburg', 'Saint Petersburg']]],
  ['TR', 'Ankara', 'Ankara', [['Istanbul', 'Istanbul'], ['Izmir', 'Izmir'], ['Bursa', 'Bursa']]],
  ['IR', 'Tehran', 'Tehran', [['Razavi Khorasan', 'Razavi Khorasan'], ['Isfahan', 'Isfahan'], ['Fars', 'Fars']]],
  ['IL', 'Jerusalem', 'Jerusalem', [['Central District', 'HaMerkaz'], ['Northern District', 'HaZafon'], ['Tel Aviv', 'Tel Aviv']]],
  ['PS', 'East Jerusalem', 'West Bank', [['Gaza Strip', 'Gaza Strip'], ['West Bank', 'West Bank']]],
  ['LB', 'Beirut', 'Beirut', [['Mount Lebanon', 'Mount Lebanon'], ['North Lebanon', 'North'], ['Bekaa', 'Bekaa']]],
  ['KE', 'Nairobi', 'Nairobi', [['Nakuru', 'Nakuru'], ['Kiambu', 'Kiambu'], ['Kakamega', 'Kakamega']]],
  ['UG', 'Kampala', 'Central', [['Eastern Region', 'Eastern'], ['Western Region', 'Western'], ['Northern Region', 'Northern']]],
  ['TD', "N'Djamena", "N'Djamena", [['Logone Occidental', 'Logone Occidental'], ['Mayo-Kebbi Est', 'Mayo-Kebbi Est'], ['Ouaddai', 'Ouaddai']]],
  ['BD', 'Dhaka', 'Dhaka', [['Chittagong', 'Chittagong'], ['Rajshahi', 'Rajshahi'], ['Khulna', 'Khulna']]],
  ['TH', 'Bangkok', 'Bangkok', [['Nakhon Ratchasima', 'Nakhon Ratchasima'], ['Ubon Ratchathani', 'Ubon Ratchathani'], ['Khon Kaen', 'Khon Kaen']]],
  ['VE', 'Caracas', 'Capital District', [['Zulia', 'Zulia'], ['Miranda', 'Miranda'], ['Carabobo', 'Carabobo']]],
  ['HT', 'Port-au-Prince', 'Ouest', [['Artibonite', 'Artibonite'], ['Nord', 'Nord'], ['Centre', 'Centre']]],
  ['SA', 'Riyadh', 'Riyadh', [['Makkah', 'Makkah'], ['Eastern Province', 'Eastern Province'], ['Medina', 'Al Madinah']]],
]

/** The issue's own examples, as reports spell them. */
const ISSUE_EXAMPLES: [string, string, string][] = [
  ['LB', 'Beyrouth', 'Beirut'], ['SY', 'Deir ez-Zor', 'Deir-ez-Zor'], ['LB', 'Akkar', 'Akkar'],
  ['LB', 'Baalbek-Hermel', 'Baalbek-Hermel'], ['LB', 'Bekaa', 'Bekaa'], ['NG', 'Borno State', 'Borno'],
]

/** The unit the resolver files the capital under, as the coder would place "in <capital>, <country>". */
const capitalUnit = (iso: string, name: string) => {
  const r = resolveToponym(gaz, { name, country: iso })
  return r.status === 'resolved' && r.admin1 ? gaz.admin1(iso, r.admin1) : undefined
}

describe("admin1 names are ACLED's", () => {
  it('the table covers the 40 countries of the actor dictionary', () => {
    expect(TABLE.map((r) => r[0]).sort()).toEqual('SY IQ YE AF PK IN NG SO SD SS CD ML BF NE CM CF ET LY EG MZ MM PH MX CO BR UA RU TR IR IL PS LB KE UG TD BD TH VE HT SA'.split(' ').sort())
  })

  it.each(TABLE.map((r) => [r[0], r[1], r[2]] as const))('%s: the capital %s is in %s', (iso, capital, acled) => {
    expect(capitalUnit(iso, capital)?.acled).toBe(acled)
  })

  it.each(TABLE.flatMap(([iso, , , provinces]) => provinces.map(([said, acled]) => [iso, said, acled] as const)))('%s: "%s" is written %s', (iso, said, acled) => {
    expect(gaz.admin1(iso, said)?.acled).toBe(acled)
  })

  it.each(ISSUE_EXAMPLES)('%s: "%s" is written %s', (iso, said, acled) => {
    expect(gaz.admin1(iso, said)?.acled).toBe(acled)
  })

  it('every admin1 of every country has an output name, and it reads back to the same unit', () => {
    const wrong: string[] = []
    for (const iso of Object.keys(readIndexFile(defaultGazetteerDir()).countries)) {
      const c = gaz.country(iso)!
      for (const a of c.admin1) {
        if (!a.acled) wrong.push(`${c.iso2} ${a.name}: no output name`)
        else if (gaz.admin1(c.iso2, a.acled)?.name !== a.name) wrong.push(`${c.iso2} ${a.name}: "${a.acled}" reads back as ${gaz.admin1(c.iso2, a.acled)?.name}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('every spelling in the table names a unit the gazetteer has', () => {
    const t = acledNameTable()
    const unknown = Object.entries(t.admin1).flatMap(([iso, units]) => Object.keys(units).filter((n) => !gaz.country(iso)?.admin1.some((a) => a.name === n)).map((n) => `${iso} ${n}`))
    expect(unknown).toEqual([])
  })

  it('the generic rule drops one suffix, a prefix and parentheses, never the whole name', () => {
    expect(acledStyle('Borno State')).toBe('Borno')
    expect(acledStyle('Muhafazat Hadramaout')).toBe('Hadramaout')
    expect(acledStyle('Homs (Hims)')).toBe('Homs')
    expect(acledStyle('Province')).toBe('Province')
    expect(acledAdmin1('SY', 'Days Az Zawr')).toBe('Deir-ez-Zor')
  })
})

describe('coded events carry the ACLED names', () => {
  const coder = makeCoder()
  const code = (text: string) => coder({ id: 't', text, published: '2024-03-10' }).events ?? []
  it.each([
    ['Gunmen shot dead two men in Beirut on Saturday, Lebanese police said.', 'Beirut'],
    ['An airstrike hit a market in Mayadin in Deir ez-Zor province on Friday, killing four civilians.', 'Deir-ez-Zor'],
    ['Boko Haram fighters killed five farmers near Maiduguri in Borno State on Sunday.', 'Borno'],
  ])('%s -> %s', (text, acled) => {
    const events = code(text)
    expect(events.length).toBeGreaterThan(0)
    expect(events[0]!.admin1).toBe(acled)
  })
})
