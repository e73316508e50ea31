import type { Database as Db } from 'better-sqlite3'
import Database from 'better-sqlite3'
import { SCHEMA } from './schema.js'

/**
 * Opens (or creates) a ledger file: WAL so readers never block the writer,
 * `synchronous=FULL` so a commit that returned survives a power cut (the WAL is
 * fsynced on every commit), and the schema.
 *
 * @example const db = openDatabase({ path: 'ledger.db' })
 */
export function openDatabase({
  path,
  readonly = false,
  autoCheckpoint = true,
}: {
  path: string
  readonly?: boolean
  /** False when a background checkpointer (startCheckpointer) copies the WAL instead. */
  autoCheckpoint?: boolean
}): Db {
  const db = new Database(path, { readonly, fileMustExist: readonly })
  if (readonly) {
    db.pragma('query_only = ON')
    return db
  }
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  // Larger pages of cache and memory-mapped reads: proofs and receipts read
  // scattered tree nodes.
  db.pragma('cache_size = -65536')
  db.pragma('mmap_size = 2147418112') // the most this SQLite build maps (2 GiB)
  db.pragma('temp_store = MEMORY')
  // Checkpoint the WAL in bigger steps than the default 1000 pages, so fewer
  // commits pay for a checkpoint; or not at all, when a worker does it.
  db.pragma(`wal_autocheckpoint = ${autoCheckpoint ? 4000 : 0}`)
  // A WAL that grew during a burst is truncated back once it is reset.
  db.pragma('journal_size_limit = 67108864')
  db.exec(SCHEMA)
  return db
}
