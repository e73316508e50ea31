import type { Database, Statement } from 'better-sqlite3'
import type { ExecutedEntry } from '../executor/executeTransaction.js'
import { check } from './auditFailure.js'

/** Compares the stored `events` rows of entries with the events their re-execution emitted. */
export interface EventsComparer {
  compare(entries: readonly ExecutedEntry[]): void
  /** Stored rows matched so far, to compare with the table's size at the end. */
  readonly count: number
}

/**
 * The events table feeds projections and event streams, and a snapshot's
 * copy is installed as is, so the audit checks it too: each entry's stored
 * rows (module, type, data, in order) are exactly its re-executed events.
 *
 * @example const events = createEventsComparer(db); events.compare(executed.entries)
 */
export function createEventsComparer(db: Database): EventsComparer {
  const stored: Statement = db.prepare('SELECT module, type, data FROM events WHERE idx = ? ORDER BY seq')
  let count = 0
  const compare = (entries: readonly ExecutedEntry[]): void => {
    for (const entry of entries) {
      const rows = stored.all(entry.index) as { module: string; type: string; data: string }[]
      const same =
        rows.length === entry.events.length &&
        rows.every((row, i) => {
          const event = entry.events[i]
          return (
            event !== undefined && row.module === event.module && row.type === event.type && row.data === event.data
          )
        })
      check(same, entry.index, 'the stored events differ from those re-execution emits')
      count += rows.length
    }
  }
  return {
    compare,
    get count() {
      return count
    },
  }
}
