import { appendLeaves, type Frontier } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { executeBlock } from '../executor/executeBlock.js'
import type { RoleChecker } from '../executor/roles.js'
import type { StateStore } from '../store/createStateStore.js'
import type { VerifierPool } from '../workers/createVerifierPool.js'
import { check } from './auditFailure.js'
import type { AuditLedgerParameters } from './auditLedger.js'
import { type CheckedEntry, checkEntry, type StoredEntry } from './checkEntry.js'
import type { EventsComparer } from './compareEvents.js'
import { describeMismatch } from './describeMismatch.js'

/** An audit in progress: its inputs and connections. */
export interface Audit extends AuditLedgerParameters {
  genesis: Genesis
  db: Database
  memory: Database
  pool: VerifierPool
  /** Checks each re-executed entry's events against the stored `events` rows. */
  events: EventsComparer
}

/** Where the audit stands: the recomputed tree, state digest, block and recent nonces. */
export interface Cursor {
  size: number
  frontier: Frontier
  stateDigest: string
  block: number
  time: string
  nonces: Map<string, number>
  cleanNoncesAt: number
}

/** Stored entries, grouped by block, in index order. */
export function* blocksOf(db: Database): Generator<StoredEntry[]> {
  let rows: StoredEntry[] = []
  for (const row of db
    .prepare('SELECT idx, txid, block, leaf FROM entries ORDER BY idx')
    .iterate() as Iterable<StoredEntry>) {
    if (rows.length > 0 && (rows[0] as StoredEntry).block !== row.block) {
      yield rows
      rows = []
    }
    rows.push(row)
  }
  if (rows.length > 0) yield rows
}

/**
 * Audits one block: each entry on its own, the signatures (in the worker
 * pool), the order, then re-execution against the stored leaves; the
 * re-executed writes go to the in-memory state and the leaves to the tree.
 *
 * @example await auditBlock(audit, { rows, cursor, state, hasRole })
 */
export async function auditBlock(
  a: Audit,
  p: { rows: StoredEntry[]; cursor: Cursor; state: StateStore; hasRole: RoleChecker },
): Promise<void> {
  const { cursor } = p
  const leafNode = a.db.prepare('SELECT hash FROM nodes WHERE level = 0 AND idx = ?').pluck()
  const checked = p.rows.map((row, i) =>
    checkEntry({
      row,
      expectedIndex: cursor.size + i,
      storedLeafHash: leafNode.get(cursor.size + i) as Buffer | undefined,
    }),
  )
  const flags = await a.pool.verify(checked.map((c) => c.signature))
  for (const [i, c] of checked.entries()) check(flags[i] === true, c.index, 'the transaction signature does not verify')
  checkOrder(checked, cursor)
  const executed = executeBlock({
    items: checked.map((c) => ({ txid: c.entry.txid, tx: c.entry.tx, sig: c.entry.sig, txJcs: c.txJcs })),
    modules: new Map(a.modules.map((m) => [m.name, m])),
    state: p.state,
    blockNumber: cursor.block,
    firstIndex: cursor.size,
    time: cursor.time,
    previousState: cursor.stateDigest,
    hasRole: p.hasRole,
  })
  executed.entries.forEach((entry, i) => {
    const c = checked[i] as CheckedEntry
    check(entry.leaf === c.text, c.index, () => describeMismatch(JSON.parse(entry.leaf), c.entry))
  })
  a.events.compare(executed.entries)
  a.memory.transaction(() => {
    for (const entry of executed.entries) for (const write of entry.writes) p.state.write(write, entry.index)
  })()
  const appended = appendLeaves({
    frontier: cursor.frontier,
    size: cursor.size,
    leafHashes: checked.map((c) => c.leafHash),
  })
  cursor.size = appended.size
  cursor.frontier = appended.frontier
  cursor.stateDigest = executed.state
}

/** Blocks number on by one, share one time that never decreases, and no nonce is replayed. */
function checkOrder(checked: CheckedEntry[], cursor: Cursor): void {
  const head = checked[0] as CheckedEntry
  check(head.entry.block === cursor.block + 1, head.index, `block ${head.entry.block} follows block ${cursor.block}`)
  check(head.entry.time >= cursor.time, head.index, 'the block time goes backwards')
  const timeMs = Date.parse(head.entry.time)
  for (const c of checked) {
    check(c.entry.time === head.entry.time, c.index, 'entries of one block have different times')
    const key = `${c.entry.tx.signer}\0${c.entry.tx.nonce}`
    check(!((cursor.nonces.get(key) ?? -Infinity) > timeMs), c.index, 'the (signer, nonce) pair was already used')
    cursor.nonces.set(key, Date.parse(c.entry.tx.expires))
  }
  cursor.block = head.entry.block
  cursor.time = head.entry.time
  // Pairs whose expiry has passed can no longer be replayed: forget them.
  if (cursor.nonces.size > cursor.cleanNoncesAt) {
    for (const [key, expires] of cursor.nonces) if (expires <= timeMs) cursor.nonces.delete(key)
    cursor.cleanNoncesAt = Math.max(100_000, cursor.nonces.size * 2)
  }
}
