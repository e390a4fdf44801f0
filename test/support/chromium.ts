import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

// The browser tests drive Debian's Chromium. CI runs as root on Debian, so a missing browser is
// installed here (apt-get); when that is impossible the tests fail with the reason, never skip.
export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
]

/**
 * Makes sure `/usr/bin/chromium` exists, installing Debian's package when it is missing.
 * Throws with what went wrong and what to do, e.g. `ensureChromium()` → '/usr/bin/chromium'.
 */
export function ensureChromium(log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): string {
  if (existsSync(CHROMIUM)) return CHROMIUM
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`browser tests need Chromium at ${CHROMIUM}; this system has no apt-get to install it (set SITREP_CHROMIUM to a Chromium binary)`)
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`browser tests need Chromium at ${CHROMIUM}; installing it needs root: run "apt-get update && apt-get install -y chromium" as root (or set SITREP_CHROMIUM)`)
  }
  log(`Chromium missing at ${CHROMIUM}: running apt-get update && apt-get install -y chromium (a minute or two)`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  try {
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'pipe'], env, timeout: 300_000 })
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: ['ignore', 'ignore', 'pipe'], env, timeout: 900_000 })
  } catch (e) {
    const err = e as Error & { stderr?: Buffer }
    throw new Error(`could not install Chromium with apt-get: ${err.stderr?.toString().trim().split('\n').slice(-5).join(' | ') || err.message}`)
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get install chromium finished but ${CHROMIUM} is still missing`)
  log(`Chromium installed at ${CHROMIUM}`)
  return CHROMIUM
}

/**
 * Launches headless Chromium on a fresh profile directory (Playwright takes the profile as
 * launchPersistentContext's argument, not as --user-data-dir); the caller closes the context.
 */
export async function launchChromium(opts: { viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  const executablePath = ensureChromium()
  const profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'))
  return chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30_000,
    // Playwright hides scroll bars when headless; a desktop's classic ones take 15 px of a panel's
    // width, which a layout must leave (the events table's last column once hid behind one)
    ignoreDefaultArgs: ['--hide-scrollbars'],
    viewport: opts.viewport ?? { width: 1366, height: 768 },
  })
}
