import type { ProtocolError } from '@tabularium/protocol'
import { refusal } from '../../admission/refusal.js'
import type { PendingTransaction } from '../../sequencer/createBlockCommitter.js'
import { readMeta } from '../../store/meta.js'
import { OrdererError } from '../ordererError.js'
import type { OrdererContext } from '../types.js'
import { abortableSleep } from './abortableSleep.js'
import { decodeBatch } from './batchCodec.js'
import { type CheckBatchParameters, judgeBatch, type PreparedBatch, prepareBatch, verifyLate } from './checkBatch.js'
import { compactedHistory } from './compactedHistory.js'
import type { SentBatch } from './createBatchProposer.js'
import type { EtcdClient, EtcdKeyValue } from './etcdClient.js'
import { createReadAhead } from './readAhead.js'

/** The `meta` key holding the etcd revision of the last batch this file applied. */
export const REVISION_META_KEY = 'orderer.etcd.revision'

/** Parameters of `createBatchConsumer`. */
export interface CreateBatchConsumerParameters {
  ctx: OrdererContext
  etcd: EtcdClient
  prefix: string
  /** Own transactions waiting for their block, by txid; the consumer answers and removes them. */
  awaiting: Map<string, PendingTransaction>
  /**
   * Batches read from etcd and not yet applied, at most: the watch is read no
   * further meanwhile, so a long catch-up is not held in memory. Default 16.
   */
  maxQueued?: number
  /** Called when this node cannot go on (a block failed to commit): it must stop writing, never skip a block. */
  onHalt(error: unknown): void
  /** Called once per watch (it restarts after a failure), when the batches etcd held as it started are applied. */
  onCaughtUp?: (() => void) | undefined
  /** The batches this node wrote, by key (createBatchProposer's `sent`). */
  sent?: Map<string, SentBatch>
}

/** The read half of the etcd orderer. */
export interface BatchConsumer {
  /** The etcd revision of the last applied batch. */
  readonly revision: number
  /** Stops the watch; resolves after the batch being applied (if any) is committed. */
  stop(): Promise<void>
}

/**
 * Applies every batch under the network's prefix in etcd revision order,
 * through one watch from the last applied revision: etcd replays the history
 * after it (catch-up), then the new puts. A range would not do for the
 * catch-up: it returns a key's latest version only and no deleted key, so a
 * rewritten or deleted batch would be applied otherwise than by the nodes
 * that watched it live, and the nodes would fork. On any failure it waits
 * and starts over from the last applied revision. Each batch becomes one
 * block, committed with its revision in the same SQLite transaction, so a
 * restart resumes exactly after it.
 *
 * @example const consumer = createBatchConsumer({ ctx, etcd, prefix, awaiting, onHalt })
 */
export function createBatchConsumer(p: CreateBatchConsumerParameters): BatchConsumer {
  const { ctx } = p
  const db = ctx.store.db
  const storedUnexpired = db.prepare('SELECT expires FROM nonces WHERE signer = ? AND nonce = ?').pluck()
  const dropStale = db.prepare('DELETE FROM nonces WHERE signer = ? AND nonce = ? AND expires <= ?')
  const storeRevision = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
  const writeRevision = (value: number) => storeRevision.run(REVISION_META_KEY, String(value))
  // One read transaction for a batch's nonce lookups, not one WAL lock per lookup.
  const judge = db.transaction(judgeBatch)
  let revision = Number(readMeta(db, REVISION_META_KEY) ?? '0')
  // Outside a block's commit: written, then taken as applied.
  const recordRevision = (value: number) => {
    writeRevision(value)
    revision = value
  }
  const abort = new AbortController()
  let chain: Promise<void> = Promise.resolve()
  let halted = false

  // Parsing and foreign signatures depend on the bytes alone: started on arrival,
  // they run in the workers while the main thread commits the batches before.
  const prepare = (kv: EtcdKeyValue) => {
    const own = p.sent?.get(kv.key)
    p.sent?.delete(kv.key)
    if (own?.value.equals(kv.value)) return ownBatch(own)
    const batch = decodeBatch(kv.value)
    const prepared =
      batch === undefined
        ? undefined
        : prepareBatch({ txs: batch.txs, network: ctx.genesis.network, pool: ctx.pool, awaiting: p.awaiting })
    prepared?.catch(() => {}) // awaited (and its failure handled) by apply
    return { batch, prepared }
  }
  const apply = async (kv: EtcdKeyValue, { batch, prepared }: Prepared): Promise<void> => {
    if (halted || ctx.health.halted || kv.modRevision <= revision) return
    const record = () => writeRevision(kv.modRevision)
    if (batch === undefined || prepared === undefined) {
      ctx.logger.warn({ key: kv.key, revision: kv.modRevision }, 'a malformed batch in etcd is skipped')
      recordRevision(kv.modRevision)
      return
    }
    // Same rule as the committer's: a block's time never goes below its head's.
    const timeMs = Math.max(batch.time, Date.parse(ctx.store.head.time))
    const ready = await prepared
    await verifyLate(ready, { pool: ctx.pool, awaiting: p.awaiting })
    if (ctx.health.halted) return
    const checked = judge(ready, {
      timeMs,
      pool: ctx.pool,
      awaiting: p.awaiting,
      isStoredUnexpired(signer, nonce, at) {
        const expires = storedUnexpired.get(signer, nonce) as number | undefined
        if (expires === undefined) return false
        if (expires > at) return true
        dropStale.run(signer, nonce, at) // expired pair, pruned here or not yet: free again on every node
        return false
      },
    } satisfies CheckBatchParameters)
    const items: PendingTransaction[] = []
    for (const c of checked) {
      if (c.ok) items.push(c.own ?? { admitted: c.admitted, receipt: false, resolve: () => {} })
      else if (c.own !== undefined) answerRefused(c.own, c.error)
    }
    if (items.length === 0) record()
    else if (!ctx.commit(items, { timeMs, inTransaction: record })) {
      halted = true
      p.onHalt(new OrdererError('ETCD_REQUEST_FAILED', `the block of etcd revision ${kv.modRevision} failed to commit`))
      return
    }
    for (const item of items) p.awaiting.delete(item.admitted.txid)
    revision = kv.modRevision
  }
  const answerRefused = (own: PendingTransaction, error: ProtocolError) => {
    p.awaiting.delete(own.admitted.txid)
    ctx.nonces.release(own.admitted.tx.signer, own.admitted.tx.nonce)
    own.resolve(refusal(error, own.admitted.txid))
  }
  // A progress notification comes only to a synced watcher: every put up to
  // `etcdRevision` went into the chain before it, and this runs after them.
  // Recording that revision (not only the last batch's) keeps an idle node
  // that is up to date from looking behind a compaction that only removed
  // other keys' history (the cosignatures move etcd's revision too).
  const recordProgress = (etcdRevision: number) => {
    if (etcdRevision > revision && !halted && !ctx.health.halted) recordRevision(etcdRevision)
  }
  // onCaughtUp once the batches etcd held when the watch started are applied.
  const announceAt = (latest: number) => {
    let announced = false
    return () => {
      if (announced || halted || revision < latest) return
      announced = true
      p.onCaughtUp?.()
    }
  }

  let failures = 0
  // One watch from the last applied revision. Every batch and progress mark
  // goes through one chain, so they apply one at a time and in order; a batch
  // that fails to apply ends the watch (`onFailure`), to be read again.
  const follow = async (signal: AbortSignal, onFailure: (error: unknown) => void) => {
    // Batches deleted before a compaction leave no trace: behind one, the watch would skip them unseen.
    await p.etcd.checkHistory(revision + 1)
    const announce = announceAt(await p.etcd.latestModRevision(p.prefix))
    failures = 0
    announce()
    const holdBack = createReadAhead(p.maxQueued ?? 16)
    const inTurn = (step: () => void | Promise<void>) => {
      chain = chain.then(step).then(announce)
      chain.catch(onFailure)
      return chain
    }
    await p.etcd.watch({
      prefix: p.prefix,
      startRevision: revision + 1,
      signal,
      // Parsing and checking start on arrival (`prepare`), applying waits its turn.
      onPut(kv) {
        const ready: Prepared = kv.modRevision > revision ? prepare(kv) : { batch: undefined, prepared: undefined }
        return holdBack(inTurn(() => apply(kv, ready)))
      },
      onProgress: (etcdRevision) => void inTurn(() => recordProgress(etcdRevision)),
    })
    await chain
  }
  const run = async () => {
    while (!abort.signal.aborted && !halted) {
      const failed = new AbortController()
      try {
        await follow(AbortSignal.any([abort.signal, failed.signal]), (error) => failed.abort(error))
      } catch (error) {
        if (abort.signal.aborted) break
        failures++
        if (failures === 1 || failures % 20 === 0) logInterruption(failed.signal.aborted ? failed.signal.reason : error)
        await chain.catch(() => {})
        chain = Promise.resolve()
        await abortableSleep(Math.min(1_000, 50 * 2 ** Math.min(failures, 5)), abort.signal)
      }
    }
  }
  const logInterruption = (error: unknown) => {
    if (error instanceof OrdererError && error.code === 'ETCD_COMPACTED') {
      ctx.logger.error({ err: error }, compactedHistory(revision).message)
    } else {
      ctx.logger.warn({ err: error, revision }, 'etcd watch interrupted; resuming from the last applied revision')
    }
  }
  const running = run()
  return {
    get revision() {
      return revision
    },
    async stop() {
      abort.abort()
      await running
      await chain.catch(() => {})
    },
  }
}

type Prepared = { batch: { time: number } | undefined; prepared: Promise<PreparedBatch> | undefined }

/**
 * A batch this node wrote, met again byte for byte: its transactions are the
 * ones this node admitted (shape, network, signer and expiry checked, the
 * same checks `prepareBatch` makes), so they are not parsed again. Without
 * their parsed args and prechecks, as parsing the bytes would give them; the
 * signatures of those no longer awaited are checked by `verifyLate`.
 */
function ownBatch(own: SentBatch): Prepared {
  const staged = own.admitted.map(({ args: _args, precheck: _precheck, ...admitted }) => ({
    admitted,
    error: undefined,
  }))
  return { batch: { time: own.time }, prepared: Promise.resolve({ staged }) }
}
