import type { Store } from './store.js'
import { SqliteStore } from './sqlite/sqlite-store.js'
import { PgStore } from './postgres/pg-store.js'

const isPostgres = (s: string) => /^postgres(ql)?:\/\//.test(s)

/** Which store a command uses: `--db` (a file, or a postgres:// URL), else DATABASE_URL, else SITREP_DB, else ./sitrep.db. */
export function storeLocation(db?: string): { kind: 'sqlite' | 'postgres'; where: string } {
  const chosen = db ?? process.env.DATABASE_URL ?? process.env.SITREP_DB ?? 'sitrep.db'
  return { kind: isPostgres(chosen) ? 'postgres' : 'sqlite', where: chosen }
}

export async function openStore(db?: string): Promise<Store> {
  const loc = storeLocation(db)
  return loc.kind === 'postgres' ? PgStore.open(loc.where) : SqliteStore.open(loc.where)
}

/** How the store is named in messages: never print a password from a URL. */
export function describeStore(db?: string): string {
  const loc = storeLocation(db)
  if (loc.kind === 'sqlite') return loc.where
  try { const u = new URL(loc.where); if (u.password) u.password = '***'; return u.toString() } catch { return 'postgres' }
}
