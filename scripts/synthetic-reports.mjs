// Invented news reports for benchmarks and load tests: incidents in real towns (so the gazetteer
// resolves them), each told by one to three outlets with different wording and tolls, so the store
// has real merging to do. Deterministic for a given seed.

const TOWNS = [
  ['Iraq', 'Iraqi', 'Islamic State', [['Ramadi', 'Anbar'], ['Fallujah', 'Anbar'], ['Mosul', 'Nineveh'], ['Kirkuk', 'Kirkuk'], ['Tikrit', 'Salahuddin'], ['Baqubah', 'Diyala'], ['Samarra', 'Salahuddin']]],
  ['Nigeria', 'Nigerian', 'Boko Haram', [['Maiduguri', 'Borno'], ['Damboa', 'Borno'], ['Bama', 'Borno'], ['Potiskum', 'Yobe'], ['Gwoza', 'Borno']]],
  ['Somalia', 'Somali', 'al-Shabaab', [['Afgoye', 'Lower Shabelle'], ['Baidoa', 'Bay'], ['Kismayo', 'Lower Juba'], ['Beledweyne', 'Hiran'], ['Marka', 'Lower Shabelle']]],
  ['Afghanistan', 'Afghan', 'Islamic State Khorasan Province', [['Jalalabad', 'Nangarhar'], ['Kunduz', 'Kunduz'], ['Ghazni', 'Ghazni'], ['Herat', 'Herat'], ['Kandahar', 'Kandahar']]],
  ['Syria', 'Syrian', 'Islamic State', [['Deir ez-Zor', 'Deir ez-Zor'], ['Raqqa', 'Raqqa'], ['Palmyra', 'Homs'], ['Daraa', 'Daraa'], ['Al-Mayadin', 'Deir ez-Zor']]],
  ['Yemen', 'Yemeni', 'Houthi', [['Taiz', 'Taiz'], ['Marib', 'Marib'], ['Hodeidah', 'Hodeidah'], ['Al Bayda', 'Al Bayda']]],
  ['Mali', 'Malian', 'JNIM', [['Gao', 'Gao'], ['Timbuktu', 'Timbuktu'], ['Mopti', 'Mopti'], ['Menaka', 'Menaka']]],
  ['Burkina Faso', 'Burkinabe', 'JNIM', [['Djibo', 'Sahel'], ['Dori', 'Sahel'], ['Kaya', 'Centre-Nord'], ['Fada NGourma', 'Est']]],
]
const WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

// each kind: two wordings, so reports of one incident differ like outlets do
const KINDS = [
  [(x) => `${x.TOWN} — A roadside bomb exploded near a busy market in ${x.town} on ${x.day}, killing ${x.n} civilians and wounding ${x.m} others, police said. No group immediately claimed the blast.`,
   (x) => `At least ${x.n} people were killed when an explosive device planted by the road went off in ${x.town}, ${x.country}, on ${x.day}, a local official said. Ambulances took the wounded to hospital.`],
  [(x) => `${x.TOWN} — ${x.adj} troops clashed with ${x.group} fighters on the outskirts of ${x.town} in ${x.province} province on ${x.day}, killing ${x.n} militants, the army said in a statement.`,
   (x) => `The ${x.adj} army said its soldiers killed ${x.n} ${x.group} militants in fighting near ${x.town} on ${x.day}. Two soldiers were wounded in the battle, the statement said.`],
  [(x) => `${x.TOWN} — Gunmen from ${x.group} attacked a village near ${x.town} in ${x.province} on ${x.day}, killing ${x.n} farmers, residents said. The attackers burned houses before fleeing.`,
   (x) => `Suspected ${x.group} militants shot dead ${x.n} villagers near ${x.town}, ${x.country}, on ${x.day}, according to a community leader who helped bury the victims.`],
  [(x) => `${x.TOWN} — Hundreds of people protested in ${x.town} on ${x.day} against rising fuel prices and power cuts. The demonstration ended peacefully in the afternoon.`,
   (x) => `Demonstrators marched through ${x.town}, ${x.country}, on ${x.day} to demand lower fuel prices, witnesses said. Organisers said the march was peaceful.`],
]

function rng(seed) {
  let s = seed >>> 0
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296 }
}

/**
 * `count` reports, about 1.5 per incident, in the order a news stream brings them: incidents move
 * through `days` days from 2022-01-01 at an even pace, so a slice of the stream has the same density
 * of reports per town and day wherever it is taken.
 */
export function* syntheticReports(count, { seed = 1, days = 730 } = {}) {
  const rand = rng(seed)
  const pick = (xs) => xs[Math.floor(rand() * xs.length)]
  let made = 0, incident = 0
  while (made < count) {
    incident++
    const [country, adj, group, towns] = pick(TOWNS)
    const [town, province] = pick(towns)
    const kind = pick(KINDS)
    const dayIndex = Math.min(days - 1, Math.floor((made / count) * days) + Math.floor(rand() * 3))
    const day = new Date(Date.UTC(2022, 0, 1) + dayIndex * 86_400_000)
    const n = Math.floor(rand() * WORDS.length)
    const k = rand() < 0.6 ? 1 : rand() < 0.75 ? 2 : 3
    for (let i = 0; i < k && made < count; i++) {
      const published = new Date(day.getTime() + (i === 0 ? 1 : 1 + Math.floor(rand() * 2)) * 86_400_000)
      const x = {
        TOWN: town.toUpperCase(), town, province, country, adj, group, day: WEEKDAYS[day.getUTCDay()],
        n: WORDS[Math.min(WORDS.length - 1, n + i)], m: WORDS[Math.floor(rand() * WORDS.length)],
      }
      made++
      yield {
        id: `syn-${made}`, title: `${country}: incident ${incident}`, published: published.toISOString().slice(0, 10),
        source: `Synthetic Wire ${1 + (i % 3)}`, text: `${kind[i % 2](x)} Report ${made} of incident ${incident}.`,
      }
    }
  }
}
