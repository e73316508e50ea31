import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Admitted } from '../../admission/createAdmission.js'
import type { PendingTransaction } from '../../sequencer/createBlockCommitter.js'
import { createBatchProposer } from './createBatchProposer.js'
import type { EtcdClient } from './etcdClient.js'

const pending = (nonce: string): PendingTransaction => ({
  admitted: { txJcs: '{}', tx: { nonce }, sig: 'sig' } as unknown as Admitted,
  receipt: false,
  resolve: () => {},
})

test('a put that failed after etcd committed it is retried under a new key, never over the first', async () => {
  const versions = new Map<string, number>()
  const values: Buffer[] = []
  let failNext = true
  const etcd = {
    async put(key: string, value: Buffer, options?: { failover?: boolean }) {
      assert.equal(options?.failover, false) // one member per attempt: no second put of the key behind our back
      versions.set(key, (versions.get(key) ?? 0) + 1)
      values.push(value)
      if (failNext) {
        failNext = false
        throw new Error('terminated: other side closed') // committed, and then the answer was lost
      }
      return values.length
    },
  } as unknown as EtcdClient
  const sent = new Map()
  const proposer = createBatchProposer({
    etcd,
    prefix: '/test/batches/',
    proposer: 'org-a',
    clock: () => 0,
    logger: { error() {}, warn() {} },
    maxBlockSize: 10,
    blockIntervalMs: 1,
    maxInFlight: 1,
    maxBatchBytes: 1_000_000,
    retryBudgetMs: 5_000,
    onProposed() {},
    onFailed: () => assert.fail('the batch was given up'),
    sent,
  })
  proposer.enqueue([pending('n1'), pending('n2')])
  await proposer.flush()
  // Two copies, each the first version of its own key: every node meets them
  // at the same revisions and drops the second copy alike. Both are noted for
  // this node's consumer.
  assert.deepEqual([...versions.values()], [1, 1])
  assert.deepEqual(values[0], values[1])
  assert.deepEqual([...sent.keys()], [...versions.keys()])
})
