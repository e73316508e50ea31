import { type Genesis, ProtocolError } from '@tabularium/protocol'
import { createAdmission } from '../admission/createAdmission.js'
import { createNonceGuard } from '../admission/createNonceGuard.js'
import { createSubmitter } from '../admission/createSubmitter.js'
import { refusal } from '../admission/refusal.js'
import type { CheckpointSigner } from '../checkpoints/createCheckpointSigner.js'
import type { RoleChecker } from '../executor/roles.js'
import type { Finality } from '../finality/createFinality.js'
import type { Health } from '../finality/createHealth.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import type { StartOrderer } from '../orderer/types.js'
import type { LedgerStore } from '../store/openLedgerStore.js'
import type { LedgerStats, SubmitResult } from '../types.js'
import { createVerifierPool } from '../workers/createVerifierPool.js'
import { startCheckpointer } from '../workers/startCheckpointer.js'
import { type BlockCommitter, createBlockCommitter } from './createBlockCommitter.js'
import type { EventHub } from './createEventHub.js'
import type { LedgerLogger } from './logger.js'

/** Parameters of `startPipeline`. */
export interface StartPipelineParameters {
  store: LedgerStore
  genesis: Genesis
  modules: ReadonlyMap<string, ModuleDefinition>
  hasRole: RoleChecker
  sign: CheckpointSigner
  clock: () => number
  logger: LedgerLogger
  events: EventHub
  verifierThreads: number
  maxBlockSize: number
  blockIntervalMs: number
  maxPending: number
  /** The file's path, when a background WAL checkpointer should run. */
  checkpointPath: string | undefined
  /** The orderer (embedded sequencer or etcd), connected. */
  startOrderer: StartOrderer
  finality: Finality
  health: Health
}

/** The write path of a ledger. */
export interface Pipeline {
  submit(transactions: unknown[], options?: { receipts?: boolean }): Promise<SubmitResult[]>
  stats(): Omit<LedgerStats, 'orderer' | 'finalTreeSize'>
  /** Stops admitting, answers everything admitted, stops the workers. */
  stop(): Promise<void>
}

/**
 * Starts the write path: admission → signature workers → orderer → block
 * committer, with the background WAL checkpointer.
 *
 * @example const pipeline = startPipeline({ store, genesis, modules, hasRole, sign, clock, logger, events, … })
 */
export function startPipeline(p: StartPipelineParameters): Pipeline {
  const nonces = createNonceGuard({ db: p.store.db })
  const pool = createVerifierPool({ threads: p.verifierThreads })
  const checkpointer = p.checkpointPath === undefined ? undefined : startCheckpointer({ path: p.checkpointPath })
  const counts = { admitted: 0, refused: {} as Record<string, number>, committedTransactions: 0, lastBlockMs: 0 }
  const commitBlock = createBlockCommitter({
    ...p,
    nonces,
    hasListeners: () => p.events.size > 0,
    onCommitted(events, block, elapsedMs) {
      counts.committedTransactions += block.entries.length
      counts.lastBlockMs = elapsedMs
      p.finality.onOwnCheckpoint(p.store.head)
      p.events.publish(events)
    },
  })
  // A halted node commits nothing more, whatever its orderer still holds.
  const commit: BlockCommitter = (items, options) => {
    if (!p.health.halted) return commitBlock(items, options)
    for (const item of items) {
      nonces.release(item.admitted.tx.signer, item.admitted.tx.nonce)
      item.resolve(refusal(stoppedError(p.health), item.admitted.txid))
    }
    return false
  }
  const orderer = p.startOrderer({ ...p, commit, pool, nonces })
  let stopping = false
  const submitter = createSubmitter({
    admit: createAdmission({ ...p, state: p.store.state, nonces }),
    pool,
    nonces,
    sequencer: {
      enqueue: (items) => orderer.enqueue(items),
      get queued() {
        return orderer.queued
      },
      flush() {},
    },
    maxPending: p.maxPending,
    onRefused: (code) => {
      counts.refused[code] = (counts.refused[code] ?? 0) + 1
    },
    isStopping: () => stopping,
  })
  return {
    async submit(transactions, options) {
      if (p.health.halted) return transactions.map(() => refusal(stoppedError(p.health)))
      const results = await submitter.submit(transactions, options)
      for (const result of results) if (result.ok) counts.admitted++
      return results
    },
    stats: () => ({
      ...counts,
      refused: { ...counts.refused },
      treeSize: p.store.tree.size,
      blocks: p.store.head.block,
      pending: submitter.pending,
    }),
    async stop() {
      stopping = true
      await orderer.stop(submitter.drained())
      await pool.close()
      await checkpointer?.stop()
    },
  }
}

function stoppedError(health: Health): ProtocolError {
  const current = health.current()
  const reason = current.status === 'stopped' ? current.reason : 'stopped'
  return new ProtocolError('NODE_STOPPED', `this node stopped writing (${reason}); see its /readyz`, {
    details: { reason },
  })
}
