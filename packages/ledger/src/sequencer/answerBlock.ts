import type { GetNode } from '@tabularium/log'
import type { NonceGuard } from '../admission/createNonceGuard.js'
import type { ExecutedBlock } from '../executor/executeBlock.js'
import { buildReceipt } from '../receipts/buildReceipt.js'
import type { CheckpointRow } from '../store/createBlockWriter.js'
import type { CommittedEvent, SubmitResult } from '../types.js'
import type { PendingTransaction } from './createBlockCommitter.js'

/**
 * The events of a committed block as subscribers and projections see them.
 * Parsing event data costs, so with `only` just those modules' events are
 * materialised.
 *
 * @example committedEvents(block, new Set(['notary']))
 */
export function committedEvents(block: ExecutedBlock, only: ReadonlySet<string> | undefined): CommittedEvent[] {
  return block.entries.flatMap((entry) =>
    (only === undefined ? entry.events : entry.events.filter((e) => only.has(e.module))).map((event) => ({
      module: event.module,
      type: event.type,
      data: JSON.parse(event.data) as Record<string, unknown>,
      txid: entry.txid,
      index: entry.index,
      time: block.time,
      signer: entry.signer,
    })),
  )
}

/**
 * Answers the submitters of a committed block, in order: index, outcome and,
 * when asked, a receipt against the block's checkpoint (its nodes are in
 * memory, so receipts read nothing from SQLite). Their nonces leave the
 * in-flight set: they are stored now.
 *
 * @example answerBlock({ items, block, leaves, checkpoint, nonces, getNode })
 */
export function answerBlock(p: {
  items: readonly PendingTransaction[]
  block: ExecutedBlock
  leaves: readonly Uint8Array[]
  checkpoint: CheckpointRow
  nonces: NonceGuard
  getNode: GetNode
}): void {
  for (const [i, item] of p.items.entries()) {
    const entry = p.block.entries[i]
    const leaf = p.leaves[i]
    if (entry === undefined || leaf === undefined) continue
    p.nonces.release(item.admitted.tx.signer, item.admitted.tx.nonce)
    const result: SubmitResult & { ok: true } = {
      ok: true,
      txid: entry.txid,
      index: entry.index,
      outcome: entry.outcome,
    }
    if (item.receipt) {
      const { treeSize, note } = p.checkpoint
      result.receipt = buildReceipt({ index: entry.index, txid: entry.txid, leaf, treeSize, note, getNode: p.getNode })
    }
    item.resolve(result)
  }
}
