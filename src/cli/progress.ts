import cliProgress from 'cli-progress'
import type { CliIO } from './io.js'

export type Progress = { tick: (status: string) => void; stop: () => void }

/**
 * A bar on a terminal; on a pipe or in CI, a plain line every 1,000 items or 10 seconds, so logs
 * show progress without control characters.
 */
export function makeProgress(io: CliIO, label: string, total: number | null, tty = !!process.stderr.isTTY): Progress {
  let n = 0
  if (tty) {
    const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}${total ? '/{total}' : ''} {status}`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    bar.start(total ?? 0, 0, { status: '' })
    return { tick: (status) => { n++; if (!total) bar.setTotal(n); bar.update(n, { status }) }, stop: () => bar.stop() }
  }
  let last = Date.now()
  return {
    tick: (status) => {
      n++
      if (n % 1000 === 0 || Date.now() - last > 10_000) { last = Date.now(); io.err(`${label}: ${n}${total ? `/${total}` : ''} item(s); ${status}`) }
    },
    stop: () => undefined,
  }
}
