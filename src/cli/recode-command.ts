import type { Command } from 'commander'
import { readyFor } from '../lang/detect.js'
import { makeCoder } from '../pipeline.js'
import { coderVersion } from '../coder-version.js'
import { openStore } from '../store/open.js'
import type { CliIO } from './io.js'
import { makeProgress } from './progress.js'
import { StoreFaultError } from '../store/store-fault.js'

/** `sitrep recode`: codes stored reports again with this coder; analyst corrections stay. */
export function registerRecode(program: Command, io: CliIO) {
  program.command('recode')
    .description('re-code stored reports with the current coder and update their events (analyst corrections are kept)')
    .option('--db <file>', 'the store (default ./sitrep.db or SITREP_DB)')
    .option('--all', 'also reports already coded by this coder version')
    .action(async (opts: { db?: string; all?: boolean }) => {
      const store = await openStore(opts.db)
      const version = coderVersion()
      const coder = makeCoder()
      let recoded = 0, changed = 0, failed = 0
      let stopped: string | null = null
      const total = (await store.counts()).reports
      const progress = makeProgress(io, 'recode', total)
      try {
        const reports = []
        for await (const r of store.reports()) reports.push({ id: r.id, text: r.text, title: r.title, published: r.published, url: r.url, source: r.source, coder_version: r.coder_version })
        for (const r of reports) {
          progress.tick(`${recoded} re-coded, ${changed} changed`)
          if (!opts.all && r.coder_version === version) continue
          try {
            await readyFor(r.text)
            const doc = coder({ id: r.id, text: r.text, ...(r.title ? { title: r.title } : {}), ...(r.published ? { published: r.published } : {}), ...(r.url ? { url: r.url } : {}), ...(r.source ? { source: r.source } : {}) })
            recoded++
            if ((await store.recodeReport(r.id, doc.events ?? [], version)).changed) changed++
          } catch (e) {
            failed++
            // the store cannot be written at all: every other report would fail the same way
            if (e instanceof StoreFaultError) { stopped = e.message; break }
            io.err(`report ${r.id}: ${(e as Error).message}`)
          }
        }
      } finally {
        progress.stop()
        await store.close()
      }
      io.err(`${total} stored report(s): ${recoded} re-coded with ${version}, ${changed} coded differently${failed ? `, ${failed} failed` : ''}`)
      if (stopped) io.err(`stopped: cannot write to the store: ${stopped}; the reports re-coded before it are kept, and the rest keep their old coding`)
      if (failed) io.setExitCode(1)
    })
}
