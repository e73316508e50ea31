import type { Genesis } from '@tabularium/protocol'
import type { NonceGuard } from '../admission/createNonceGuard.js'
import type { Finality } from '../finality/createFinality.js'
import type { Health } from '../finality/createHealth.js'
import type { BlockCommitter, PendingTransaction } from '../sequencer/createBlockCommitter.js'
import type { LedgerLogger } from '../sequencer/logger.js'
import type { LedgerStore } from '../store/openLedgerStore.js'
import type { VerifierPool } from '../workers/createVerifierPool.js'

/**
 * Orders admitted, signature-checked transactions into blocks and hands each
 * block to the committer. Submissions reach it in arrival order.
 */
export interface Orderer {
  /** Takes admitted transactions; each is answered through its `resolve`. */
  enqueue(items: readonly PendingTransaction[]): void
  /** Transactions taken and not yet in a committed block. */
  readonly queued: number
  /**
   * Called once admission has stopped, with a promise of every admitted
   * transaction being answered: orders what it holds, then releases its
   * resources. After it resolves nothing is committed any more.
   */
  stop(drained: Promise<void>): Promise<void>
}

/** What a ledger gives its orderer. */
export interface OrdererContext {
  store: LedgerStore
  genesis: Genesis
  /** Executes and commits one block, synchronously. */
  commit: BlockCommitter
  /** Signature workers, for transactions other nodes admitted. */
  pool: VerifierPool
  nonces: NonceGuard
  clock: () => number
  logger: LedgerLogger
  maxBlockSize: number
  blockIntervalMs: number
  /** Which checkpoints are final; an orderer shared by many nodes feeds it the other members' cosignatures. */
  finality: Finality
  /** Once halted, the orderer answers NODE_STOPPED and commits nothing more. */
  health: Health
}

/** Starts an orderer over a ledger whose store is open. */
export type StartOrderer = (ctx: OrdererContext) => Orderer

/**
 * An orderer choice for `createLedger({ orderer })`: `embeddedOrderer()` (the
 * default) or `etcdOrderer({ endpoints })`.
 */
export interface OrdererDefinition {
  readonly kind: 'embedded' | 'etcd'
  /**
   * True when every node must derive the same block times from the ordered
   * batches: a new ledger file then dates its genesis checkpoint at
   * `genesis.createdAt`, so every node's time floor is the same.
   */
  readonly sharedTime: boolean
  /**
   * Checks, before the ledger file is opened, that the ordering service is
   * usable (etcd reachable, its version, and still holding the history after
   * the revision the file at `path` applied). `onCaughtUp` is called whenever
   * a shared orderer has given the node every block ordered so far.
   */
  connect(p: { genesis: Genesis; logger: LedgerLogger; path?: string; onCaughtUp?: () => void }): Promise<StartOrderer>
}
