import type { SignedTransaction } from '@tabularium/protocol'

/** Version of the batch format written to etcd. */
export const BATCH_VERSION = 1

/**
 * One batch as stored in etcd: the proposer's name (for diagnostics), its
 * clock when it cut the batch — the block's time on every node, so that all
 * produce the same leaves — and the signed transactions, in order.
 */
export interface Batch {
  v: typeof BATCH_VERSION
  proposer: string
  time: number
  txs: SignedTransaction[]
}

/** Serialises a batch as the value of one etcd put. */
export function encodeBatch(batch: Batch): Buffer {
  return Buffer.from(JSON.stringify(batch))
}

/**
 * Parses a stored batch, treating it as hostile: any member (or anyone with
 * access to etcd) can write one. Returns undefined when the envelope is
 * malformed; each transaction is checked on its own later.
 *
 * @example const batch = decodeBatch(kv.value); if (batch === undefined) skip()
 */
export function decodeBatch(value: Buffer): { proposer: string; time: number; txs: unknown[] } | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(value.toString('utf8'))
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const b = parsed as Record<string, unknown>
  if (b.v !== BATCH_VERSION || typeof b.proposer !== 'string' || !Array.isArray(b.txs)) return undefined
  if (typeof b.time !== 'number' || !Number.isSafeInteger(b.time) || b.time < 0) return undefined
  return { proposer: b.proposer, time: b.time, txs: b.txs }
}
