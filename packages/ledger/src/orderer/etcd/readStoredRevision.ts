import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { REVISION_META_KEY } from './createBatchConsumer.js'

/**
 * The etcd revision a ledger file has applied, read before the ledger opens
 * it (0 for a new or in-memory file: it needs every batch).
 *
 * @example await etcd.checkHistory(readStoredRevision('data/ledger.sqlite') + 1)
 */
export function readStoredRevision(path: string | undefined): number {
  if (path === undefined || path === '' || path === ':memory:' || !existsSync(path)) return 0
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(REVISION_META_KEY)
    return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : 0
  } catch {
    return 0 // not initialised yet: openLedgerStore reports a damaged file
  } finally {
    db.close()
  }
}
