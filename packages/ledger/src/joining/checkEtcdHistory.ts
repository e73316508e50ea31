import { createEtcdClient } from '../orderer/etcd/etcdClient.js'

/**
 * Resolves when etcd still holds its history after `revision`, so a ledger
 * file that applied the batches up to it can continue from the log; throws
 * ETCD_COMPACTED otherwise (or ETCD_UNREACHABLE). A joining node asks before
 * installing a snapshot, so a snapshot it could not continue from is never
 * installed.
 *
 * @example await checkEtcdHistory({ endpoints: ['http://127.0.0.1:2379'], revision: verified.revision ?? 0 })
 */
export async function checkEtcdHistory(p: {
  endpoints: readonly string[]
  revision: number
  requestTimeoutMs?: number
}): Promise<void> {
  const etcd = createEtcdClient({ endpoints: p.endpoints, requestTimeoutMs: p.requestTimeoutMs ?? 2_000 })
  await etcd.checkHistory(p.revision + 1)
}
