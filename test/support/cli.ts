import { main } from '../../src/cli/main.js'
import type { CliIO } from '../../src/cli/io.js'

// The CLI run in-process with a fake CliIO: what it prints, what it reports, the exit code it sets.
export type Run = { out: string[]; stdout: string; err: string[]; exitCode: number | undefined }

export async function run(argv: string[], stdin = ''): Promise<Run> {
  const r: Run = { out: [], stdout: '', err: [], exitCode: undefined }
  const io: CliIO = {
    out: (s) => { r.out.push(s); r.stdout += `${s}\n` },
    write: (s) => { r.stdout += s },
    err: (s) => { r.err.push(s) },
    readStdin: () => stdin,
    setExitCode: (code) => { r.exitCode = code },
  }
  await main(argv, io)
  return r
}
