import { randomUUID } from 'node:crypto'
import { ProtocolError } from '@tabularium/protocol'
import type { Admitted } from '../../admission/createAdmission.js'
import type { PendingTransaction } from '../../sequencer/createBlockCommitter.js'
import type { LedgerLogger } from '../../sequencer/logger.js'
import { BATCH_VERSION, encodeBatch } from './batchCodec.js'
import type { EtcdClient } from './etcdClient.js'

/** Parameters of `createBatchProposer`. */
export interface CreateBatchProposerParameters {
  etcd: EtcdClient
  /** Key prefix of the network's batches. */
  prefix: string
  proposer: string
  clock: () => number
  logger: LedgerLogger
  maxBlockSize: number
  blockIntervalMs: number
  /** Puts in flight at once; while they run, the next batch fills (few large puts, DESIGN §2.4). */
  maxInFlight: number
  /** Bytes of transactions per batch at most (etcd refuses requests over 1.5 MiB by default). */
  maxBatchBytes: number
  /** How long a batch is retried before its submitters are answered OVERLOADED. */
  retryBudgetMs: number
  /** Registers transactions as awaiting their block, before their batch is written. */
  onProposed(items: readonly PendingTransaction[]): void
  /** The batch could not be written: answer these. */
  onFailed(items: readonly PendingTransaction[], error: ProtocolError): void
  /** Where each batch is noted, by key, before it is written (for the consumer: see `SentBatch`). */
  sent?: Map<string, SentBatch>
}

/**
 * A batch as this node wrote it: its bytes, its time and the transactions it
 * admitted. When the consumer meets the same bytes under the same key it
 * takes the transactions from here instead of parsing them again.
 */
export interface SentBatch {
  value: Buffer
  time: number
  admitted: Admitted[]
}

/** Batches noted at most, so that one never consumed (its put given up) is dropped in time. */
const SENT_LIMIT = 32

/** The write half of the etcd orderer. */
export interface BatchProposer {
  enqueue(items: readonly PendingTransaction[]): void
  readonly queued: number
  /** Resolves once everything enqueued has been written (or given up). */
  flush(): Promise<void>
}

/**
 * Cuts admitted transactions into batches and appends each as one etcd put
 * under a unique key. A put that fails or times out is retried (on the next
 * member) under a new key: a batch written twice is harmless, as every node
 * drops the second copy's transactions deterministically (their nonces are
 * already used).
 *
 * @example const proposer = createBatchProposer({ etcd, prefix, proposer: 'org-a', clock, … })
 */
export function createBatchProposer(p: CreateBatchProposerParameters): BatchProposer {
  const boot = randomUUID()
  let queue: PendingTransaction[] = []
  let inFlight = 0
  let sequence = 0
  let timer: NodeJS.Timeout | undefined
  const idle: (() => void)[] = []
  const cut = () => {
    clearTimeout(timer)
    timer = undefined
    while (queue.length > 0 && inFlight < p.maxInFlight) {
      const batch = takeBatch()
      inFlight++
      void send(batch).finally(() => {
        inFlight--
        if (queue.length > 0) schedule()
        else if (inFlight === 0) for (const wake of idle.splice(0)) wake()
      })
    }
  }
  const schedule = () => {
    if (queue.length === 0 || inFlight >= p.maxInFlight) return
    if (queue.length >= p.maxBlockSize) setImmediate(cut)
    else timer ??= setTimeout(cut, p.blockIntervalMs)
  }
  const takeBatch = () => {
    let bytes = 0
    let n = 0
    while (n < queue.length && n < p.maxBlockSize) {
      bytes += (queue[n] as PendingTransaction).admitted.txJcs.length + 200
      if (n > 0 && bytes > p.maxBatchBytes) break
      n++
    }
    const batch = queue.slice(0, n)
    queue = queue.slice(n)
    return batch
  }
  const noteSent = (key: string, batch: SentBatch) => {
    if (p.sent === undefined) return
    if (p.sent.size >= SENT_LIMIT) p.sent.delete(p.sent.keys().next().value as string)
    p.sent.set(key, batch)
  }
  const send = async (items: PendingTransaction[]) => {
    p.onProposed(items)
    const name = `${p.prefix}${p.proposer}/${boot}/${String(++sequence).padStart(12, '0')}`
    const time = p.clock()
    const value = encodeBatch({
      v: BATCH_VERSION,
      proposer: p.proposer,
      time,
      txs: items.map((item) => ({ tx: item.admitted.tx, sig: item.admitted.sig })),
    })
    const deadline = Date.now() + p.retryBudgetMs
    for (let attempt = 0; ; attempt++) {
      // Each attempt under a key of its own, on one member (the next attempt
      // goes to the next), never over an earlier one: an attempt that failed
      // on our side (a timeout, a leader that died before answering) may have
      // been committed all the same. A second version of its key once moved
      // the batch to a later revision for a node that caught up by range (a
      // range sees a key's last version only) while a node that watched
      // applied it at the first, and the two cut different blocks; nodes now
      // catch up through the watch's history, which has every version, but
      // one version per key keeps that history plain.
      // (A create-only txn instead cost etcd ~70 % more CPU per batch.)
      const key = attempt === 0 ? name : `${name}.${attempt}`
      noteSent(key, { value, time, admitted: items.map((item) => item.admitted) })
      try {
        await p.etcd.put(key, value, { failover: false })
        return
      } catch (error) {
        if (Date.now() >= deadline) {
          p.logger.error(
            { err: error, key: name },
            'etcd did not take a batch; its transactions are answered OVERLOADED',
          )
          p.onFailed(items, new ProtocolError('OVERLOADED', 'the ordering service is unavailable; retry shortly'))
          return
        }
        // Short and capped: a new leader is usually there within a second of the old one's death.
        await sleep(Math.min(200, 25 * 2 ** attempt))
      }
    }
  }
  return {
    enqueue(items) {
      for (const item of items) queue.push(item)
      schedule()
    },
    get queued() {
      return queue.length
    },
    flush() {
      cut()
      if (queue.length === 0 && inFlight === 0) return Promise.resolve()
      return new Promise<void>((wake) => idle.push(wake))
    },
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
