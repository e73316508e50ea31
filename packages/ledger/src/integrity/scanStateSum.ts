import type { Database, Statement } from 'better-sqlite3'
import { addRow, emptyStateSum, type StateSum } from './stateSum.js'

/** A scan of the `state` table in key order, slice by slice: where it stands. */
export interface StateScan {
  sum: StateSum
  rows: number
  /** The last (module, key) summed; undefined before the first slice. */
  after: [module: string, key: string] | undefined
  done: boolean
}

/** The statements of a scan, prepared once per connection. */
export interface StateScanStatements {
  first: Statement
  next: Statement
}

/** Prepares the scan statements on `db` (keyset pagination over the primary key). */
export function prepareStateScan(db: Database): StateScanStatements {
  const columns = 'SELECT module, key, value, idx FROM state'
  return {
    first: db.prepare(`${columns} ORDER BY module, key LIMIT ?`).raw(),
    next: db.prepare(`${columns} WHERE (module, key) > (?, ?) ORDER BY module, key LIMIT ?`).raw(),
  }
}

/** A scan that has summed nothing yet. */
export function startStateScan(): StateScan {
  return { sum: emptyStateSum(), rows: 0, after: undefined, done: false }
}

type Row = [module: string, key: string, value: string, idx: number]

/**
 * Sums the next `limit` rows into `scan`. Slices only add up to the table's
 * sum when they all read the same snapshot: the caller holds one read
 * transaction from the first slice to the last.
 *
 * @example const scan = startStateScan(); while (!scan.done) scanStateSlice(statements, scan, 10_000)
 */
export function scanStateSlice(statements: StateScanStatements, scan: StateScan, limit: number): void {
  const rows = (
    scan.after === undefined ? statements.first.all(limit) : statements.next.all(...scan.after, limit)
  ) as Row[]
  for (const [module, key, value, idx] of rows) addRow(scan.sum, { module, key, value, idx })
  scan.rows += rows.length
  const last = rows[rows.length - 1]
  if (last !== undefined) scan.after = [last[0], last[1]]
  scan.done = rows.length < limit
}

/**
 * The state sum of the whole table, in one go (inside the caller's
 * transaction, if any).
 *
 * @example const { sum, rows } = computeStateSum(db)
 */
export function computeStateSum(db: Database): StateScan {
  const statements = prepareStateScan(db)
  const scan = startStateScan()
  while (!scan.done) scanStateSlice(statements, scan, 10_000)
  return scan
}
