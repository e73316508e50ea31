import { type Genesis, GenesisSchema } from '@tabularium/protocol'
import { type AuditResult, auditLedger } from '../audit/auditLedger.js'
import { GOVERNANCE_MODULE } from '../executor/roles.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import { openDatabase } from '../store/openDatabase.js'
import { checkFinal } from './checkFinal.js'
import { checkHead } from './checkHead.js'
import { inspectSnapshot } from './inspectSnapshot.js'
import { referenceSchema } from './referenceSchema.js'
import { snapshotInvalid } from './snapshotInvalid.js'

/** Parameters of `verifySnapshot`. */
export interface VerifySnapshotParameters {
  /** The downloaded file; it is only read. */
  path: string
  /** This node's genesis file: the snapshot must be of this network. */
  genesis: Genesis
  /** The modules this node runs: the snapshot's log is re-executed with them. */
  modules: readonly ModuleDefinition[]
  verifierThreads?: number
  onProgress?: (progress: { index: number; treeSize: number }) => void
}

/** What a verified snapshot holds. */
export interface VerifiedSnapshot {
  treeSize: number
  rootHash: Uint8Array
  stateDigest: string
  /** Stored checkpoints the audit checked. */
  checkpoints: number
  /** The etcd revision of the last batch the file applied (`orderer.etcd.revision`), if any. */
  revision: number | undefined
  /** Witness keys that cosigned the head checkpoint. */
  signedBy: string[]
  /** Size of the latest checkpoint a quorum of members cosigned, if the file holds one: the history up to it is the quorum's. */
  finalTreeSize: number | undefined
  durationMs: number
}

/**
 * Verifies a ledger file from another node completely before anything of it
 * is trusted: its schema is exactly the one this software creates, SQLite's
 * integrity check passes, `auditLedger` re-checks every leaf, proof and
 * signature and re-executes the whole log (outcomes, events, state digests,
 * final state), its head checkpoint is signed by a member, and its latest
 * final checkpoint, if any, by a quorum. Throws SNAPSHOT_INVALID naming the
 * first fault.
 *
 * @example const verified = await verifySnapshot({ path: 'download.sqlite', genesis, modules })
 */
export async function verifySnapshot(p: VerifySnapshotParameters): Promise<VerifiedSnapshot> {
  const started = performance.now()
  const genesis = GenesisSchema.parse(p.genesis)
  const reference = await referenceSchema({ genesis, modules: p.modules })
  const { revision } = inspectSnapshot({ path: p.path, genesis, reference })
  const verdict = await audit(p)
  if (!verdict.ok) {
    throw snapshotInvalid(`entry ${verdict.firstBadIndex}: ${verdict.reason}`, { firstBadIndex: verdict.firstBadIndex })
  }
  const db = openDatabase({ path: p.path, readonly: true })
  try {
    const governed = p.modules.some((m) => m.name === GOVERNANCE_MODULE)
    const { checkpoint, signedBy } = checkHead({ db, genesis, governed })
    const finalTreeSize = checkFinal({ db, genesis, governed })
    return {
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
      stateDigest: checkpoint.stateDigest,
      checkpoints: verdict.checkpoints,
      revision,
      signedBy,
      finalTreeSize,
      durationMs: Math.round(performance.now() - started),
    }
  } finally {
    db.close()
  }
}

async function audit(p: VerifySnapshotParameters): Promise<AuditResult> {
  try {
    return await auditLedger(p)
  } catch (error) {
    // The audit reports faults of the log; a file SQLite cannot read throws instead.
    throw snapshotInvalid(`the audit could not read the file: ${(error as Error).message}`)
  }
}
