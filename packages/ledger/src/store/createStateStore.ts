import type { Database } from 'better-sqlite3'
import type { StateRow, StateView, StateWrite } from '../executor/stateView.js'

/** The committed state in SQLite, with the statements that write it. */
export interface StateStore extends StateView {
  write(write: StateWrite, index: number): void
}

// The highest code point: `prefix + MAX` bounds every key that starts with
// `prefix` (keys holding U+10FFFF right after the prefix are not supported).
const MAX = String.fromCodePoint(0x10ffff)

/**
 * The `state` table behind the executor, through prepared statements.
 *
 * @example const state = createStateStore({ db }); state.get('notary', 'doc/…')
 */
export function createStateStore({ db }: { db: Database }): StateStore {
  const get = db.prepare('SELECT value FROM state WHERE module = ? AND key = ?').pluck()
  const list = db
    .prepare('SELECT key, value FROM state WHERE module = ? AND key >= ? AND key < ? AND key > ? ORDER BY key LIMIT ?')
    .raw()
  const put = db.prepare('INSERT OR REPLACE INTO state (module, key, value, idx) VALUES (?, ?, ?, ?)')
  const remove = db.prepare('DELETE FROM state WHERE module = ? AND key = ?')
  return {
    get: (module, key) => get.get(module, key) as string | undefined,
    list: (module, prefix, after, limit) => list.all(module, prefix, prefix + MAX, after, limit) as StateRow[],
    write(write, index) {
      if (write.value === null) remove.run(write.module, write.key)
      else put.run(write.module, write.key, write.value, index)
    },
  }
}
