import { ApiError, getNetwork, getReceipt, getTransaction } from '../api/client.js'
import type { NetworkInfo } from '../api/types.js'
import type { Receipt } from './receipt.js'

/**
 * Whether a citizen's receipt must be the final one: when the genesis asks
 * for more than one member's cosignature, a receipt carrying only this
 * node's own does not meet the quorum and would not verify. A sandbox
 * (quorum 1) keeps the node's receipt.
 *
 * @example needsFinalReceipt({ witnessQuorum: 2 }) // true
 */
export function needsFinalReceipt(network: Pick<NetworkInfo, 'witnessQuorum'>): boolean {
  return network.witnessQuorum > 1
}

/** Parameters of `fetchFinalReceipt`. */
export interface FetchFinalReceiptParameters {
  index: number
  /** Tries in all, including the first (default 6). */
  attempts?: number
  /** Pause between tries (default 2.5 s). */
  delayMs?: number
  /** Told before each pause: the page shows "waiting for the members' cosignatures". */
  onWaiting?: (attempt: number) => void
  fetchReceipt?: (index: number) => Promise<Receipt>
  sleep?: (ms: number) => Promise<void>
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The receipt of entry `index` against the latest final checkpoint, asking
 * again while the node answers `NOT_FINAL` (the members have not cosigned
 * that far yet); after the last try the `NOT_FINAL` error is thrown.
 *
 * @example const receipt = await fetchFinalReceipt({ index: 41, onWaiting: () => setWaiting(true) })
 */
export async function fetchFinalReceipt({
  index,
  attempts = 6,
  delayMs = 2_500,
  onWaiting,
  fetchReceipt = (i) => getReceipt(i, { final: true }),
  sleep = pause,
}: FetchFinalReceiptParameters): Promise<Receipt> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchReceipt(index)
    } catch (error) {
      if (!isNotFinal(error) || attempt >= attempts) throw error
      onWaiting?.(attempt)
      await sleep(delayMs)
    }
  }
}

/** True for the node's "no final checkpoint holds that entry yet". */
export function isNotFinal(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NOT_FINAL'
}

/**
 * The receipt to show or print for a transaction: the node's own in a
 * sandbox, the final one when the genesis quorum needs other members'
 * cosignatures (asking again while they have not cosigned yet).
 *
 * @example const receipt = await receiptForTransaction({ txid, onWaiting: () => setWaiting(true) })
 */
export async function receiptForTransaction({
  txid,
  onWaiting,
}: {
  txid: string
  onWaiting?: (attempt: number) => void
}): Promise<Receipt> {
  const [tx, network] = await Promise.all([getTransaction(txid), getNetwork()])
  if (!needsFinalReceipt(network)) return tx.receipt
  return fetchFinalReceipt(onWaiting ? { index: tx.index, onWaiting } : { index: tx.index })
}
