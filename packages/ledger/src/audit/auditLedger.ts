import { availableParallelism } from 'node:os'
import { canonicalize } from '@tabularium/core'
import { EMPTY_ROOT, rootFromFrontier } from '@tabularium/log'
import { type Genesis, GenesisSchema } from '@tabularium/protocol'
import { createRoleChecker, GOVERNANCE_MODULE, type RoleChecker } from '../executor/roles.js'
import { GENESIS_INDEX, seedGenesis } from '../executor/seedGenesis.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import type { CheckpointRow } from '../store/createBlockWriter.js'
import { createStateStore, type StateStore } from '../store/createStateStore.js'
import { readMeta } from '../store/meta.js'
import { openDatabase } from '../store/openDatabase.js'
import { iterateCheckpoints } from '../store/readCheckpoint.js'
import { createVerifierPool } from '../workers/createVerifierPool.js'
import { type Audit, auditBlock, blocksOf, type Cursor } from './auditBlock.js'
import { AuditFailure, BEFORE_FIRST_ENTRY, check } from './auditFailure.js'
import { checkCheckpoint } from './checkCheckpoint.js'
import { createEventsComparer } from './compareEvents.js'
import { compareState } from './compareState.js'
import { everAdmitted } from './membersOf.js'

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
  const events = createEventsComparer(db)
  try {
    return await audit({ ...p, genesis, db, memory, pool, events })
  } catch (error) {
    if (error instanceof AuditFailure) return { ok: false, firstBadIndex: error.index, reason: error.reason }
    throw error
  } finally {
    await pool.close()
    memory.close()
    db.close()
  }
}

async function audit(a: Audit): Promise<AuditResult> {
  check(
    readMeta(a.db, 'genesis') === canonicalize(a.genesis),
    BEFORE_FIRST_ENTRY,
    'the file was created with another genesis',
  )
  const state = createStateStore({ db: a.memory })
  const hasRole = createRoleChecker({
    genesis: a.genesis,
    governed: a.modules.some((module) => module.name === GOVERNANCE_MODULE),
  })
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
  // A node signs every checkpoint of its file, those before its own admission included (it caught
  // up): any member the log ever admitted may have signed one. Read from the stored state, which the
  // audit compares with the re-executed one at the end, so a forged member fails the audit there.
  const members = everAdmitted({ db: a.db, genesis: a.genesis })
  const first = checkpoints.next()
  check(!first.done && first.value.treeSize === 0, BEFORE_FIRST_ENTRY, 'the checkpoint of the empty tree is missing')
  checkCheckpoint({
    row: first.value,
    genesis: a.genesis,
    rootHash: EMPTY_ROOT,
    stateDigest: p.seededState,
    members,
  })
  const cursor: Cursor = {
    size: 0,
    frontier: [],
    stateDigest: p.seededState,
    block: 0,
    time: '',
    nonces: new Map(),
    cleanNoncesAt: 100_000,
  }
  let next = checkpoints.next()
  let count = 1
  const totalSize = ((a.db.prepare('SELECT max(idx) FROM entries').pluck().get() as number | null) ?? -1) + 1
  for (const rows of blocksOf(a.db)) {
    await auditBlock(a, { rows, cursor, state, hasRole })
    check(!next.done, cursor.size - 1, 'entries follow the last checkpoint')
    check(next.value.treeSize >= cursor.size, cursor.size - 1, `no checkpoint ends block ${cursor.block}`)
    if (next.value.treeSize === cursor.size) {
      checkCheckpoint({
        row: next.value,
        genesis: a.genesis,
        rootHash: rootFromFrontier(cursor.frontier),
        stateDigest: cursor.stateDigest,
        members,
      })
      next = checkpoints.next()
      count++
    }
    a.onProgress?.({ index: cursor.size - 1, treeSize: totalSize })
  }
  check(next.done === true, cursor.size, 'a checkpoint names entries that are not stored')
  const storedEvents = a.db.prepare('SELECT count(*) FROM events').pluck().get() as number
  check(storedEvents === a.events.count, cursor.size, 'the events table holds rows of no entry')
  compareState({ stored: a.db, recomputed: a.memory })
  return { ok: true, treeSize: cursor.size, checkpoints: count }
}
