import type { LogEntry } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import type { EntryRecord } from '../types.js'

/** Most entries one `entries` call returns. */
export const MAX_ENTRIES_PAGE = 1000

interface Row {
  idx: number
  txid: Buffer
  leaf: Buffer
}

/** Reads stored entries. */
export interface EntryReader {
  entry(index: number): EntryRecord | undefined
  entries(options: { from: number; limit: number }): EntryRecord[]
  transaction(txid: string): EntryRecord | undefined
}

/**
 * Entry reads by index, page and txid, each one prepared statement.
 *
 * @example createEntryReader({ db }).entry(0)
 */
export function createEntryReader({ db }: { db: Database }): EntryReader {
  const byIndex = db.prepare('SELECT idx, txid, leaf FROM entries WHERE idx = ?')
  const page = db.prepare('SELECT idx, txid, leaf FROM entries WHERE idx >= ? ORDER BY idx LIMIT ?')
  const byTxid = db.prepare('SELECT idx, txid, leaf FROM entries WHERE txid = ?')
  return {
    entry: (index) =>
      Number.isSafeInteger(index) && index >= 0 ? toRecord(byIndex.get(index) as Row | undefined) : undefined,
    entries({ from, limit }) {
      const start = Number.isSafeInteger(from) && from > 0 ? from : 0
      const count = Number.isSafeInteger(limit) ? Math.max(0, Math.min(limit, MAX_ENTRIES_PAGE)) : 0
      return (page.all(start, count) as Row[]).map((row) => toRecord(row) as EntryRecord)
    },
    transaction(txid) {
      if (typeof txid !== 'string' || !/^[0-9a-f]{64}$/.test(txid)) return undefined
      return toRecord(byTxid.get(Buffer.from(txid, 'hex')) as Row | undefined)
    },
  }
}

function toRecord(row: Row | undefined): EntryRecord | undefined {
  if (row === undefined) return undefined
  return {
    index: row.idx,
    txid: row.txid.toString('hex'),
    entry: JSON.parse(row.leaf.toString('utf8')) as LogEntry,
    leaf: new Uint8Array(row.leaf),
  }
}
