// npm run eval:dev: codes ../shared/bench/dev.jsonl with `sitrep eval`, then runs the referee
// (../shared/bench/score.mjs) on the same output and checks that both print the same numbers.
import { existsSync, mkdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const shared = process.env.SITREP_SHARED ?? fileURLToPath(new URL('../../shared/', import.meta.url))
const gold = `${shared}bench/dev.jsonl`, referee = `${shared}bench/score.mjs`
if (!existsSync(gold) || !existsSync(referee)) {
  console.log(`eval:dev skipped: the shared dev set is not here (looked for ${gold} and ${referee}); set SITREP_SHARED to its folder`)
  process.exit(0)
}
mkdirSync(`${root}out`, { recursive: true })
const out = `${root}out/dev.jsonl`
const ours = execFileSync(process.execPath, [`${root}bin/sitrep`, 'eval', gold, '--out', out, ...process.argv.slice(2)], { encoding: 'utf8' })
const theirs = execFileSync(process.execPath, [referee, gold, out, ...process.argv.slice(2)], { encoding: 'utf8' })
console.log(ours.trimEnd())
if (ours.trim() !== theirs.trim()) {
  console.error('\nsitrep eval and the referee disagree:\n' + theirs)
  process.exit(1)
}
console.log('\n(the referee, node ../shared/bench/score.mjs, prints the same numbers on out/dev.jsonl)')

// Merging through the real store: the dev set ingested twice stores nothing new, and in reverse
// order gives the same events (compared report by report, event ids included).
{
  const { readFileSync, writeFileSync, rmSync } = await import('node:fs')
  const { spawnSync } = await import('node:child_process')
  const sitrep = (...args) => spawnSync(process.execPath, [`${root}bin/sitrep`, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
  const dbs = [`${root}out/dev-forward.db`, `${root}out/dev-reverse.db`]
  for (const db of dbs) for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true })
  const reversed = `${root}out/dev-reversed.jsonl`
  writeFileSync(reversed, readFileSync(gold, 'utf8').trim().split('\n').reverse().join('\n') + '\n')
  sitrep('ingest', gold, '--db', dbs[0])
  const again = sitrep('ingest', gold, '--db', dbs[0]).stderr.trim().split('\n').pop()
  sitrep('ingest', reversed, '--db', dbs[1])
  const rows = (db) => new Map(sitrep('events', '--db', db, '--by-report', '--format', 'jsonl').stdout.trim().split('\n').map((l) => { const o = JSON.parse(l); return [o.id, JSON.stringify(o.events)] }))
  const a = rows(dbs[0]), b = rows(dbs[1])
  const differ = [...a].filter(([id, ev]) => b.get(id) !== ev).map(([id]) => id)
  const events = sitrep('events', '--db', dbs[0], '--format', 'jsonl').stdout.trim().split('\n').length
  writeFileSync(`${root}out/dev-by-report.jsonl`, sitrep('events', '--db', dbs[0], '--by-report', '--format', 'jsonl').stdout)
  const merge = execFileSync(process.execPath, [referee, gold, `${root}out/dev-by-report.jsonl`], { encoding: 'utf8' }).split('\n').find((l) => l.includes('merge'))
  console.log(`\nstore: ${a.size} reports, ${events} events; referee on \`sitrep events --by-report\`: ${merge?.trim()}`)
  console.log(`same file ingested again: ${again}`)
  console.log(`reverse order: ${differ.length === 0 ? 'the same events for every report' : `${differ.length} report(s) differ: ${differ.join(', ')}`}`)
  if (differ.length || !/ 0 stored/.test(again ?? '')) process.exit(1)
}
