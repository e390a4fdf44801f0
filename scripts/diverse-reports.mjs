// Invented reports spread over many countries, for the gazetteer and coder benchmarks (npm run bench):
// each names a village or town of its country, its district and its province, drawn from the shipped
// gazetteer (data/gazetteer), so a batch touches the whole world as a real feed does. Deterministic for a seed.
//   node scripts/diverse-reports.mjs [--reports 2000] [--countries 90] [--seed 1] > diverse.jsonl
import { readFileSync, readdirSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const root = fileURLToPath(new URL('..', import.meta.url))

function rng(seed) {
  let s = seed >>> 0
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296 }
}

const WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const KINDS = [
  (x) => `Gunmen attacked the village of ${x.village} in ${x.district ? `${x.district} district of ` : ''}${x.province} on ${x.day}, killing ${x.n} civilians, police said. Residents said the attackers burned several houses before fleeing.`,
  (x) => `${x.adj} soldiers clashed with armed men near ${x.village}, ${x.province} province, on ${x.day}, the army said. ${x.N} attackers were killed in the fighting, which lasted several hours.`,
  (x) => `A roadside bomb exploded near a market in ${x.village} in ${x.province} on ${x.day}, killing ${x.n} people, a local official said. No group claimed the blast.`,
  (x) => `Hundreds of people protested in ${x.village}${x.district ? ` in the ${x.district} area` : ''} of ${x.province} on ${x.day} against power cuts. The demonstration ended peacefully.`,
  (x) => `Police in ${x.province} arrested ${x.n} suspected militants in a raid on a hideout near ${x.village} on ${x.day}, the provincial police chief said.`,
  (x) => `Kidnappers abducted ${x.n} travellers on the road between ${x.village} and ${x.town} in ${x.province} on ${x.day}, relatives said.`,
]

/** Countries with enough places, each with villages that carry a province and a district. */
function gazetteerCountries(minPlaces) {
  const index = JSON.parse(readFileSync(join(root, 'data/gazetteer/index.json'), 'utf8'))
  const demonyms = new Map(JSON.parse(readFileSync(join(root, 'data/actors/countries.json'), 'utf8')).map((c) => [c.iso2, c.demonyms?.[0] ?? c.name]))
  const out = []
  for (const file of readdirSync(join(root, 'data/gazetteer/places')).sort()) {
    const iso = file.slice(0, 2)
    const c = index.countries[iso]
    if (!c) continue
    const rows = gunzipSync(readFileSync(join(root, 'data/gazetteer/places', file))).toString('utf8').split('\n')
      .map((l) => l.split('\t')).filter((r) => r[1] && r[5] && /^[A-Za-z][A-Za-z' -]+$/.test(r[1]))
    if (rows.length >= minPlaces) out.push({ iso, name: c.name, adj: demonyms.get(iso) ?? c.name, rows })
  }
  return out
}

export function* diverseReports(count, { countries = 90, seed = 1 } = {}) {
  const r = rng(seed)
  const pick = (xs) => xs[Math.floor(r() * xs.length)]
  const all = gazetteerCountries(20)
  // the most place-rich countries first, as a feed about conflicts touches them most, then the rest
  const chosen = all.sort((a, b) => b.rows.length - a.rows.length).slice(0, countries)
  for (let i = 0; i < count; i++) {
    const c = chosen[i % chosen.length]
    const row = pick(c.rows), other = pick(c.rows)
    const n = 2 + Math.floor(r() * 10)
    const published = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 700) * 864e5)
    const x = {
      village: row[1], district: /^[A-Za-z][A-Za-z' -]+$/.test(row[6] ?? '') ? row[6] : null, province: row[5], town: other[1], adj: c.adj, day: WEEKDAYS[(published.getUTCDay() + 6) % 7],
      n: WORDS[n - 2], N: WORDS[n - 2][0].toUpperCase() + WORDS[n - 2].slice(1),
    }
    yield { id: `dv-${i + 1}`, text: `${c.name.toUpperCase()} — ${pick(KINDS)(x)}`, published: published.toISOString().slice(0, 10), country: c.iso }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (k, d) => (process.argv.includes(k) ? Number(process.argv[process.argv.indexOf(k) + 1]) : d)
  for (const rep of diverseReports(arg('--reports', 2000), { countries: arg('--countries', 90), seed: arg('--seed', 1) })) {
    process.stdout.write(JSON.stringify(rep) + '\n')
  }
}
