import { ProtocolError } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { readMeta, writeMeta } from '../store/meta.js'
import { REVISION_META_KEY } from './etcd/createBatchConsumer.js'

/** The `meta` key recording which orderer a ledger file's blocks came from. */
export const ORDERER_META_KEY = 'orderer.kind'

/**
 * Refuses to open a file with another orderer than the one that ordered its
 * blocks: an embedded ledger's history is not in etcd, so the other members'
 * nodes could never replay it, and an etcd member's file continued alone
 * would fork from the network. Files from before this key are recognised by
 * the etcd revision the etcd orderer stores.
 *
 * @example checkOrdererKind({ db: store.db, kind: 'etcd', treeSize: store.head.treeSize })
 */
export function checkOrdererKind(p: { db: Database; kind: string; treeSize: number }): void {
  const recorded = readMeta(p.db, ORDERER_META_KEY)
  const inferred = p.treeSize === 0 ? undefined : readMeta(p.db, REVISION_META_KEY) === undefined ? 'embedded' : 'etcd'
  const previous = recorded ?? inferred
  if (previous !== undefined && previous !== p.kind) {
    throw new ProtocolError(
      'CONFLICT',
      `this ledger file was ordered by the ${previous} orderer and cannot continue with the ${p.kind} one; start a new file (a network's members join it from the log or a snapshot)`,
      { details: { recorded: previous, configured: p.kind } },
    )
  }
  if (recorded === undefined) writeMeta(p.db, ORDERER_META_KEY, p.kind)
}
