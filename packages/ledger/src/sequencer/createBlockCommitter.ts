import { rootFromFrontier } from '@tabularium/log'
import type { Admitted } from '../admission/createAdmission.js'
import type { NonceGuard } from '../admission/createNonceGuard.js'
import type { CheckpointSigner } from '../checkpoints/createCheckpointSigner.js'
import { encodeLeaf } from '../executor/digests.js'
import { type ExecutedBlock, executeBlock } from '../executor/executeBlock.js'
import type { RoleChecker } from '../executor/roles.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import { applyProjections } from '../projections/applyProjections.js'
import { type CheckpointRow, createBlockWriter } from '../store/createBlockWriter.js'
import type { LedgerStore } from '../store/openLedgerStore.js'
import type { CommittedEvent, SubmitResult } from '../types.js'
import { answerBlock, committedEvents } from './answerBlock.js'
import type { LedgerLogger } from './logger.js'

/** An admitted transaction waiting for its block. */
export interface PendingTransaction {
  admitted: Admitted
  receipt: boolean
  resolve(result: SubmitResult): void
}

/** How an orderer fixes a block beyond its transactions. */
export interface BlockOptions {
  /**
   * The block's time (ms), decided by the orderer so that every node gets the
   * same one (the etcd orderer: the proposer's clock, written into the batch).
   * Default: the local clock. Either way it never goes below the head's time.
   */
  timeMs?: number
  /** Runs inside the block's SQLite transaction (the etcd orderer stores its revision there). */
  inTransaction?: () => void
}

/** Executes and commits one block; false when the commit failed (its submitters got INTERNAL). */
export type BlockCommitter = (items: PendingTransaction[], options?: BlockOptions) => boolean

/** Parameters of `createBlockCommitter`. */
export interface CreateBlockCommitterParameters {
  store: LedgerStore
  modules: ReadonlyMap<string, ModuleDefinition>
  hasRole: RoleChecker
  sign: CheckpointSigner
  clock: () => number
  nonces: NonceGuard
  logger: LedgerLogger
  /** True when someone subscribed: every event is then materialised, not only projected ones. */
  hasListeners(): boolean
  onCommitted(events: CommittedEvent[], block: ExecutedBlock, elapsedMs: number): void
}

// Expired nonces are pruned at most this often, at most this many per block,
// and with this much slack (admission refuses anything already expired, so a
// pruned pair cannot be replayed). Small steps keep a block's commit short.
const PRUNE_EVERY_MS = 250
const PRUNE_LIMIT = 5_000
const PRUNE_SLACK_MS = 60_000

/**
 * Executes and commits one block: entries, tree nodes, state, nonces, events,
 * projections and the signed checkpoint in ONE SQLite transaction. Only after
 * it commits are the in-memory head and tree advanced and the submitters
 * answered; if it fails, nothing of the block exists and each submitter gets
 * INTERNAL.
 *
 * @example const commit = createBlockCommitter({ store, modules, hasRole, sign, clock, nonces, logger, onCommitted })
 */
export function createBlockCommitter(p: CreateBlockCommitterParameters): BlockCommitter {
  const { store } = p
  const projected = new Set([...p.modules.values()].filter((m) => m.projection !== undefined).map((m) => m.name))
  const writer = createBlockWriter({ db: store.db, state: store.state })
  const prune = store.db.prepare(
    `DELETE FROM nonces WHERE (signer, nonce) IN (SELECT signer, nonce FROM nonces WHERE expires < ? LIMIT ${PRUNE_LIMIT})`,
  )
  let lastPrune = 0
  // Execution runs inside the block's transaction too: its reads then share
  // one WAL read lock instead of taking and dropping one (two fcntl calls)
  // per statement, ~3 % of a node's main thread in the etcd network bench.
  // `writing` tells a failed write (the block is dropped, its submitters get
  // INTERNAL) from a throw before it, which propagates as it always did.
  let writing = false
  const run = store.db.transaction((items: PendingTransaction[], options: BlockOptions) => {
    writing = false
    const head = store.head
    const now = options.timeMs ?? p.clock()
    const timeMs = Math.max(now, Date.parse(head.time))
    const time = new Date(timeMs).toISOString()
    const block = executeBlock({
      items: items.map((item) => item.admitted),
      modules: p.modules,
      state: store.state,
      blockNumber: head.block + 1,
      firstIndex: store.tree.size,
      time,
      previousState: head.stateDigest,
      hasRole: p.hasRole,
      onError: (error, item) => p.logger.error({ err: error, txid: item.txid }, 'action threw an unexpected error'),
    })
    const encoded = block.entries.map((entry) => encodeLeaf(entry.leaf))
    const leaves = encoded.map((e) => e.leaf)
    const appended = store.tree.append(encoded.map((e) => e.leafHash))
    const rootHash = rootFromFrontier(appended.frontier)
    const checkpoint: CheckpointRow = {
      treeSize: appended.size,
      block: block.number,
      rootHash,
      stateDigest: block.state,
      note: p.sign({ treeSize: appended.size, rootHash, timeMs }),
      time,
    }
    const events = committedEvents(block, p.hasListeners() ? undefined : projected)
    writing = true
    writer({
      number: block.number,
      entries: block.entries,
      leaves,
      nodes: appended.nodes,
      nonces: items.map((item) => item.admitted),
      checkpoint,
    })
    applyProjections({ db: store.db, modules: p.modules, events })
    if (now - lastPrune > PRUNE_EVERY_MS) prune.run(now - PRUNE_SLACK_MS)
    options.inTransaction?.()
    return { block, leaves, appended, checkpoint, events, now }
  })
  return (items, options = {}) => {
    const started = performance.now()
    let done: ReturnType<typeof run>
    try {
      done = run(items, options)
    } catch (error) {
      if (!writing) throw error
      p.logger.error({ err: error, block: store.head.block + 1 }, 'block commit failed; the block is dropped')
      for (const item of items) {
        p.nonces.release(item.admitted.tx.signer, item.admitted.tx.nonce)
        item.resolve({
          ok: false,
          txid: item.admitted.txid,
          error: { code: 'INTERNAL', message: 'the block could not be committed' },
        })
      }
      return false
    }
    const { block, leaves, appended, checkpoint, events, now } = done
    if (now - lastPrune > PRUNE_EVERY_MS) lastPrune = now
    store.tree.adopt(appended)
    store.head = checkpoint
    answerBlock({ items, block, leaves, checkpoint, nonces: p.nonces, getNode: store.tree.getNode })
    p.onCommitted(events, block, performance.now() - started)
    return true
  }
}
