import { readFileSync } from 'node:fs'

/** What a command may touch of the outside world; tests pass their own. */
export type CliIO = {
  out: (s: string) => void
  /** raw output, no newline added (exports stream through it) */
  write: (s: string) => void
  err: (s: string) => void
  readStdin: () => string
  setExitCode: (code: number) => void
}

export const processIO: CliIO = {
  out: (s) => process.stdout.write(s + '\n'),
  write: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s + '\n'),
  readStdin: () => readFileSync(0, 'utf8'),
  setExitCode: (code) => { process.exitCode = code },
}
