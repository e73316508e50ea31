import { OrdererError } from '../ordererError.js'

/**
 * The ETCD_COMPACTED error of a node whose ledger file stands at etcd
 * revision `revision` when etcd has compacted the history after it: the
 * batches it still needs may be gone (a batch deleted before the compaction
 * leaves no trace), so it must not catch up from the log. The message says
 * what to do instead, for the operator who reads it at start.
 *
 * @example throw compactedHistory(0)
 */
export function compactedHistory(revision: number, cause?: unknown): OrdererError {
  const needs =
    revision === 0
      ? "etcd no longer holds this network's first batches"
      : `etcd no longer holds the batches after revision ${revision} that this ledger file needs`
  const move = revision === 0 ? '' : 'move ledger.sqlite (and its -wal and -shm files) out of the data directory, then '
  return new OrdererError(
    'ETCD_COMPACTED',
    `${needs} (its history was compacted), so this node cannot catch up from the log. ` +
      `Join from a member's verified snapshot instead: ${move}start the node with --join-from <URL of a member's node> ` +
      '(config joinFrom; see "Joining a network" in apps/node/README.md).',
    { details: { revision }, ...(cause === undefined ? {} : { cause }) },
  )
}

/** True when etcd refused a read at a revision for this reason ('compacted' or 'future revision'). */
export function isRevisionRefusal(error: unknown, reason: 'compacted' | 'future revision'): boolean {
  if (!(error instanceof OrdererError) || error.code !== 'ETCD_REQUEST_FAILED') return false
  const body = error.details?.body
  return (
    typeof body === 'string' &&
    body.includes(`required revision ${reason === 'compacted' ? 'has been compacted' : 'is a future revision'}`)
  )
}
