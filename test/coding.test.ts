import { describe, it, expect } from 'vitest'
import { makeCoder } from '../src/pipeline.js'
import type { SitrepEvent, Span } from '../src/types.js'

// Behaviour of the whole coder on short invented sentences, one row per codebook rule.
// Dates: 2019-04-15 is a Monday, 2019-04-16 a Tuesday.
const coder = makeCoder()

type Field = 'event_type' | 'sub_event_type' | 'actor1' | 'actor2' | 'country' | 'admin1' | 'location' | 'geo_precision'
  | 'event_date' | 'time_precision' | 'fatalities' | 'arrests' | 'background'
/** What one event must hold; `sides` compares actor1/actor2 as a pair in either order (the codebook implies no direction). */
type Want = Partial<Pick<SitrepEvent, Field>> & { sides?: [string | null, string | null] }
type Row = {
  text: string
  published?: string
  /** every event the text codes, in order ([] = no event at all) */
  events: Want[]
  /** actor name -> words its evidence span must contain */
  says?: Record<string, string>
  /** a known gap of the coder: what comes out today. The row keeps the codebook's answer and runs as it.fails. */
  gap?: string
}

const bySide = (a: string | null, b: string | null) => String(a).localeCompare(String(b))

function codeRow(row: Row): SitrepEvent[] {
  return coder({ id: 'row', text: row.text, ...(row.published ? { published: row.published } : {}) }).events ?? []
}

/** The coded events seen through the fields the row asks about. */
function view(events: SitrepEvent[], wants: Want[]) {
  return events.map((e, i) => {
    const want = wants[i] ?? {}
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(want)) {
      out[k] = k === 'sides' ? [e.actor1, e.actor2].sort(bySide) : e[k as Field]
    }
    return out
  })
}
const normal = (wants: Want[]) => wants.map((w) => (w.sides ? { ...w, sides: [...w.sides].sort(bySide) } : w))

function expectRow(row: Row) {
  const events = codeRow(row)
  expect(view(events, row.events)).toEqual(normal(row.events))
}

const rows: [string, Row][] = [
  // --- Battles
  ['troops killing and arresting militants is one Armed clash with both counts (violence beats the arrest)', {
    text: 'Iraqi troops killed three militants and arrested two near Rutba on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Battles', sub_event_type: 'Armed clash', sides: ['Military Forces of Iraq', 'Unidentified Armed Group (Iraq)'],
      country: 'Iraq', admin1: 'Anbar', geo_precision: 2, event_date: '2019-04-15', time_precision: 1, fatalities: 3, arrests: 2, background: false }],
    says: { 'Military Forces of Iraq': 'Iraqi troops' },
  }],
  ['ISIS under another name (Daesh) attacking an army post is an Armed clash with Islamic State', {
    text: 'Daesh militants attacked an army post near Tikrit on Monday, killing two soldiers.', published: '2019-04-16',
    events: [{ event_type: 'Battles', sub_event_type: 'Armed clash', sides: ['Islamic State', 'Military Forces of Iraq'], fatalities: 2, event_date: '2019-04-15' }],
    says: { 'Islamic State': 'Daesh' },
  }],
  ['state forces retaking a town is Government regains territory', {
    text: 'On Monday, Iraqi forces recaptured the town of Baiji from Islamic State militants.', published: '2019-04-16',
    events: [{ event_type: 'Battles', sub_event_type: 'Government regains territory', sides: ['Islamic State', 'Military Forces of Iraq'],
      location: 'Baiji', event_date: '2019-04-15', background: false }],
    says: { 'Military Forces of Iraq': 'Iraqi forces' },
  }],
  ['a group seizing a town is Non-state actor overtakes territory', {
    text: 'Al Shabaab fighters seized the town of Bulo Burde on Monday after heavy fighting with government troops.', published: '2019-04-16',
    events: [{ event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory', actor1: 'Al Shabaab', country: 'Somalia', event_date: '2019-04-15' }],
    says: { 'Al Shabaab': 'Al Shabaab' },
  }],
  // --- Explosions/Remote violence
  ['a suicide bomber is a Suicide bomb, not a clash', {
    text: 'A suicide bomber blew himself up at a checkpoint in Tikrit on Monday, killing four soldiers.', published: '2019-04-16',
    events: [{ event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb', sides: ['Military Forces of Iraq', 'Unidentified Armed Group (Iraq)'],
      location: 'Tikrit', event_date: '2019-04-15' }],
  }],
  ['an air strike on militants is an Air/drone strike (they could not fire back), not an Armed clash', {
    text: 'Warplanes struck Islamic State positions near Hajin on Monday, killing 12 militants.', published: '2019-04-16',
    events: [{ event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', actor2: 'Islamic State', country: 'Syria', fatalities: 12 }],
  }],
  ['a roadside bomb killing passengers is a Remote explosive with unnamed bombers and civilians', {
    text: 'A roadside bomb exploded next to a minibus in Kandahar on Monday, killing six passengers.', published: '2019-04-16',
    events: [{ event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED',
      sides: ['Civilians (Afghanistan)', 'Unidentified Armed Group (Afghanistan)'], fatalities: 6 }],
  }],
  ['a thrown grenade is a Grenade event, and the wounded are not fatalities', {
    text: 'A man hurled a grenade into a bus stand in Srinagar on Monday, wounding ten people.', published: '2019-04-16',
    events: [{ event_type: 'Explosions/Remote violence', sub_event_type: 'Grenade', country: 'India', fatalities: 0 }],
  }],
  // --- Violence against civilians
  ['gunmen killing villagers is an Attack on Civilians of the country', {
    text: 'Gunmen killed five villagers in Maiduguri on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: 'Unidentified Armed Group (Nigeria)', actor2: 'Civilians (Nigeria)',
      location: 'Maiduguri', admin1: 'Borno', geo_precision: 1, fatalities: 5, event_date: '2019-04-15' }],
    says: { 'Unidentified Armed Group (Nigeria)': 'Gunmen' },
  }],
  ['"at least three" counts 3 and the wounded are not counted', {
    text: 'Gunmen killed at least three villagers and wounded seven others in Maiduguri on Monday.', published: '2019-04-16',
    events: [{ sub_event_type: 'Attack', fatalities: 3 }],
  }],
  ['"dozens" counts 12', {
    text: 'Militants killed dozens of villagers in Borno State on Monday.', published: '2019-04-16',
    events: [{ sub_event_type: 'Attack', fatalities: 12, admin1: 'Borno', geo_precision: 3 }],
  }],
  ['deaths reported with no number count 3', {
    text: 'Gunmen killed villagers in Maiduguri on Monday.', published: '2019-04-16',
    events: [{ sub_event_type: 'Attack', fatalities: 3 }],
  }],
  ['a kidnapping is an Abduction/forced disappearance with no deaths', {
    text: 'Gunmen kidnapped 30 passengers on a highway in Zamfara State on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Violence against civilians', sub_event_type: 'Abduction/forced disappearance', actor2: 'Civilians (Nigeria)',
      admin1: 'Zamfara', geo_precision: 3, fatalities: 0, event_date: '2019-04-15' }],
  }],
  // --- Protests
  ['a peaceful march is a Peaceful protest by Protesters of the country, with no second side', {
    text: 'Thousands of protesters marched peacefully in Khartoum on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Sudan)', actor2: null, fatalities: 0 }],
  }],
  ['police firing tear gas at protesters is a Protest with intervention', {
    text: 'Police fired tear gas to disperse protesters in Basra on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Protests', sub_event_type: 'Protest with intervention', actor1: 'Protesters (Iraq)', actor2: 'Police Forces of Iraq',
      admin1: 'Basrah', event_date: '2019-04-15' }],
    says: { 'Police Forces of Iraq': 'Police' },
  }],
  ['protesters detained at the protest are its arrests, not a separate Arrests event', {
    text: 'Police fired tear gas at protesters in Basra on Monday and detained 15 of them.', published: '2019-04-16',
    events: [{ sub_event_type: 'Protest with intervention', arrests: 15 }],
  }],
  ['troops killing demonstrators is Excessive force against protesters', {
    text: 'Troops opened fire on demonstrators in Khartoum on Monday, killing 20.', published: '2019-04-16',
    events: [{ event_type: 'Protests', sub_event_type: 'Excessive force against protesters', actor1: 'Military Forces of Sudan', actor2: 'Protesters (Sudan)', fatalities: 20 }],
  }],
  // --- Riots
  ['protesters storming and burning a building is a Violent demonstration by Rioters', {
    text: 'Protesters stormed the provincial council building in Basra and set fire to offices on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Riots', sub_event_type: 'Violent demonstration', actor1: 'Rioters (Iraq)', event_date: '2019-04-15' }],
  }],
  ['youths stoning the police is a Violent demonstration against the police', {
    text: 'Angry youths hurled stones at police and torched tyres in Nasiriyah on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Riots', sub_event_type: 'Violent demonstration', actor1: 'Rioters (Iraq)', actor2: 'Police Forces of Iraq', location: 'Nasiriyah' }],
  }],
  ['a mob beating a man to death is Mob violence with one death', {
    text: 'A mob beat a man to death in Dhaka on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Riots', sub_event_type: 'Mob violence', actor1: 'Rioters (Bangladesh)', actor2: 'Civilians (Bangladesh)', fatalities: 1 }],
  }],
  // --- Strategic developments
  ['a peace agreement signed is an Agreement', {
    text: 'The government and the rebels signed a peace agreement in Juba on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Strategic developments', sub_event_type: 'Agreement', country: 'South Sudan', event_date: '2019-04-15', fatalities: 0 }],
  }],
  ['an arrest with no fighting is Arrests by the police, counted', {
    text: 'Police arrested six suspected militants in Karachi on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Strategic developments', sub_event_type: 'Arrests', actor1: 'Police Forces of Pakistan', arrests: 6, fatalities: 0 }],
  }],
  ['an arrest for an ordinary crime is no event (codebook: individual crime)', {
    text: 'Police arrested a man in Karachi on Monday over the murder of his wife.', published: '2019-04-16',
    events: [],
  }],
  ['soldiers killed by a suicide bomber are its target, and the army site is not the bomber', {
    text: 'Ten soldiers were killed on Friday when a suicide bomber struck an army checkpoint in North Sinai, Egyptian security sources said.', published: '2017-07-08',
    events: [{ sub_event_type: 'Suicide bomb', sides: ['Military Forces of Egypt', 'Unidentified Armed Group (Egypt)'] }],
  }],
  ['a country after "in" is where it happened, not who did it', {
    text: 'Suspected jihadists killed 12 soldiers in an attack on Sunday in central Mali, a security source said.', published: '2019-04-22',
    events: [{ sub_event_type: 'Armed clash', sides: ['Military Forces of Mali', 'Unidentified Armed Group (Mali)'], fatalities: 12 }],
  }],
  ['a nationality word does not move the event: a Frenchman killed in Mali is killed in Mali', {
    text: 'A Frenchman and a Russian were among 12 people killed when gunmen attacked a hotel in Bamako on Friday, French officials said.', published: '2019-04-16',
    events: [{ sub_event_type: 'Attack', country: 'Mali', fatalities: 12 }],
  }],
  ['who holds a town is not who struck it', {
    text: 'An air strike hit the rebel-held town of Ariha in Idlib province on Monday, killing five civilians.', published: '2019-04-16',
    events: [{ sub_event_type: 'Air/drone strike', sides: ['Unidentified Armed Group (Syria)', 'Civilians (Syria)'], fatalities: 5 }],
  }],
  ['a bomb defused is Disrupted weapons use', {
    text: 'Police defused a bomb near the stadium in Peshawar on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Strategic developments', sub_event_type: 'Disrupted weapons use', country: 'Pakistan' }],
  }],
  // --- place
  ['a city the world knows is placed though no country is named', {
    text: 'Hundreds of dock workers marched through Mombasa on Monday against plans to move cargo inland.', published: '2022-07-05',
    events: [{ sub_event_type: 'Peaceful protest', country: 'Kenya', location: 'Mombasa', geo_precision: 1 }],
  }],
  ['the dateline city is not the incident\'s place', {
    text: 'LAGOS, Nigeria — Gunmen killed three villagers in Magami in Zamfara State on Sunday.', published: '2020-02-18',
    events: [{ sub_event_type: 'Attack', location: 'Magami', admin1: 'Zamfara', geo_precision: 1 }],
  }],
  ['a dateline\'s country decides between namesakes: Beni in North Kivu, not Vienna (Beni in another language)', {
    text: 'BENI, Democratic Republic of Congo — Gunmen attacked a village near Beni on Sunday, killing 11 civilians, local officials said.', published: '2020-02-18',
    events: [{ country: 'Democratic Republic of Congo', admin1: 'North Kivu', location: 'Beni', fatalities: 11 }],
  }],
  ['a bare dateline city is the place called so by its own name first', {
    text: 'BENI — Gunmen attacked a village near Beni on Sunday, killing 11 civilians.', published: '2020-02-18',
    events: [{ country: 'Democratic Republic of Congo', location: 'Beni' }],
  }],
  ['"gunmen from" a group are that group, as "Boko Haram gunmen" are: an attack on farmers, not a clash', {
    text: 'Gunmen from Boko Haram attacked a village near Bama in Borno on Monday, killing twelve farmers, residents said.', published: '2019-04-16',
    events: [{ event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: 'Boko Haram', actor2: 'Civilians (Nigeria)', fatalities: 12 }],
    says: { 'Boko Haram': 'Gunmen from Boko Haram' },
  }],
  ['two counted groups, one verb: both are the dead', {
    text: 'Seven militants and two soldiers were killed in a clash near Gao, Mali, on Monday, the army said.', published: '2019-04-16',
    events: [{ sub_event_type: 'Armed clash', location: 'Gao', fatalities: 9 }],
  }],
  ['a bombing in Kabul claimed by Islamic State is in Afghanistan, by its Khorasan branch, on civilians', {
    text: 'A bomb exploded near a busy market in Kabul on Thursday, killing nine people. Islamic State claimed responsibility.', published: '2022-09-16',
    events: [{ country: 'Afghanistan', location: 'Kabul', sides: ['Civilians (Afghanistan)', 'Islamic State Khorasan Province'], fatalities: 9 }],
  }],
  ['a place found in two provinces is the one in the province the text names (Maysan)', {
    text: 'Gunmen killed three farmers in Husayniyah in Maysan province on Monday.', published: '2019-04-16',
    events: [{ country: 'Iraq', admin1: 'Missan', location: 'Husayniyah', geo_precision: 1 }],
  }],
  ['a place found in two provinces is the one in the province the text names (Ninawa)', {
    text: 'Gunmen killed three farmers in Husayniyah in Ninawa province on Monday.', published: '2019-04-16',
    events: [{ country: 'Iraq', admin1: 'Ninewa', location: 'Husayniyah', geo_precision: 1 }],
  }],
  ['a village name shared by several Nigerian states is placed in the state the text names', {
    text: 'Gunmen killed three villagers in Magami in Katsina State on Sunday.', published: '2020-02-18',
    events: [{ country: 'Nigeria', admin1: 'Katsina', location: 'Magami', geo_precision: 1 }],
  }],
  // --- no news event
  ['a threat reports no event', {
    text: 'Militants threatened to attack the city of Kirkuk.', published: '2019-04-16', events: [],
  }],
  ['bodies found after a flood are its toll, no event', {
    text: 'Flash floods and a landslide killed 12 people in Diyala province on Sunday, officials said.\n\nRescuers discovered five more bodies in a village near Baqubah on Monday.', published: '2019-04-16', events: [],
  }],
  ['a bomb detonated or planted by someone is an IED event, and one defused is disrupted', {
    text: 'Insurgents detonated a homemade bomb next to a police station in Mosul on Monday, wounding four policemen.', published: '2019-04-16',
    events: [{ sub_event_type: 'Remote explosive/landmine/IED', country: 'Iraq' }],
  }],
  ['a gang that kills is an armed group, and a hyphenated French name is one place', {
    text: 'Gang members killed thirty people in Port-au-Prince on Monday, police said.', published: '2023-08-16',
    events: [{ sub_event_type: 'Attack', actor1: 'Unidentified Armed Group (Haiti)', location: 'Port-au-Prince', country: 'Haiti', fatalities: 30 }],
  }],
  ['protests broken up in two cities are two events, and "St." stays inside a name', {
    text: 'Around 300 people were detained during an unauthorized rally in central Moscow, police said on Saturday.\n\nAbout 200 people were detained in St. Petersburg during another unauthorized rally held by the opposition, the local police department said.', published: '2018-05-06',
    events: [{ sub_event_type: 'Protest with intervention', location: 'Moscow' }, { sub_event_type: 'Protest with intervention', location: 'Saint Petersburg' }],
  }],
  ['the toll of earthquakes is no event', {
    text: 'Aid arrived in Aleppo on Monday. The quakes have killed tens of thousands in Turkey and Syria.', published: '2023-02-20', events: [],
  }],
  ['riots in a list of towns are one event per town', {
    text: 'Rioters set fire to cars in Toulouse, Lille and Rennes on Friday night, police said.', published: '2005-11-05',
    events: [{ sub_event_type: 'Violent demonstration', location: 'Toulouse' }, { sub_event_type: 'Violent demonstration', location: 'Lille' }, { sub_event_type: 'Violent demonstration', location: 'Rennes' }],
  }],
  ['an air force that bombs a village is an air strike', {
    text: "The junta's air force bombed a village in Chin State on Sunday evening, killing three civilians.", published: '2023-05-01',
    events: [{ sub_event_type: 'Air/drone strike', actor1: 'Military Forces of Myanmar', fatalities: 3 }],
  }],
  ['the police who go to rescue the kidnapped are not the kidnappers', {
    text: 'Gunmen kidnapped 42 villagers in a raid on a village in Zamfara State on Saturday, residents said.\n\nThe police later sent personnel to rescue the kidnapped villagers.', published: '2020-09-21',
    events: [{ sub_event_type: 'Abduction/forced disappearance', actor1: 'Unidentified Armed Group (Nigeria)', actor2: 'Civilians (Nigeria)' }],
  }],
  ['a loan deal with the IMF after easing exchange controls is no Agreement', {
    text: 'Cash-strapped Ethiopia secured a deal with the International Monetary Fund for a new loan on Monday after easing foreign exchange controls.', published: '2024-07-30', events: [],
  }],
  ['a court verdict reports no event', {
    text: 'A court in Baghdad on Monday sentenced five men to death for a bombing in 2016.', published: '2019-04-16', events: [],
  }],
  // --- time
  ['"Last week" against a Monday is the Thursday of the week before, precision 2', {
    text: 'Last week, militants attacked an army post near Baiji in Salahuddin province, killing two Iraqi soldiers.', published: '2019-04-15',
    events: [{ sub_event_type: 'Armed clash', event_date: '2019-04-11', time_precision: 2, admin1: 'Salah al-Din', fatalities: 2 }],
  }],
  ['"Sunday" in a report published on Monday is the day before', {
    text: 'Gunmen killed three villagers in Maiduguri on Sunday.', published: '2019-04-15',
    events: [{ event_date: '2019-04-14', time_precision: 1 }],
  }],
  ['a dated past incident is background', {
    text: 'In 2014, militants overran the city of Mosul on June 10.', published: '2019-04-15',
    events: [{ event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory', location: 'Mosul', background: true }],
  }],
  ['with no publication date, a bare year told after a lead incident is its history, not its date', {
    text: 'At least ten soldiers were killed when militants attacked an army post near Diffa on Tuesday, officials said.\n\nThe insurgency, which began in 2009, has killed thousands.\n\nIn 2015, the militants seized islands in the lake and used them as bases.',
    events: [{ sub_event_type: 'Armed clash', fatalities: 10, event_date: null, background: false }],
  }],
  ["a bare year in the sentence's other clause dates its incident as history too", {
    text: 'At least ten soldiers were killed when militants attacked an army post near Diffa on Tuesday, officials said.\n\nIn 2015 the insurgency spread to Niger; the militants killed dozens of villagers near Bosso.',
    events: [{ sub_event_type: 'Armed clash', fatalities: 10, background: false }],
  }],
  ['"earlier this year" marks a kidnapping as background, still extracted', {
    text: 'Earlier this year, militants kidnapped a group of truffle hunters in the desert of Anbar province.', published: '2019-04-16',
    events: [{ sub_event_type: 'Abduction/forced disappearance', actor2: 'Civilians (Iraq)', admin1: 'Anbar', time_precision: 3, background: true }],
  }],
  // --- known gaps: the codebook's answer, which the coder does not give yet (`gap` says what comes out today)
  ['a suicide bomber who blows himself up is among the dead (codebook: attackers who die count too)', {
    text: 'A suicide bomber blew himself up at a checkpoint in Tikrit on Monday, killing four soldiers.', published: '2019-04-16',
    events: [{ sub_event_type: 'Suicide bomb', fatalities: 5 }],
    gap: 'fatalities 4 (the bomber is not counted)',
  }],
  ['a roadside bomb hitting an army patrol pits unnamed bombers against the army, with no civilians', {
    text: 'A roadside bomb hit an army patrol near Kandahar on Monday, killing two soldiers.', published: '2019-04-16',
    events: [{ sub_event_type: 'Remote explosive/landmine/IED', sides: ['Military Forces of Afghanistan', 'Unidentified Armed Group (Afghanistan)'], fatalities: 2 }],
  }],
  ['rioters torching an office is a Violent demonstration by Rioters', {
    text: "Rioters torched the governor's office in Nasiriyah on Monday.", published: '2019-04-16',
    events: [{ event_type: 'Riots', sub_event_type: 'Violent demonstration', actor1: 'Rioters (Iraq)' }],
  }],
  ['an attack killing soldiers and civilians is one Battles and one Violence against civilians event', {
    text: 'Gunmen attacked a checkpoint in Baqubah on Monday, killing two soldiers and three civilians.', published: '2019-04-16',
    events: [{ event_type: 'Battles', sub_event_type: 'Armed clash' }, { event_type: 'Violence against civilians', sub_event_type: 'Attack', actor2: 'Civilians (Iraq)' }],
  }],
  ['a past incident is dated in the year the sentence names', {
    text: 'In 2014, militants overran the city of Mosul on June 10.', published: '2019-04-15',
    events: [{ event_date: '2014-06-10', time_precision: 1, background: true }],
  }],
  ['a missile fired at a city is a Shelling/artillery/missile attack', {
    text: 'Houthi rebels fired a missile at the Saudi city of Jizan on Monday.', published: '2019-04-16',
    events: [{ event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Houthis (Ansar Allah)', country: 'Saudi Arabia' }],
  }],
  ['"government troops" are the military, the other side of a takeover', {
    text: 'Al Shabaab fighters seized the town of Bulo Burde on Monday after heavy fighting with government troops.', published: '2019-04-16',
    events: [{ sub_event_type: 'Non-state actor overtakes territory', sides: ['Al Shabaab', 'Military Forces of Somalia'] }],
  }],
  ['both signatories of a peace agreement are its actors', {
    text: 'The government and the rebels signed a peace agreement in Juba on Monday.', published: '2019-04-16',
    events: [{ sub_event_type: 'Agreement', sides: ['Government of South Sudan', 'Unidentified Armed Group (South Sudan)'] }],
    gap: 'actors Unidentified Armed Group (South Sudan) / null ("the government" is not a side of an agreement)',
  }],
  ['the sources quoted are not the bombers', {
    text: 'A car bomb exploded near a market in Baghdad on Thursday, killing 12 people, police and medical sources said.', published: '2019-04-19',
    events: [{ sub_event_type: 'Remote explosive/landmine/IED', sides: ['Civilians (Iraq)', 'Unidentified Armed Group (Iraq)'], fatalities: 12, event_date: '2019-04-18' }],
  }],
  ['a dated dateline neither dates the incident nor counts as dead', {
    text: 'BAGHDAD, Feb 18 — Gunmen killed three shepherds in Tarmiyah on Sunday.', published: '2020-02-18',
    events: [{ sub_event_type: 'Attack', event_date: '2020-02-16', fatalities: 3 }],
  }],
  ['the country in a dateline is not the doer', {
    text: 'LAGOS, Nigeria — Gunmen killed three villagers in Magami in Zamfara State on Sunday.', published: '2020-02-18',
    events: [{ sub_event_type: 'Attack', actor1: 'Unidentified Armed Group (Nigeria)', actor2: 'Civilians (Nigeria)', event_date: '2020-02-16', fatalities: 3 }],
    says: { 'Unidentified Armed Group (Nigeria)': 'Gunmen' },
  }],
  ['"30 km south of" a town is geo_precision 2', {
    text: 'Militants killed two shepherds about 30 km south of Ramadi in Anbar province on Monday.', published: '2019-04-16',
    events: [{ sub_event_type: 'Attack', country: 'Iraq', admin1: 'Anbar', geo_precision: 2 }],
  }],
]

describe('the coder on one-sentence reports', () => {
  for (const [title, row] of rows) {
    if (row.gap) it.fails(`${title} (known gap)`, () => { expectRow(row) })
    else it(title, () => { expectRow(row) })
  }
})

describe('evidence', () => {
  const allSpans = (e: SitrepEvent): [string, Span][] =>
    Object.entries(e.evidence).flatMap(([field, ev]) => ('spans' in ev && ev.spans ? ev.spans.map((s) => [field, s] as [string, Span]) : []))

  const working = rows.filter(([, row]) => !row.gap)
  it.each(working)('every span lies inside the text: %s', (_, row) => {
    const events = codeRow(row)
    const spans = events.flatMap(allSpans)
    for (const [, s] of spans) {
      expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true)
      expect(s.start).toBeGreaterThanOrEqual(0)
      expect(s.start).toBeLessThanOrEqual(s.end)
      expect(s.end).toBeLessThanOrEqual(row.text.length)
    }
    if (row.events.length) expect(spans.length).toBeGreaterThan(0)
  })

  function expectActorSpans(row: Row) {
    const events = codeRow(row)
    for (const [actor, words] of Object.entries(row.says!)) {
      const e = events.find((x) => x.actor1 === actor || x.actor2 === actor)
      expect(e, `no event with ${actor}`).toBeDefined()
      const field = e!.actor1 === actor ? 'actor1' : 'actor2'
      const ev = e!.evidence[field]!
      expect(ev.kind).toBe('spans')
      const texts = (ev.spans ?? []).map((s) => row.text.slice(s.start, s.end))
      expect(texts.some((t) => t.includes(words))).toBe(true)
    }
  }

  it.each(working.filter(([, row]) => row.says))('an actor\'s evidence span holds its words in the text: %s', (_, row) => { expectActorSpans(row) })

  it.each([
    ['Gunmen attacked a village in Borno on Monday. The number of people killed rose to 14, officials said.', ['14']],
    ['Gunmen killed 14 people in a village in Borno on Monday.', ['14', 'people']],
    ['Gunmen stormed a village in Borno on Monday and shot dead seven farmers, residents said.', ['seven', 'farmers']],
  ])('the fatality evidence marks only the count and the noun it counts: %s', (text, words) => {
    const [e] = codeRow({ text, published: '2024-03-06', events: [] })
    expect(e?.fatalities).toBeGreaterThan(0)
    expect((e!.evidence.fatalities!.spans ?? []).map((s) => text.slice(s.start, s.end))).toEqual(words)
  })

  // the gap rows that name their actors' words: their spans are checked too (failing with the row)
  for (const [title, row] of rows.filter(([, r]) => r.gap && r.says)) {
    it.fails(`an actor's evidence span holds its words in the text: ${title} (known gap)`, () => { expectActorSpans(row) })
  }
})
