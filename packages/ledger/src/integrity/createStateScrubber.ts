import type { Database } from 'better-sqlite3'
import { expectSame } from './alteration.js'
import { prepareStateScan, type StateScan, scanStateSlice, startStateScan } from './scanStateSum.js'
import { stateSumToHex } from './stateSum.js'
import { parseStoredStateSum, STATE_SUM_KEY } from './storedStateSum.js'

/** A completed recomputation of the state sum. */
export interface StateScanResult {
  treeSize: number
  rows: number
  /** The sum stored in the file, which the recomputed one equalled. */
  sum: string
}

/** Recomputes the state sum slice by slice, all slices in one snapshot. */
export interface StateScrubber {
  /** Sums the next slice; returns the result once the table is done. Throws LedgerAlteredError. */
  step(): StateScanResult | undefined
  /** Ends a scan in progress (its read transaction). */
  abort(): void
}

/**
 * The state half of the integrity scrubber, over its own read-only
 * connection. A scan opens a read transaction, reads the stored sum, sums
 * `sliceRows` rows per step and, at the end, compares: the stored sum and the
 * rows come from the same snapshot, and the writer updates both in each
 * block's transaction, so they agree unless someone else wrote to the file.
 * The transaction stays open between steps — the WAL cannot be reset
 * meanwhile — so the caller runs the steps back to back.
 *
 * @example const scrubber = createStateScrubber({ db, sliceRows: 20_000 }); while (!scrubber.step()) {}
 */
export function createStateScrubber({
  db,
  sliceRows,
  onScanStart,
}: {
  db: Database
  sliceRows: number
  /** Told the tree size a scan reads, as it starts. */
  onScanStart?: (treeSize: number) => void
}): StateScrubber {
  const statements = prepareStateScan(db)
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').pluck()
  const size = db.prepare('SELECT max(tree_size) FROM checkpoints').pluck()
  let scan: (StateScan & { stored: string | undefined; treeSize: number }) | undefined
  const abort = () => {
    if (db.inTransaction) db.exec('ROLLBACK')
    scan = undefined
  }
  return {
    abort,
    step() {
      if (scan === undefined) {
        db.exec('BEGIN')
        // The first read fixes the snapshot every later slice reads.
        const text = stored.get(STATE_SUM_KEY) as string | undefined
        scan = { ...startStateScan(), stored: text, treeSize: (size.get() as number | null) ?? 0 }
        onScanStart?.(scan.treeSize)
      }
      try {
        scanStateSlice(statements, scan, sliceRows)
      } catch (error) {
        abort()
        throw error
      }
      if (!scan.done) return undefined
      const finished = scan
      abort()
      return compare(finished)
    },
  }
}

function compare(scan: StateScan & { stored: string | undefined; treeSize: number }): StateScanResult {
  const stored = parseStoredStateSum(scan.stored)
  const found = stateSumToHex(scan.sum)
  const where = { table: 'state' as const, row: { treeSize: scan.treeSize }, column: 'rows' }
  expectSame(
    where,
    stored?.sum ?? 'a stored sum',
    found,
    `the state table (${scan.rows} rows) no longer adds up to the state sum stored at size ${scan.treeSize}: a row was changed, inserted or deleted`,
  )
  return { treeSize: scan.treeSize, rows: scan.rows, sum: found }
}
