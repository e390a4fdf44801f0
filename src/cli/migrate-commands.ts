import { createHash } from 'node:crypto'
import type { Command } from 'commander'
import { describeStore, openStore } from '../store/open.js'
import type { Store } from '../store/store.js'
import type { CliIO } from './io.js'

/** `sitrep migrate` and `sitrep migrate-store --from A --to B`. */
export function registerMigrate(program: Command, io: CliIO) {
  program.command('migrate')
    .description('apply pending store migrations (safe while other processes start) and print the counts')
    .option('--db <file|url>', 'the store (default DATABASE_URL, SITREP_DB or ./sitrep.db)')
    .option('--json', 'print {applied, counts} as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await openStore(opts.db)
      try {
        const { applied } = await store.migrate() // openStore migrated already; this reports nothing new unless raced
        const counts = await store.counts()
        if (opts.json) io.out(JSON.stringify({ backend: store.backend, applied, counts }))
        else io.out(`${describeStore(opts.db)} (${store.backend}): schema up to date; ${counts.reports} reports, ${counts.mentions} coded events, ${counts.events} merged events`)
      } finally {
        await store.close()
      }
    })

  program.command('migrate-store')
    .description('copy every report, its coding, analyst reviews and corrections from one store to another (e.g. SQLite to PostgreSQL)')
    .requiredOption('--from <file|url>', 'the source store')
    .requiredOption('--to <file|url>', 'the destination store')
    .action(async (opts: { from: string; to: string }) => {
      const from = await openStore(opts.from)
      const to = await openStore(opts.to)
      try {
        const r = await copyStore(from, to)
        io.err(`copied ${r.reports} report(s), ${r.reviews} review(s); ${describeStore(opts.from)}: ${JSON.stringify(r.before)}; ${describeStore(opts.to)}: ${JSON.stringify(r.after)}`)
        io.err(`checksum of events by report: source ${r.checksums[0]}, destination ${r.checksums[1]}`)
        if (r.checksums[0] !== r.checksums[1] || r.before.reports !== r.after.reports || r.before.events !== r.after.events) {
          io.err('the stores differ after copying'); io.setExitCode(1)
        }
      } finally {
        await from.close()
        await to.close()
      }
    })
}

/**
 * Copies reports with their stored coding (not re-coded: the destination gets exactly what the source
 * had), which re-runs the merge and so yields the same events, then replays reviews and corrections
 * in order. The checksum covers every report's events with their merged ids.
 */
export async function copyStore(from: Store, to: Store) {
  const before = await from.counts()
  let reports = 0, reviews = 0
  const coding = new Map<string, unknown[]>()
  for await (const r of from.eventsByReport()) coding.set(r.id, r.events.map(({ event_id: _id, ...e }) => e))
  let batch: Parameters<Store['addReports']>[0] = []
  const flush = async () => {
    for (const res of await to.addReports(batch, 'migrated')) if ('error' in res) throw new Error(`copy failed: ${res.error}`)
    batch = []
  }
  for await (const r of from.reports()) {
    batch.push({
      report: { id: r.id, text: r.text, ...(r.title ? { title: r.title } : {}), ...(r.published ? { published: r.published } : {}), ...(r.url ? { url: r.url } : {}), ...(r.source ? { source: r.source } : {}), ...(r.byline ? { byline: r.byline } : {}) },
      events: (coding.get(r.id) ?? []) as never,
    })
    reports++
    if (batch.length >= 200) await flush()
  }
  await flush()
  const seenEvents = new Set<string>()
  for await (const e of from.streamEvents({ includeBackground: true, includeRejected: true })) {
    if (seenEvents.has(e.event_id)) continue
    seenEvents.add(e.event_id)
    for (const rv of await from.reviews(e.event_id)) {
      await to.review(e.event_id, rv.action === 'correct' ? { action: 'correct', fields: rv.fields ?? {}, comment: rv.comment, author: rv.author } : { action: rv.action, comment: rv.comment, author: rv.author })
      reviews++
    }
  }
  return { reports, reviews, before, after: await to.counts(), checksums: [await checksum(from), await checksum(to)] as const }
}

async function checksum(store: Store): Promise<string> {
  const rows: string[] = []
  for await (const r of store.eventsByReport()) rows.push(JSON.stringify([r.id, r.events.map((e) => [e.event_id, e.event_type, e.sub_event_type, e.event_date, e.location, e.fatalities])]))
  return createHash('sha256').update(rows.sort().join('\n')).digest('hex').slice(0, 16)
}
