import type { Database } from 'better-sqlite3'
import type { StateRow, StateView, StateWrite } from '../executor/stateView.js'
import type { StateCommitment } from '../integrity/createStateCommitment.js'

/** The committed state in SQLite, with the statements that write it. */
export interface StateStore extends StateView {
  write(write: StateWrite, index: number): void
  /** Called by the block writer before a block's writes (the state sum's bookkeeping). */
  openBlock(firstIndex: number): void
  /** Called by the block writer after them, inside the block's transaction. */
  sealBlock(treeSize: number): void
  /** The running state sum, when the store keeps one (a ledger's own file does). */
  readonly commitment: StateCommitment | undefined
}

// The highest code point: `prefix + MAX` bounds every key that starts with
// `prefix` (keys holding U+10FFFF right after the prefix are not supported).
const MAX = String.fromCodePoint(0x10ffff)

/**
 * The `state` table behind the executor, through prepared statements. With a
 * `commitment`, every write also updates the state sum (integrity/stateSum.ts):
 * the row it replaces is read first, so its term can be subtracted.
 *
 * @example const state = createStateStore({ db }); state.get('notary', 'doc/…')
 */
export function createStateStore({ db, commitment }: { db: Database; commitment?: StateCommitment }): StateStore {
  const get = db.prepare('SELECT value FROM state WHERE module = ? AND key = ?').pluck()
  const list = db
    .prepare('SELECT key, value FROM state WHERE module = ? AND key >= ? AND key < ? AND key > ? ORDER BY key LIMIT ?')
    .raw()
  const put = db.prepare('INSERT OR REPLACE INTO state (module, key, value, idx) VALUES (?, ?, ?, ?)')
  const remove = db.prepare('DELETE FROM state WHERE module = ? AND key = ?')
  const summed = commitment === undefined ? undefined : createSummedWrite(db, commitment)
  return {
    get: (module, key) => get.get(module, key) as string | undefined,
    list: (module, prefix, after, limit) => list.all(module, prefix, prefix + MAX, after, limit) as StateRow[],
    write(write, index) {
      summed?.(write, index)
      if (write.value === null) remove.run(write.module, write.key)
      else put.run(write.module, write.key, write.value, index)
    },
    openBlock: (firstIndex) => commitment?.openBlock(firstIndex),
    sealBlock: (treeSize) => commitment?.sealBlock(treeSize),
    commitment,
  }
}

/** Moves the state sum from the row being replaced (if any) to the row being written (if any). */
function createSummedWrite(db: Database, commitment: StateCommitment) {
  const previous = db.prepare('SELECT value, idx FROM state WHERE module = ? AND key = ?').raw()
  return (write: StateWrite, index: number): void => {
    const { module, key, value } = write
    const old = previous.get(module, key) as [string, number] | undefined
    if (old !== undefined) commitment.remove({ module, key, value: old[0], idx: old[1] })
    if (value !== null) commitment.add({ module, key, value, idx: index })
  }
}
