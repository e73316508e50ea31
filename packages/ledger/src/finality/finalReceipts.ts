import type { Receipt } from '@tabularium/log'
import { ProtocolError } from '@tabularium/protocol'
import type { LedgerReads } from '../reads/createReads.js'
import { buildReceipt } from '../receipts/buildReceipt.js'
import type { Pipeline } from '../sequencer/startPipeline.js'
import type { LedgerStore } from '../store/openLedgerStore.js'
import type { Ledger, SubmitResult } from '../types.js'
import type { Finality } from './createFinality.js'

/** How long `submit(…, { receipts: 'final' })` waits for a quorum by default. */
export const DEFAULT_FINAL_TIMEOUT_MS = 10_000

/**
 * A receipt against the latest final checkpoint: its note carries the
 * cosignatures of a quorum of members, so a client checks it against the
 * genesis's member keys and quorum alone.
 *
 * @example finalReceipt({ store, reads, finality, index: 41 })
 */
export function finalReceipt(p: {
  store: LedgerStore
  reads: LedgerReads
  finality: Finality
  index: number
}): Receipt {
  const record = p.reads.entry(p.index)
  if (record === undefined) throw new ProtocolError('NOT_FOUND', `no entry at index ${p.index}`)
  const final = p.finality.latest()
  if (final === undefined || p.index >= final.treeSize) {
    throw new ProtocolError(
      'NOT_FINAL',
      `entry ${p.index} is not yet in a checkpoint cosigned by a quorum of members`,
      {
        details: { index: p.index, finalTreeSize: final?.treeSize ?? 0 },
      },
    )
  }
  const { txid, leaf } = record
  return buildReceipt({
    index: p.index,
    txid,
    leaf,
    treeSize: final.treeSize,
    note: final.note,
    getNode: p.store.tree.getNode,
  })
}

/**
 * Submits, then waits until a quorum cosigned a checkpoint holding every
 * accepted transaction, and answers with receipts against it. When no quorum
 * comes in time the transactions are still committed: they are answered with
 * the node's own receipts and `final: false`.
 *
 * @example await submitFinal({ pipeline, finality, receipt, transactions, timeoutMs: 5_000 })
 */
export async function submitFinal(p: {
  pipeline: Pipeline
  finality: Finality
  receipt: Ledger['receipt']
  transactions: unknown[]
  timeoutMs: number | undefined
}): Promise<SubmitResult[]> {
  const results = await p.pipeline.submit(p.transactions, { receipts: true })
  const last = Math.max(-1, ...results.map((r) => (r.ok ? r.index : -1)))
  if (last < 0) return results
  try {
    await p.finality.whenFinal(last, p.timeoutMs ?? DEFAULT_FINAL_TIMEOUT_MS)
  } catch (error) {
    if (!(error instanceof ProtocolError) || error.code !== 'NOT_FINAL') throw error
    return results.map((r) => (r.ok ? { ...r, final: false } : r))
  }
  return results.map((r) => (r.ok ? { ...r, receipt: p.receipt(r.index, { final: true }), final: true } : r))
}
