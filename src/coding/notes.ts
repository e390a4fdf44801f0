import type { SitrepEvent } from '../types.js'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function when(e: SitrepEvent): string {
  if (!e.event_date) return 'On an unknown date'
  const [y, m, d] = e.event_date.split('-').map(Number) as [number, number, number]
  if (e.time_precision === 3) return `In ${MONTHS[m - 1]} ${y}`
  if (e.time_precision === 2) return `Around ${d} ${MONTHS[m - 1]} ${y}`
  return `On ${d} ${MONTHS[m - 1]} ${y}`
}

const VERB: Record<string, string> = {
  'Armed clash': 'clashed with', 'Government regains territory': 'regained territory from',
  'Non-state actor overtakes territory': 'took territory from', 'Chemical weapon': 'used chemical weapons against',
  'Air/drone strike': 'carried out an air/drone strike on', 'Suicide bomb': 'carried out a suicide bombing against',
  'Shelling/artillery/missile attack': 'shelled', 'Remote explosive/landmine/IED': 'carried out an explosive attack on',
  Grenade: 'threw a grenade at', 'Sexual violence': 'committed sexual violence against', Attack: 'attacked',
  'Abduction/forced disappearance': 'abducted', 'Peaceful protest': 'demonstrated', 'Protest with intervention': 'demonstrated and were met by',
  'Excessive force against protesters': 'used lethal force against', 'Violent demonstration': 'rioted against', 'Mob violence': 'attacked',
  Agreement: 'reached an agreement with', Arrests: 'arrested', 'Change to group/activity': 'changed its organisation',
  'Disrupted weapons use': 'disrupted a weapons attack by', 'Headquarters or base established': 'established a base',
  'Looting/property destruction': 'destroyed or looted property', 'Non-violent transfer of territory': 'took over territory without fighting from',
  Other: 'carried out an operation against',
}

/** One ACLED-style sentence: "On 11 April 2019, Military Forces of Iraq clashed with Islamic State near Anbar. 3 fatalities." */
export function writeNotes(e: SitrepEvent): string {
  const who = e.actor1 ?? 'Unidentified actors'
  const verb = VERB[e.sub_event_type] ?? e.sub_event_type.toLowerCase()
  const object = e.actor2 && !/ (a base|its organisation|property)$|demonstrated$/.test(verb) ? ` ${e.actor2}` : ''
  const place = e.location ? ` in ${e.location}${e.admin1 && e.admin1 !== e.location ? ` (${e.admin1}, ${e.country})` : e.country ? ` (${e.country})` : ''}` : e.country ? ` in ${e.country}` : ''
  const tally = [`${e.fatalities} fatalit${e.fatalities === 1 ? 'y' : 'ies'}`, e.arrests ? `${e.arrests} arrested` : ''].filter(Boolean).join(', ')
  return `${when(e)}, ${who} ${verb}${object}${place}. ${tally}.${e.background ? ' Mentioned as background.' : ''}`
}
