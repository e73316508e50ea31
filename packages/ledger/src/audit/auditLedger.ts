import { availableParallelism } from 'node:os'
import type { Database } from 'better-sqlite3'
import { canonicalize } from '@tabularium/core'
import { appendLeaves, EMPTY_ROOT, rootFromFrontier, type Frontier } from '@tabularium/log'
import { GenesisSchema, type Genesis } from '@tabularium/protocol'
import { executeBlock } from '../executor/executeBlock.js'
import { createRoleChecker, type RoleChecker } from '../executor/roles.js'
import { GENESIS_INDEX, seedGenesis } from '../executor/seedGenesis.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import type { CheckpointRow } from '../store/createBlockWriter.js'
import { createStateStore, type StateStore } from '../store/createStateStore.js'
import { readMeta } from '../store/meta.js'
import { openDatabase } from '../store/openDatabase.js'
import { iterateCheckpoints } from '../store/readCheckpoint.js'
import { createVerifierPool, type VerifierPool } from '../workers/createVerifierPool.js'
import { AuditFailure, BEFORE_FIRST_ENTRY, check } from './auditFailure.js'
import { checkCheckpoint } from './checkCheckpoint.js'
import { checkEntry, type CheckedEntry, type StoredEntry } from './checkEntry.js'
import { compareState } from './compareState.js'
import { describeMismatch } from './describeMismatch.js'

/** Parameters of `auditLedger`. */
export interface AuditLedgerParameters {
  path: string
  genesis: Genesis
  modules: readonly ModuleDefinition[]
  onProgress?: (progress: { index: number; treeSize: number }) => void
  /** Threads verifying transaction signatures; default: available cores. */
  verifierThreads?: number
}

/** The verdict of an audit. `firstBadIndex` is -1 when the fault precedes the first entry. */
export type AuditResult =
  | { ok: true; treeSize: number; checkpoints: number }
  | { ok: false; firstBadIndex: number; reason: string }

/**
 * Audits a ledger file, opened read-only: every leaf's hash and form, txid and
 * signature; the Merkle tree and the root and signatures of every stored
 * checkpoint; and, by re-executing every entry with `modules` over a fresh
 * in-memory state, every outcome, events digest and state digest, and finally
 * the stored state itself. Stops at the first fault.
 *
 * @example const verdict = await auditLedger({ path: 'ledger.db', genesis, modules: [governance, notary] })
 */
export async function auditLedger(p: AuditLedgerParameters): Promise<AuditResult> {
  const genesis = GenesisSchema.parse(p.genesis)
  const db = openDatabase({ path: p.path, readonly: true })
  const memory = openDatabase({ path: ':memory:' })
  const pool = createVerifierPool({ threads: p.verifierThreads ?? availableParallelism() })
  try {
    return await audit({ ...p, genesis, db, memory, pool })
  } catch (error) {
    if (error instanceof AuditFailure) return { ok: false, firstBadIndex: error.index, reason: error.reason }
    throw error
  } finally {
    await pool.close()
    memory.close()
    db.close()
  }
}

interface Audit extends AuditLedgerParameters {
  genesis: Genesis
  db: Database
  memory: Database
  pool: VerifierPool
}

interface Cursor {
  size: number
  frontier: Frontier
  stateDigest: string
  block: number
  time: string
  nonces: Map<string, number>
}

async function audit(a: Audit): Promise<AuditResult> {
  check(readMeta(a.db, 'genesis') === canonicalize(a.genesis), BEFORE_FIRST_ENTRY, 'the file was created with another genesis')
  const state = createStateStore({ db: a.memory })
  const hasRole = createRoleChecker({ genesis: a.genesis })
  const seeded = seedGenesis({ genesis: a.genesis, modules: a.modules, state, hasRole })
  for (const write of seeded.writes) state.write(write, GENESIS_INDEX)
  const checkpoints = iterateCheckpoints(a.db)
  try {
    return await auditEntries(a, { checkpoints, state, hasRole, seededState: seeded.state })
  } finally {
    checkpoints.return(undefined) // an open SQLite iterator would keep the connection busy
  }
}

async function auditEntries(
  a: Audit,
  p: { checkpoints: Generator<CheckpointRow>; state: StateStore; hasRole: RoleChecker; seededState: string },
): Promise<AuditResult> {
  const { checkpoints, state, hasRole } = p
  const first = checkpoints.next()
  check(!first.done && first.value.treeSize === 0, BEFORE_FIRST_ENTRY, 'the checkpoint of the empty tree is missing')
  checkCheckpoint({ row: first.value, genesis: a.genesis, rootHash: EMPTY_ROOT, stateDigest: p.seededState })
  const cursor: Cursor = { size: 0, frontier: [], stateDigest: p.seededState, block: 0, time: '', nonces: new Map() }
  let next = checkpoints.next()
  let count = 1
  const totalSize = (a.db.prepare('SELECT COUNT(*) FROM entries').pluck().get() as number) ?? 0
  for (const rows of blocksOf(a.db)) {
    await auditBlock(a, { rows, cursor, state, hasRole })
    check(!next.done, cursor.size - 1, 'entries follow the last checkpoint')
    check(next.value.treeSize >= cursor.size, cursor.size - 1, `no checkpoint ends block ${cursor.block}`)
    if (next.value.treeSize === cursor.size) {
      checkCheckpoint({ row: next.value, genesis: a.genesis, rootHash: rootFromFrontier(cursor.frontier), stateDigest: cursor.stateDigest })
      next = checkpoints.next()
      count++
    }
    a.onProgress?.({ index: cursor.size - 1, treeSize: totalSize })
  }
  check(next.done === true, cursor.size, 'a checkpoint names entries that are not stored')
  compareState({ stored: a.db, recomputed: a.memory })
  return { ok: true, treeSize: cursor.size, checkpoints: count }
}

/** Stored entries, grouped by block, in index order. */
function* blocksOf(db: Database): Generator<StoredEntry[]> {
  let rows: StoredEntry[] = []
  for (const row of db.prepare('SELECT idx, txid, block, leaf FROM entries ORDER BY idx').iterate() as Iterable<StoredEntry>) {
    if (rows.length > 0 && (rows[0] as StoredEntry).block !== row.block) {
      yield rows
      rows = []
    }
    rows.push(row)
  }
  if (rows.length > 0) yield rows
}

async function auditBlock(
  a: Audit,
  p: { rows: StoredEntry[]; cursor: Cursor; state: StateStore; hasRole: RoleChecker },
): Promise<void> {
  const { cursor } = p
  const leafNode = a.db.prepare('SELECT hash FROM nodes WHERE level = 0 AND idx = ?').pluck()
  const checked = p.rows.map((row, i) =>
    checkEntry({ row, expectedIndex: cursor.size + i, storedLeafHash: leafNode.get(cursor.size + i) as Buffer | undefined }),
  )
  const flags = await a.pool.verify(checked.map((c) => c.signature))
  checked.forEach((c, i) => check(flags[i] === true, c.index, 'the transaction signature does not verify'))
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
  a.memory.transaction(() => {
    for (const entry of executed.entries) for (const write of entry.writes) p.state.write(write, entry.index)
  })()
  const appended = appendLeaves({ frontier: cursor.frontier, size: cursor.size, leafHashes: checked.map((c) => c.leafHash) })
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
}
