import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The README's blocks marked `<!-- runnable -->` are run as written, line by line, in a fresh working folder
// that sees the repository's bin/, dist/, data/ and examples/ (as a fresh clone after `npm install` does),
// with its own store: a command that breaks, or names a file that does not ship, fails here.
const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** The command lines of the runnable blocks, in order (comments after a `#` outside quotes are left on). */
export function runnableCommands(readme: string): string[] {
  const out: string[] = []
  const re = /<!-- runnable -->\s*\n```sh\n([\s\S]*?)\n```/g
  for (const m of readme.matchAll(re)) {
    for (const line of m[1]!.split('\n')) if (line.trim() && !line.trim().startsWith('#')) out.push(line)
  }
  return out
}

let cwd = ''
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'sitrep-readme-'))
  for (const entry of ['bin', 'dist', 'data', 'examples', 'node_modules', 'package.json']) symlinkSync(join(ROOT, entry), join(cwd, entry))
})
afterAll(() => { rmSync(cwd, { recursive: true, force: true }) })

describe("the README's runnable commands", () => {
  const commands = runnableCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'))

  it('there are runnable blocks, and they cover code, eval, ingest, events and show', () => {
    expect(commands.length).toBeGreaterThanOrEqual(15)
    for (const cmd of ['code', 'eval', 'ingest', 'events', 'show']) expect(commands.some((c) => c.startsWith(`./bin/sitrep ${cmd} `))).toBe(true)
  })

  // run asynchronously: a test worker blocked in a child process for seconds cannot answer the runner
  const sh = promisify(execFile)
  it.each(commands.map((c, i) => [i + 1, c] as const))('%i: %s', async (_i, command) => {
    const env = { ...process.env }
    delete env.SITREP_DB
    delete env.DATABASE_URL
    delete env.SITREP_QUEUE
    const r = await sh('sh', ['-c', `set -e; ${command}`], { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 })
      .then((x) => ({ status: 0, stderr: x.stderr }), (e: { code?: number; stderr?: string }) => ({ status: e.code ?? 1, stderr: e.stderr ?? String(e) }))
    expect(r.status, `${command}\n${r.stderr}`).toBe(0)
    expect(r.stderr).not.toMatch(/^sitrep: /m)
  }, 130_000)
})
