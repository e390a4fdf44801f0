import { Command, CommanderError } from 'commander'
import { processIO, type CliIO } from './io.js'

type Register = (program: Command, io: CliIO) => void
// Each command's module, loaded only when that command runs: `sitrep code` need not load the HTTP server,
// the PostgreSQL client and the HTML reader (start-up and one report in under half a second, issue 13).
const COMMANDS: [string[], () => Promise<Register>][] = [
  [['code'], async () => (await import('./code-command.js')).registerCode],
  [['eval'], async () => (await import('./eval-command.js')).registerEval],
  [['demo'], async () => (await import('./demo-command.js')).registerDemo],
  [['geocode', 'gazetteer'], async () => (await import('./geo-commands.js')).registerGeo],
  [['ingest'], async () => (await import('./ingest-command.js')).registerIngest],
  [['watch'], async () => (await import('./watch-command.js')).registerWatch],
  [['worker'], async () => (await import('./worker-command.js')).registerWorker],
  [['migrate', 'migrate-store'], async () => (await import('./migrate-commands.js')).registerMigrate],
  [['events'], async () => (await import('./events-command.js')).registerEvents],
  [['show'], async () => (await import('./show-command.js')).registerShow],
  [['recode'], async () => (await import('./recode-command.js')).registerRecode],
  [['serve'], async () => (await import('./serve-command.js')).registerServe],
  [['start'], async () => (await import('./start-command.js')).registerStart],
]

/**
 * Builds the `sitrep` program, in help order: every command, or only the one `command` names (the rest are
 * not loaded). An unknown or absent command gets them all, for help and commander's own errors.
 */
export async function makeProgram(io: CliIO = processIO, command?: string): Promise<Command> {
  const program = new Command('sitrep')
    .description('Turn news about armed conflict into ACLED-style events with evidence')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
  const one = COMMANDS.find(([names]) => command !== undefined && names.includes(command))
  for (const [, load] of one ? [one] : COMMANDS) (await load())(program, io)
  return program
}

/** Runs the CLI; misuse and unreadable input end with a message and exit code 2, not a stack trace. */
export async function main(argv: string[], io: CliIO = processIO): Promise<void> {
  // `sitrep events | head` closes the pipe early: that is the reader's choice, not an error
  if (io === processIO) process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e })
  try {
    const command = argv.find((a) => !a.startsWith('-'))
    await (await makeProgram(io, command === argv[0] ? command : undefined)).parseAsync(argv, { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) { if (e.exitCode !== 0) io.setExitCode(e.exitCode === 1 ? 2 : e.exitCode); return }
    const err = e as NodeJS.ErrnoException
    // a file the user named and that is not there: say so in their words, not Node's
    io.err(`sitrep: ${err.code === 'ENOENT' && err.path ? `no such file: ${err.path}` : err.message}`)
    io.setExitCode(2)
  }
}
