import { randomUUID } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  checkEtcdHistory,
  installSnapshot,
  type ModuleDefinition,
  OrdererError,
  verifySnapshot,
} from '@tabularium/ledger'
import { type Genesis, ProtocolError } from '@tabularium/protocol'
import type { Logger } from 'pino'
import { downloadSnapshot } from './downloadSnapshot.js'
import { removeStaleFiles } from './removeStaleFiles.js'

/** Parameters of `joinFromSnapshot`. */
export interface JoinFromSnapshotParameters {
  /** Base URL of a member's node. */
  url: string
  genesis: Genesis
  /** Where the ledger goes; the snapshot is downloaded beside it (same disk, so the install is a rename). */
  ledgerPath: string
  modules: readonly ModuleDefinition[]
  /** With the etcd orderer: the snapshot must end after etcd's compaction point, or the node could not continue. */
  etcdEndpoints?: readonly string[] | undefined
  logger: Logger
  maxBytes?: number
  fetch?: typeof fetch
}

/** What joining did, for the log and the operator. */
export interface JoinFromSnapshotResult {
  treeSize: number
  bytes: number
  signedBy: string[]
  /** The snapshot's latest quorum-cosigned size, if any. */
  finalTreeSize: number | undefined
  revision: number | undefined
  timings: { downloadMs: number; verifyMs: number; installMs: number }
}

/**
 * Starts a member's node from another member's snapshot: downloads it to a
 * temporary file beside the ledger path, verifies it completely
 * (`verifySnapshot`: schema, integrity, audit with re-execution, the head's
 * member signatures), checks etcd still holds the batches after it, and only
 * then installs it (`installSnapshot`). Whatever fails, the temporary file
 * is removed and no ledger is installed: SNAPSHOT_UNAVAILABLE,
 * SNAPSHOT_INVALID, SNAPSHOT_STALE, or CONFLICT for an etcd network's
 * snapshot on a node configured with the embedded orderer.
 *
 * @example await joinFromSnapshot({ url: 'http://10.0.0.2:8080', genesis, ledgerPath, modules: NODE_MODULES, logger })
 */
export async function joinFromSnapshot(p: JoinFromSnapshotParameters): Promise<JoinFromSnapshotResult> {
  const temp = join(dirname(p.ledgerPath), `.join-${randomUUID()}.sqlite`)
  try {
    p.logger.info({ from: p.url }, 'joining: downloading a snapshot')
    const download = await downloadSnapshot({ url: p.url, to: temp, ...pick(p) })
    p.logger.info({ bytes: download.bytes, durationMs: download.durationMs }, 'joining: verifying the snapshot')
    const verified = await verifySnapshot({ path: temp, genesis: p.genesis, modules: p.modules })
    if (p.etcdEndpoints !== undefined) await checkContinuable(p.etcdEndpoints, verified.revision ?? 0)
    else if (verified.revision !== undefined) {
      // The ledger refuses a file ordered by etcd under the embedded orderer: say so before installing it.
      throw new ProtocolError(
        'CONFLICT',
        'the snapshot comes from a network ordered by etcd: start this node with orderer etcd',
      )
    }
    const installed = installSnapshot({ from: temp, to: p.ledgerPath, genesis: p.genesis, modules: p.modules })
    const result: JoinFromSnapshotResult = {
      treeSize: verified.treeSize,
      bytes: download.bytes,
      signedBy: verified.signedBy,
      finalTreeSize: verified.finalTreeSize,
      revision: verified.revision,
      timings: { downloadMs: download.durationMs, verifyMs: verified.durationMs, installMs: installed.durationMs },
    }
    p.logger.info(result, 'joining: snapshot verified and installed')
    return result
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true })
  }
}

/**
 * Joins when `joinFrom` is set and the data directory has no ledger yet;
 * with a ledger, `joinFrom` is ignored (the node continues its own file).
 *
 * @example await joinIfNew({ joinFrom: config.joinFrom, … })
 */
export async function joinIfNew(
  p: Omit<JoinFromSnapshotParameters, 'url'> & { joinFrom: string | undefined },
): Promise<JoinFromSnapshotResult | undefined> {
  if (p.joinFrom === undefined) return undefined
  removeStaleFiles(dirname(p.ledgerPath), '.join-')
  if (existsSync(p.ledgerPath)) {
    p.logger.info({ joinFrom: p.joinFrom }, 'the data directory holds a ledger: joinFrom is ignored')
    return undefined
  }
  return joinFromSnapshot({ ...p, url: p.joinFrom })
}

async function checkContinuable(endpoints: readonly string[], revision: number): Promise<void> {
  try {
    await checkEtcdHistory({ endpoints, revision })
  } catch (error) {
    if (!(error instanceof OrdererError) || error.code !== 'ETCD_COMPACTED') throw error
    throw new ProtocolError(
      'SNAPSHOT_STALE',
      `the snapshot ends at etcd revision ${revision}, before etcd's compaction point: this node could not continue from it. Fetch a newer one (once the network has ordered a transaction since the compaction).`,
      { details: { revision }, cause: error },
    )
  }
}

function pick(p: { maxBytes?: number; fetch?: typeof fetch }): { maxBytes?: number; fetch?: typeof fetch } {
  return {
    ...(p.maxBytes === undefined ? {} : { maxBytes: p.maxBytes }),
    ...(p.fetch === undefined ? {} : { fetch: p.fetch }),
  }
}
