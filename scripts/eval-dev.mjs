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
