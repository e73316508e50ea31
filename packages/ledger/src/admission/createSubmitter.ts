import { LIMITS, ProtocolError } from '@tabularium/protocol'
import type { PendingTransaction } from '../sequencer/createBlockCommitter.js'
import type { Sequencer } from '../sequencer/createSequencer.js'
import type { SubmitResult } from '../types.js'
import type { VerifierPool } from '../workers/createVerifierPool.js'
import type { AdmissionResult, Admitted, PrecheckJob } from './createAdmission.js'
import type { NonceGuard } from './createNonceGuard.js'
import { refusal } from './refusal.js'

/** Parameters of `createSubmitter`. */
export interface CreateSubmitterParameters {
  admit(value: unknown): AdmissionResult
  pool: VerifierPool
  nonces: NonceGuard
  sequencer: Sequencer<PendingTransaction>
  maxPending: number
  /** Called once per refusal, with its code (for the stats). */
  onRefused(code: string): void
  isStopping(): boolean
}

/** Submission: admission, signature checks, ordering. */
export interface Submitter {
  submit(transactions: unknown[], options?: { receipts?: boolean }): Promise<SubmitResult[]>
  /** Admitted transactions not yet answered. */
  readonly pending: number
  /** Resolves when every admitted transaction has been answered. */
  drained(): Promise<void>
}

interface Group {
  ready: boolean
  items: PendingTransaction[]
}

/**
 * Runs a submission through admission, verifies the admitted signatures in the
 * worker pool, and hands the survivors to the sequencer. Submissions are
 * ordered as they arrived: a batch whose signatures are checked first still
 * waits for the batches before it.
 *
 * @example const { submit } = createSubmitter({ admit, pool, nonces, sequencer, maxPending, onRefused, isStopping })
 */
export function createSubmitter(p: CreateSubmitterParameters): Submitter {
  const groups: Group[] = []
  let pending = 0
  const waiters: (() => void)[] = []
  const settled = (count: number) => {
    pending -= count
    if (pending === 0) for (const wake of waiters.splice(0)) wake()
  }
  const release = () => {
    while (groups[0]?.ready) p.sequencer.enqueue((groups.shift() as Group).items)
  }
  const refuse = (error: unknown, txid?: string) => {
    const result = refusal(error, txid)
    p.onRefused(result.error.code)
    return result
  }
  return {
    get pending() {
      return pending
    },
    drained: () => (pending === 0 ? Promise.resolve() : new Promise<void>((wake) => waiters.push(wake))),
    async submit(transactions, { receipts = false } = {}) {
      const results: SubmitResult[] = new Array(transactions.length)
      const admitted: Admitted[] = []
      const slots: number[] = []
      for (const [at, value] of transactions.entries()) {
        const early = earlyRefusal(p, transactions.length, pending + admitted.length)
        const answer = early === undefined ? p.admit(value) : { ok: false as const, error: early }
        if (answer.ok) {
          admitted.push(answer.admitted)
          slots.push(at)
        } else results[at] = refuse(answer.error, answer.txid)
      }
      if (admitted.length === 0) return results
      pending += admitted.length
      const group: Group = { ready: false, items: [] }
      groups.push(group)
      const [flags] = await Promise.all([verify(p.pool, admitted), precheck(p.pool, admitted)])
      // One promise per submission, not per transaction: the block committer
      // fills `results` in place and the last answer resolves it.
      let waiting = 0
      let done!: () => void
      const answered = new Promise<void>((resolve) => (done = resolve))
      admitted.forEach((a, i) => {
        const at = slots[i] as number
        if (flags[i] === true) {
          waiting++
          group.items.push({
            admitted: a,
            receipt: receipts,
            resolve: (result) => {
              results[at] = result
              settled(1)
              if (--waiting === 0) done()
            },
          })
          return
        }
        p.nonces.release(a.tx.signer, a.tx.nonce)
        settled(1)
        const error =
          flags.length === 0
            ? new Error('signature verification failed to run')
            : new ProtocolError('INVALID_SIGNATURE', "the signature does not verify with the signer's key")
        results[at] = refuse(error, a.txid)
      })
      group.ready = true
      release()
      if (waiting > 0) await answered
      return results
    },
  }
}

async function verify(pool: VerifierPool, admitted: Admitted[]): Promise<boolean[]> {
  try {
    return await pool.verify(
      admitted.map((a) => ({ publicJwk: a.publicJwk, data: a.signingInput, signature: a.signature })),
    )
  } catch {
    return [] // the pool failed: every transaction of the batch is refused INTERNAL
  }
}

// Runs the admitted transactions' prechecks in the workers, grouped by
// module, and hands each answer to its action before anything is ordered.
// A failure costs nothing but speed: the actions then check inline.
async function precheck(pool: VerifierPool, admitted: Admitted[]): Promise<void> {
  const byWorker = new Map<string, PrecheckJob[]>()
  for (const { precheck } of admitted) {
    if (precheck === undefined) continue
    const jobs = byWorker.get(precheck.worker) ?? []
    jobs.push(precheck)
    byWorker.set(precheck.worker, jobs)
  }
  await Promise.all(
    [...byWorker].map(async ([worker, jobs]) => {
      const results = await pool
        .precheck(
          worker,
          jobs.map((j) => j.job),
        )
        .catch(() => [])
      jobs.forEach((job, i) => {
        const result = results[i]
        if (result === undefined || result === null) return
        try {
          job.accept(result)
        } catch {
          // as if not prechecked
        }
      })
    }),
  )
}

function earlyRefusal(p: CreateSubmitterParameters, count: number, inFlight: number): ProtocolError | undefined {
  if (p.isStopping()) return new ProtocolError('NODE_STOPPED', 'the node is shutting down')
  if (count > LIMITS.maxBatchTransactions) {
    return new ProtocolError(
      'PAYLOAD_TOO_LARGE',
      `a submission holds at most ${LIMITS.maxBatchTransactions} transactions`,
    )
  }
  if (inFlight >= p.maxPending)
    return new ProtocolError('OVERLOADED', 'too many transactions are waiting; retry shortly')
  return undefined
}
