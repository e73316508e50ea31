import { randomBytes } from 'node:crypto'
import type { PrivateJwk } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import type { Receipt } from '@tabularium/log'
import { buildTransaction, createClient, type SubmitResult, signTransaction } from '@tabularium/sdk'

/** A transaction a node acknowledged, with its receipt and when the answer came. */
export interface Acknowledgement {
  txid: string
  index: number
  receipt: Receipt
  /** Which target acknowledged it (index into `targets`). */
  node: number
  /** `performance.now()` when the answer arrived. */
  at: number
}

/** Where a workload client sends, and as whom it signs. */
export interface WorkloadTarget {
  url: string
  did: string
  privateJwk: PrivateJwk
}

/** A running workload. */
export interface Workload {
  /** Every acknowledged transaction so far, in answer order. */
  readonly acks: Acknowledgement[]
  /** Failed requests and refused transactions, by code (`NETWORK` when the request did not complete). */
  readonly failures: Map<string, number>
  /** Acknowledgements by `node` since `since` (a `performance.now()` time). */
  acksSince(since: number, node?: number): number
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<void>
}

/** Parameters of `startNotaryWorkload`. */
export interface StartNotaryWorkloadParameters {
  network: string
  targets: readonly WorkloadTarget[]
  /** Concurrent clients per target, each with one batch in flight. */
  clientsPerTarget?: number
  batchSize?: number
  /** How long a client waits before retrying after a failure. */
  backoffMs?: number
  /** Deadline of one request (an etcd partition holds a batch up to the orderer's retry budget). */
  requestTimeoutMs?: number
  /** Acknowledgements are appended here (default a new array). */
  acks?: Acknowledgement[]
}

/**
 * A client workload of signed notary stamps over HTTP: for each target,
 * `clientsPerTarget` loops submit batches with wait=true, record every
 * acknowledged stamp with its receipt, and on a failure (node killed,
 * refused, overloaded) back off and go on with new transactions — until
 * `stop()`.
 *
 * @example const load = startNotaryWorkload({ network, targets }); …; await load.stop(); load.acks.length
 */
export function startNotaryWorkload(p: StartNotaryWorkloadParameters): Workload {
  const { clientsPerTarget = 2, batchSize = 20, backoffMs = 100, requestTimeoutMs = 60_000 } = p
  const acks = p.acks ?? []
  const failures = new Map<string, number>()
  const fail = (code: string) => failures.set(code, (failures.get(code) ?? 0) + 1)
  const stopping = new AbortController()
  const loop = async (node: number) => {
    const target = p.targets[node] as WorkloadTarget
    const client = createClient({ baseUrl: target.url })
    while (!stopping.signal.aborted) {
      const transactions = await Promise.all(
        Array.from({ length: batchSize }, () => signStamp({ network: p.network, target })),
      )
      let results: SubmitResult[]
      try {
        const signal = AbortSignal.timeout(requestTimeoutMs)
        results = (await client.submitBatch({ transactions, wait: true, signal })).results
      } catch (error) {
        fail((error as { code?: string }).code ?? 'NETWORK')
        await sleep(backoffMs, stopping.signal)
        continue
      }
      const at = performance.now()
      let refused = false
      for (const r of results) {
        if (r.ok && r.receipt !== undefined) acks.push({ txid: r.txid, index: r.index, receipt: r.receipt, node, at })
        else {
          refused = true
          fail(r.ok ? 'NO_RECEIPT' : r.error.code)
        }
      }
      if (refused) await sleep(backoffMs, stopping.signal)
    }
  }
  const running = Promise.all(
    p.targets.flatMap((_, node) => Array.from({ length: clientsPerTarget }, () => loop(node))),
  )
  return {
    acks,
    failures,
    acksSince(since, node) {
      let n = 0
      for (let i = acks.length - 1; i >= 0 && (acks[i] as Acknowledgement).at >= since; i--) {
        if (node === undefined || (acks[i] as Acknowledgement).node === node) n++
      }
      return n
    },
    async stop() {
      stopping.abort()
      await running
    },
  }
}

/**
 * The longest time between consecutive acknowledgements answered within
 * [from, to] (the gaps at the window's edges count too), and where it was.
 *
 * @example longestAckGap(load.acks, killedAt - 1000, performance.now()).ms
 */
export function longestAckGap(
  acks: readonly Acknowledgement[],
  from: number,
  to: number,
): { ms: number; startedAt: number } {
  const times = [...new Set(acks.filter((a) => a.at >= from && a.at <= to).map((a) => a.at))].sort((a, b) => a - b)
  const points = [from, ...times, to]
  let best = { ms: 0, startedAt: from }
  for (let i = 1; i < points.length; i++) {
    const gap = (points[i] as number) - (points[i - 1] as number)
    if (gap > best.ms) best = { ms: gap, startedAt: points[i - 1] as number }
  }
  return best
}

/**
 * A signed notary stamp by the target's organisation: of `hash`, or of a
 * random one.
 *
 * @example const transaction = await signStamp({ network, target, hash })
 */
export function signStamp({
  network,
  target,
  hash = randomBytes(32).toString('hex'),
  title,
}: {
  network: string
  target: WorkloadTarget
  hash?: string
  title?: string
}) {
  const tx = buildTransaction({
    network,
    module: 'notary',
    action: 'stamp',
    args: title === undefined ? { hash } : { hash, title },
    signer: target.did,
  })
  return signTransaction({ tx, sign: (data) => signBytes({ privateJwk: target.privateJwk, data }) })
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', wake)
      resolve()
    }
    const timer = setTimeout(wake, ms)
    signal.addEventListener('abort', wake, { once: true })
  })
}
