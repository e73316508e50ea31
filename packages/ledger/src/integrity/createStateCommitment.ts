import type { Database } from 'better-sqlite3'
import { computeStateSum } from './scanStateSum.js'
import { addRow, emptyStateSum, type StateSum, type SummedRow, stateSumFromHex, stateSumToHex } from './stateSum.js'
import { formatStoredStateSum, readStoredStateSum, STATE_SUM_KEY } from './storedStateSum.js'

/**
 * The writer's running state sum. Writes change a working copy; `sealBlock`
 * stores it in `meta` inside the block's transaction; the next `openBlock`
 * adopts it only if that block committed (the next block starts where it
 * ended), so a block that failed to commit leaves no trace here either.
 */
export interface StateCommitment {
  openBlock(firstIndex: number): void
  add(row: SummedRow): void
  remove(row: SummedRow): void
  /** Stores the working sum for `treeSize`; call inside the block's transaction. */
  sealBlock(treeSize: number): void
  /**
   * Adopts the sum stored for `treeSize`, or computes it from the table and
   * stores it when it is missing or belongs to another size (a file written
   * before the sum existed): one full scan, once.
   */
  load(treeSize: number): { computed: boolean }
  /** The sum this process wrote for `treeSize`, if recent: the reference an altered `meta` row cannot fake. */
  sumAt(treeSize: number): string | undefined
}

/** How many recent (tree size → sum) pairs `sumAt` remembers. */
const HISTORY = 256

/**
 * Creates the running sum of a ledger's state (see `stateSum.ts`).
 *
 * @example const commitment = createStateCommitment({ db }); const state = createStateStore({ db, commitment })
 */
export function createStateCommitment({ db }: { db: Database }): StateCommitment {
  const store = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
  let committed = emptyStateSum()
  let working = emptyStateSum()
  let pending: { treeSize: number; sum: StateSum } | undefined
  const history = new Map<number, string>()
  const remember = (treeSize: number, sum: StateSum) => {
    history.set(treeSize, stateSumToHex(sum))
    for (const size of history.keys()) {
      if (history.size <= HISTORY) break
      history.delete(size)
    }
  }
  return {
    openBlock(firstIndex) {
      if (pending?.treeSize === firstIndex) {
        committed = pending.sum
        remember(pending.treeSize, committed)
      }
      pending = undefined
      working = committed.slice()
    },
    add: (row) => addRow(working, row, 1),
    remove: (row) => addRow(working, row, -1),
    sealBlock(treeSize) {
      store.run(STATE_SUM_KEY, formatStoredStateSum(treeSize, working))
      pending = { treeSize, sum: working.slice() }
    },
    load(treeSize) {
      const stored = readStoredStateSum(db)
      const computed = stored?.treeSize !== treeSize
      committed = computed ? computeAndStore(db, treeSize) : (stateSumFromHex(stored.sum) as StateSum)
      working = committed.slice()
      pending = undefined
      remember(treeSize, committed)
      return { computed }
    },
    sumAt: (treeSize) =>
      history.get(treeSize) ?? (pending?.treeSize === treeSize ? stateSumToHex(pending.sum) : undefined),
  }
}

function computeAndStore(db: Database, treeSize: number): StateSum {
  return db.transaction(() => {
    const { sum } = computeStateSum(db)
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
      STATE_SUM_KEY,
      formatStoredStateSum(treeSize, sum),
    )
    return sum
  })()
}
