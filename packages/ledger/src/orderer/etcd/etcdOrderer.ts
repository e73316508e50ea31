import { randomUUID } from 'node:crypto'
import { ProtocolError } from '@tabularium/protocol'
import { refusal } from '../../admission/refusal.js'
import type { PendingTransaction } from '../../sequencer/createBlockCommitter.js'
import { OrdererError } from '../ordererError.js'
import type { Orderer, OrdererContext, OrdererDefinition } from '../types.js'
import { createBatchConsumer } from './createBatchConsumer.js'
import { createBatchProposer, type SentBatch } from './createBatchProposer.js'
import { startCosignatureExchange } from './createCosignatureExchange.js'
import { createEtcdClient, type EtcdClient } from './etcdClient.js'
import { readStoredRevision } from './readStoredRevision.js'

/** Oldest etcd whose gRPC gateway serves `/v3/…` (Debian's `etcd-server` is 3.4). */
export const MIN_ETCD_VERSION = [3, 4] as const

/** Options of `etcdOrderer`. */
export interface EtcdOrdererParameters {
  /** Client URLs of the etcd members, e.g. `['http://127.0.0.1:2379']`. */
  endpoints: readonly string[]
  /** Key prefix of this network's batches; default `/tabularium/<network>/batches/`. */
  prefix?: string
  /** Key prefix of the members' cosignatures; default `/tabularium/<network>/cosignatures/`. */
  cosignaturePrefix?: string
  /** How often this node publishes its new cosignatures, in ms. */
  cosignIntervalMs?: number
  /** This node's name in the batches it writes (diagnostics only); default a random id. */
  proposer?: string
  /** Deadline of one etcd call (DESIGN §2.4: a stalled call must not outlast a leader election by much). */
  requestTimeoutMs?: number
  /**
   * Deadline of a batch put, shorter: a put sent while there is no leader
   * waits for one and is retried only after this, so it bounds the
   * acknowledgement gap when the leader dies (measured: 2 s → gaps of
   * 1.9–2.1 s; README, Figures). A put that was slow but went through is
   * written twice: the consumers drop the copy. Default 500.
   */
  putTimeoutMs?: number
  /** How long a batch is retried before its submitters are answered OVERLOADED. */
  retryBudgetMs?: number
  /** Puts in flight at once. */
  maxInFlight?: number
  /** Bytes of transactions per batch at most. */
  maxBatchBytes?: number
  /** How long `close()` waits for this node's proposed transactions to come back ordered. */
  drainTimeoutMs?: number
}

/**
 * The etcd orderer (DESIGN §2.4): admitted transactions are appended to etcd
 * as batches (one put each); every node consumes all batches in revision
 * order, checks and executes them deterministically — a block's time is the
 * proposer's clock written into its batch — and answers its own submitters
 * once its own file holds their block. `connect` fails clearly when no member
 * answers or the version is older than 3.4.
 *
 * @example const ledger = await createLedger({ genesis, keys, modules, path, orderer: etcdOrderer({ endpoints: ['http://127.0.0.1:2379'] }) })
 */
export function etcdOrderer(params: EtcdOrdererParameters): OrdererDefinition {
  return {
    kind: 'etcd',
    sharedTime: true,
    async connect({ genesis, path, onCaughtUp }) {
      const etcd = createEtcdClient({ endpoints: params.endpoints, requestTimeoutMs: params.requestTimeoutMs ?? 2_000 })
      await checkVersion(etcd, params.endpoints)
      // ETCD_COMPACTED, saying how to join from a snapshot, stops the start here rather than a node stuck later.
      await etcd.checkHistory(readStoredRevision(path) + 1)
      const prefix = params.prefix ?? `/tabularium/${genesis.network}/batches/`
      const cosignaturePrefix = params.cosignaturePrefix ?? `/tabularium/${genesis.network}/cosignatures/`
      return (ctx) => startEtcdOrderer({ ...params, etcd, prefix, cosignaturePrefix, ctx, onCaughtUp })
    },
  }
}

function startEtcdOrderer(
  p: EtcdOrdererParameters & {
    etcd: EtcdClient
    prefix: string
    cosignaturePrefix: string
    ctx: OrdererContext
    onCaughtUp: (() => void) | undefined
  },
): Orderer {
  const { ctx } = p
  const awaiting = new Map<string, PendingTransaction>()
  const sent = new Map<string, SentBatch>()
  let halted = false
  const answer = (items: Iterable<PendingTransaction>, error: ProtocolError) => {
    for (const item of items) {
      awaiting.delete(item.admitted.txid)
      ctx.nonces.release(item.admitted.tx.signer, item.admitted.tx.nonce)
      item.resolve(refusal(error, item.admitted.txid))
    }
  }
  const proposer = createBatchProposer({
    etcd: createEtcdClient({ endpoints: p.endpoints, requestTimeoutMs: p.putTimeoutMs ?? 500 }),
    prefix: p.prefix,
    proposer: p.proposer ?? randomUUID().slice(0, 8),
    clock: ctx.clock,
    logger: ctx.logger,
    maxBlockSize: ctx.maxBlockSize,
    blockIntervalMs: ctx.blockIntervalMs,
    maxInFlight: p.maxInFlight ?? 4,
    maxBatchBytes: p.maxBatchBytes ?? 1_000_000,
    retryBudgetMs: p.retryBudgetMs ?? 20_000,
    sent,
    onProposed: (items) => {
      for (const item of items) awaiting.set(item.admitted.txid, item)
    },
    onFailed: (items) =>
      answer(
        [...items].filter((i) => awaiting.has(i.admitted.txid)),
        new ProtocolError('OVERLOADED', 'the ordering service is unavailable; retry shortly'),
      ),
  })
  const consumer = createBatchConsumer({
    ctx,
    etcd: p.etcd,
    prefix: p.prefix,
    awaiting,
    sent,
    onCaughtUp: p.onCaughtUp,
    onHalt(error) {
      ctx.logger.error({ err: error }, 'the etcd orderer stopped: this node no longer commits blocks')
      ctx.health.halt('commit-failed', 'a block failed to commit')
    },
  })
  const exchange = startCosignatureExchange({
    etcd: p.etcd,
    prefix: p.cosignaturePrefix,
    finality: ctx.finality,
    health: ctx.health,
    logger: ctx.logger,
    intervalMs: p.cosignIntervalMs ?? 100,
  })
  ctx.health.onHalt(() => {
    halted = true
    answer([...awaiting.values()], stoppedError())
    void consumer.stop()
  })
  return {
    enqueue(items) {
      if (halted) answer(items, stoppedError())
      else proposer.enqueue(items)
    },
    get queued() {
      return proposer.queued + awaiting.size
    },
    async stop(drained) {
      await proposer.flush()
      await Promise.race([drained, delay(p.drainTimeoutMs ?? 10_000)])
      await consumer.stop()
      await exchange.stop()
      answer(
        [...awaiting.values()],
        new ProtocolError('NODE_STOPPED', 'the node stopped before the transaction was ordered'),
      )
    },
  }
}

const stoppedError = () => new ProtocolError('NODE_STOPPED', 'this node stopped writing; see its /readyz')

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

async function checkVersion(etcd: EtcdClient, endpoints: readonly string[]): Promise<void> {
  let version: { server: string; cluster: string }
  try {
    version = await etcd.version()
  } catch (error) {
    throw new OrdererError('ETCD_UNREACHABLE', `etcd is unreachable at ${endpoints.join(', ')}`, {
      details: { endpoints: [...endpoints] },
      cause: error,
    })
  }
  const [major = 0, minor = 0] = version.server.split('.').map(Number)
  const [wantMajor, wantMinor] = MIN_ETCD_VERSION
  if (major !== wantMajor || minor < wantMinor) {
    throw new OrdererError(
      'ETCD_VERSION',
      `etcd ${version.server || '(unknown version)'} is not supported; ${wantMajor}.${wantMinor} or a later 3.x is needed`,
      { details: { server: version.server, cluster: version.cluster } },
    )
  }
}
