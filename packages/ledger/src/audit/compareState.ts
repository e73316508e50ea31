import type { Database } from 'better-sqlite3'
import { check } from './auditFailure.js'

interface Row {
  module: string
  key: string
  value: string
  idx: number
}

/**
 * Compares the stored state with the state re-execution produced, row by row
 * in key order. The first difference fails the audit at the index of the
 * entry that last wrote that key (per either side).
 *
 * @example compareState({ stored: db, recomputed: memoryDb })
 */
export function compareState({ stored, recomputed }: { stored: Database; recomputed: Database }): void {
  const sql = 'SELECT module, key, value, idx FROM state ORDER BY module, key'
  const left = stored.prepare(sql).iterate() as IterableIterator<Row>
  const right = recomputed.prepare(sql).iterate() as IterableIterator<Row>
  try {
    for (;;) {
      const a = left.next()
      const b = right.next()
      if (a.done && b.done) return
      const s = a.done ? undefined : a.value
      const r = b.done ? undefined : b.value
      const same = s !== undefined && r !== undefined && s.module === r.module && s.key === r.key && s.value === r.value
      check(same, Math.max(s?.idx ?? -1, r?.idx ?? -1), () => describe(s, r))
    }
  } finally {
    left.return?.()
    right.return?.()
  }
}

function describe(stored: Row | undefined, recomputed: Row | undefined): string {
  if (stored === undefined) return `the stored state lacks ${recomputed?.module}/${recomputed?.key}`
  if (recomputed === undefined || stored.module !== recomputed.module || stored.key !== recomputed.key) {
    return `the stored state holds ${stored.module}/${stored.key}, which re-execution does not produce`
  }
  return `the stored value of ${stored.module}/${stored.key} differs from the re-executed state`
}
