import { Command, CommanderError } from 'commander'
import { processIO, type CliIO } from './io.js'
import { registerCode } from './code-command.js'
import { registerEval } from './eval-command.js'
import { registerDemo } from './demo-command.js'
import { registerGeo } from './geo-commands.js'
import { registerEvents } from './events-command.js'
import { registerIngest } from './ingest-command.js'
import { registerWatch } from './watch-command.js'
import { registerWorker } from './worker-command.js'
import { registerMigrate } from './migrate-commands.js'
import { registerShow } from './show-command.js'
import { registerRecode } from './recode-command.js'
import { registerServe } from './serve-command.js'

/** Builds the `sitrep` program; every command is registered here, in help order. */
export function makeProgram(io: CliIO = processIO): Command {
  const program = new Command('sitrep')
    .description('Turn news about armed conflict into ACLED-style events with evidence')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
  registerCode(program, io)
  registerEval(program, io)
  registerDemo(program, io)
  registerGeo(program, io)
  registerIngest(program, io)
  registerWatch(program, io)
  registerWorker(program, io)
  registerMigrate(program, io)
  registerEvents(program, io)
  registerShow(program, io)
  registerRecode(program, io)
  registerServe(program, io)
  return program
}

/** Runs the CLI; misuse and unreadable input end with a message and exit code 2, not a stack trace. */
export async function main(argv: string[], io: CliIO = processIO): Promise<void> {
  // `sitrep events | head` closes the pipe early: that is the reader's choice, not an error
  if (io === processIO) process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e })
  try {
    await makeProgram(io).parseAsync(argv, { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) { if (e.exitCode !== 0) io.setExitCode(e.exitCode === 1 ? 2 : e.exitCode); return }
    io.err(`sitrep: ${(e as Error).message}`)
    io.setExitCode(2)
  }
}
