// The synthetic store the query, API and load benchmarks read: EVENTS located events in six countries
// over ten years, imported directly (no coding), built once and reused while its count matches.
import { existsSync, rmSync } from 'node:fs'
import { SqliteStore } from '../dist/store/sqlite/sqlite-store.js'

/** Opens `file`, building it first when it does not hold exactly `EVENTS` events. */
export async function openQueryStore(file, EVENTS, log = (s) => process.stderr.write(`${s}\n`)) {
  let store = existsSync(file) ? await SqliteStore.open(file) : null
  if (store && (await store.counts()).events === EVENTS) return store
  await store?.close()
  for (const x of [file, `${file}-wal`, `${file}-shm`]) rmSync(x, { force: true })
  store = await SqliteStore.open(file)
  const t0 = performance.now()
  const types = [['Battles', 'Armed clash'], ['Explosions/Remote violence', 'Air/drone strike'], ['Explosions/Remote violence', 'Remote explosive/landmine/IED'], ['Violence against civilians', 'Attack'], ['Protests', 'Peaceful protest'], ['Riots', 'Mob violence']]
  const countries = [['IRQ', 'Iraq', 'Middle East', 33, 44, ['Baghdad', 'Al-Anbar', 'Ninawa', 'Basra']], ['SYR', 'Syria', 'Middle East', 35, 38, ['Idlib', 'Aleppo', 'Homs']], ['NGA', 'Nigeria', 'Western Africa', 10, 8, ['Borno', 'Kaduna', 'Zamfara']], ['SOM', 'Somalia', 'Eastern Africa', 3, 45, ['Banaadir', 'Bay']], ['AFG', 'Afghanistan', 'South Asia', 34, 66, ['Kabul', 'Nangarhar']], ['UKR', 'Ukraine', 'Europe', 48, 35, ['Donetsk', 'Kharkiv']]]
  const groups = ['Islamic State', 'Boko Haram', 'Al Shabaab', 'Taliban', 'Military Forces of Russia', 'Unidentified Armed Group', 'Rioters', 'Protesters']
  let x = 7
  const rand = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const batch = []
  for (let i = 0; i < EVENTS; i++) {
    const [et, st] = types[i % types.length], c = countries[Math.floor(rand() * countries.length)]
    const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86_400_000).toISOString().slice(0, 10)
    const lat = c[3] + (rand() - 0.5) * 4, lon = c[4] + (rand() - 0.5) * 4
    const actor1 = groups[Math.floor(rand() * groups.length)], fat = rand() < 0.5 ? 0 : Math.floor(rand() * rand() * 60)
    batch.push({
      event_id: `${c[0]}B${i}`, event_type: et, sub_event_type: st, disorder_type: 'Political violence', actor1, assoc_actor_1: null, inter1: 2,
      actor2: `Civilians (${c[1]})`, assoc_actor_2: null, inter2: 7, interaction: 27, civilian_targeting: null, country: c[1], iso: c[0],
      admin1: c[5][i % c[5].length], admin2: null, location: `Place ${i % 5000}`, latitude: +lat.toFixed(4), longitude: +lon.toFixed(4), geo_precision: 1,
      geo_status: 'resolved', event_date: date, time_precision: 1, fatalities: fat, arrests: null, background: false, confidence: 0.7,
      notes: `On ${date}, ${actor1} attacked in Place ${i % 5000}. ${fat} fatalities.`, year: Number(date.slice(0, 4)), region: c[2], admin3: null,
      source: 'Bench Wire', source_scale: null, tags: null, timestamp: 0, n_sources: 1, sources: [], merge_rules: {}, corrections: [], review: 'unreviewed',
    })
    if (batch.length === 20_000) { await store.importEvents(batch); batch.length = 0; if (i % 200_000 < 20_000) log(`query store: ${i + 1}/${EVENTS}`) }
  }
  if (batch.length) await store.importEvents(batch)
  store.db.exec('ANALYZE')
  log(`query store: ${EVENTS} events imported in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  return store
}
