import type { Store } from './store.js'
import { SqliteStore } from './sqlite/sqlite-store.js'

/** The store a command uses: `--db FILE`, else SITREP_DB, else ./sitrep.db. */
export function storePath(db?: string): string {
  return db ?? process.env.SITREP_DB ?? 'sitrep.db'
}

export async function openStore(db?: string): Promise<Store> {
  return SqliteStore.open(storePath(db))
}
