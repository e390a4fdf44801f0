/**
 * Failures of the store itself rather than of one report: retrying the next report cannot succeed,
 * so an ingest stops at the first one, keeping what it committed before. SQLite names them by
 * result code (better-sqlite3's `code`), PostgreSQL by SQLSTATE, the OS by errno.
 */
const FAULTS: { test: RegExp; reason: string }[] = [
  // SQLITE_FULL; PostgreSQL disk_full (53100); ENOSPC from the OS
  { test: /^(SQLITE_FULL|53100|ENOSPC|EDQUOT)$/, reason: 'the disk is full' },
  // SQLite keeps its -wal and -shm files beside the store, so even reading needs a writable directory
  { test: /^SQLITE_READONLY_DIRECTORY$/, reason: 'its directory is read-only (SQLite writes its -wal and -shm files beside the store, even to read)' },
  // SQLITE_READONLY and its extended codes; PostgreSQL read_only_sql_transaction (25006); EROFS
  { test: /^(SQLITE_READONLY\w*|25006|EROFS|EACCES|EPERM)$/, reason: 'the store is read-only' },
  // SQLITE_IOERR_*, SQLITE_CANTOPEN: the file or its directory cannot be written or read
  { test: /^(SQLITE_IOERR\w*|SQLITE_CANTOPEN\w*|EIO)$/, reason: 'the store cannot be written (I/O error)' },
  { test: /^SQLITE_CORRUPT\w*$/, reason: 'the store file is damaged' },
]

/**
 * Why the store cannot take writes, or null for an error about one report.
 * @example storeFault(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })) // 'the disk is full'
 */
export function storeFault(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  return FAULTS.find((f) => f.test.test(code))?.reason ?? null
}

/** An error that says which store fault stopped the work, keeping the driver's message and code. */
export class StoreFaultError extends Error {
  constructor(readonly reason: string, readonly cause: Error & { code?: string }) {
    super(`${reason} (${cause.message})`)
    this.name = 'StoreFaultError'
  }
  get code() { return this.cause.code }
}

/**
 * The error to throw for `e`: a StoreFaultError when the store itself failed (an existing one as is),
 * else null, so callers rethrow or record `e` as one report's error.
 */
export function faultOf(e: unknown): StoreFaultError | null {
  if (e instanceof StoreFaultError) return e
  const reason = storeFault(e)
  return reason ? new StoreFaultError(reason, e as Error) : null
}
