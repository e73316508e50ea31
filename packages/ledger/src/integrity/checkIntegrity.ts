import type { Database } from 'better-sqlite3'
import { type AlterationReport, alterationOf, expectSame } from './alteration.js'
import { checkNote, readHead } from './checkHead.js'
import { checkLogRange, type RangeContext, startLogWalk } from './checkLogRange.js'
import { createNoteVerifier, type NoteKeys } from './createNoteVerifier.js'
import { createLogReader } from './logReader.js'
import { readLedgerIdentity } from './readLedgerIdentity.js'
import { computeStateSum } from './scanStateSum.js'
import { stateSumToHex } from './stateSum.js'
import { parseStoredStateSum, STATE_SUM_KEY } from './storedStateSum.js'

/** The verdict of `checkIntegrity`. */
export type IntegrityResult =
  | { ok: true; treeSize: number; stateRows: number }
  | { ok: false; report: AlterationReport }

/**
 * Checks a whole ledger file at once, in one read transaction: everything a
 * scrubber cycle checks (leaves, tree, checkpoints and their signatures,
 * txids, blocks, events) and the state sum. Synchronous; ~5 µs per entry and
 * ~2 µs per state row on the development machine. Unlike `auditLedger` it
 * does not re-execute, so it trusts the signed roots and cannot name an
 * altered state row, only that the table no longer adds up.
 *
 * @example const verdict = checkIntegrity({ db: openDatabase({ path, readonly: true }) })
 */
export function checkIntegrity({ db, noteKeys }: { db: Database; noteKeys?: NoteKeys }): IntegrityResult {
  try {
    return db.transaction(() => checkAll(db, noteKeys))()
  } catch (error) {
    const report = alterationOf(error)
    if (report === undefined) throw error
    return { ok: false, report }
  }
}

function checkAll(db: Database, noteKeys: NoteKeys | undefined): IntegrityResult {
  const reader = createLogReader(db)
  const identity = readLedgerIdentity(reader, noteKeys)
  const head = readHead(reader, identity)
  const [treeSize, , root] = head
  const context: RangeContext = { reader, origin: identity.origin, head: { treeSize, root } }
  const walk = startLogWalk()
  while (walk.size < treeSize) checkLogRange(context, walk, Math.min(treeSize, walk.size + 4096))
  const verify = createNoteVerifier(identity.noteKeys)
  for (let at = 0; ; ) {
    const rows = reader.checkpointsFrom(at, 1000)
    for (const row of rows) checkNote(verify, row)
    const last = rows[rows.length - 1]
    if (last === undefined) break
    at = last[0] + 1
  }
  const scan = computeStateSum(db)
  const stored = parseStoredStateSum(reader.meta(STATE_SUM_KEY))
  const where = { table: 'state' as const, row: { treeSize }, column: 'rows' }
  expectSame(
    where,
    stored?.sum ?? 'a stored sum',
    stateSumToHex(scan.sum),
    'the state table no longer adds up to the stored state sum',
  )
  return { ok: true, treeSize, stateRows: scan.rows }
}
