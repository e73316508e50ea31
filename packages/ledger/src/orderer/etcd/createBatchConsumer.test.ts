import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { SignedTransaction } from '@tabularium/protocol'
import { compactEtcd } from '../../testing/compactEtcd.js'
import { startEtcd, type TestEtcd } from '../../testing/startEtcd.js'
import { assertSameHead, converged, createTwoMemberNetwork, setTx } from '../../testing/twoMemberNetwork.js'
import { waitFor } from '../../testing/waitFor.js'
import type { Ledger } from '../../types.js'
import type { VerifierPool } from '../../workers/createVerifierPool.js'
import type { OrdererDefinition } from '../types.js'
import { BATCH_VERSION, encodeBatch } from './batchCodec.js'
import { type BatchConsumer, createBatchConsumer } from './createBatchConsumer.js'
import { createEtcdClient, type EtcdClient } from './etcdClient.js'
import { ETCD_PROGRESS_NOTIFY_MS } from './etcdMemberArgs.js'
import { b64 } from './etcdWire.js'
import { readStoredRevision } from './readStoredRevision.js'

let etcd: TestEtcd

before(async () => {
  etcd = await startEtcd()
})
after(async () => {
  await etcd?.stop()
})

/** A batch as any member could write it straight into etcd. */
const batchOf = (txs: SignedTransaction[]) =>
  encodeBatch({ v: BATCH_VERSION, proposer: 'writer', time: Date.now(), txs })

async function deleteKey(endpoint: string, key: string): Promise<void> {
  const response = await fetch(`${endpoint}/v3/kv/deleterange`, {
    method: 'POST',
    body: JSON.stringify({ key: b64(key) }),
  })
  assert.equal(response.status, 200, await response.text())
}

test('a node that catches up after a batch key was rewritten and another deleted ends where a node that watched live ends', async () => {
  const net = createTwoMemberNetwork({ endpoints: etcd.endpoints, name: 'rewritten' })
  const client = createEtcdClient({ endpoints: etcd.endpoints })
  const put = (name: string, keys: string[]) =>
    client.put(`${net.prefix}${name}`, batchOf(keys.map((key) => setTx(net.member, key))))
  const a = await net.openA()
  let b: Ledger | undefined = await net.openB()
  try {
    await put('w1', ['k1'])
    await converged([a, b], 1)
    await b.close()
    b = undefined
    await put('w2', ['k2', 'k3'])
    await put('w3', ['k4'])
    await put('w4', ['k5'])
    // While B is down, a member rewrites a batch with other valid bytes and deletes another.
    await put('w2', ['rewritten'])
    await deleteKey(etcd.endpoints[0] as string, `${net.prefix}w3`)
    await put('w5', ['k6'])
    // A watched it all: w2, w3, w4, w2 again (a new transaction) and w5.
    await converged([a], 7)
    b = await net.openB()
    // A range would give B the rewritten w2 at its later revision only, and no w3: other blocks
    // from its second on (the divergence alarm would then halt it, outvoted).
    await converged([b], 7, 10_000)
    assertSameHead(a, b)
    assert.ok(b.state('registry', 'item/k4') !== undefined)
    assert.equal(b.health().status, 'ok')
  } finally {
    await a.close()
    await b?.close()
    net.tmp.remove()
  }
})

/** A pool whose signature checks finish one after another, `delayMs` apart: batches apply slowly. */
function slowPool(pool: VerifierPool, delayMs: number): VerifierPool {
  let turn: Promise<unknown> = Promise.resolve()
  return {
    verify(items) {
      const done = turn
        .then(() => new Promise((resolve) => setTimeout(resolve, delayMs)))
        .then(() => pool.verify(items))
      turn = done.catch(() => {})
      return done
    },
    precheck: (worker, jobs) => pool.precheck(worker, jobs),
    close: () => pool.close(),
  }
}

/**
 * An orderer that only consumes, slowly (see `slowPool`), and counts, each
 * time the watch hands it a batch, how many batches were handed over and
 * are not yet applied.
 */
function slowConsumer(p: { prefix: string; maxQueued: number; delayMs: number }) {
  const client = createEtcdClient({ endpoints: etcd.endpoints })
  const read: number[] = []
  const probe = {
    maxAhead: 0,
    read,
    caughtUpAt: undefined as number | undefined,
    consumer: undefined as BatchConsumer | undefined,
  }
  const applied = () => probe.consumer?.revision ?? 0
  const counting: EtcdClient = {
    ...client,
    watch: (w) =>
      client.watch({
        ...w,
        onPut(kv) {
          read.push(kv.modRevision)
          probe.maxAhead = Math.max(probe.maxAhead, read.filter((r) => r > applied()).length)
          return w.onPut(kv)
        },
      }),
  }
  const orderer: OrdererDefinition = {
    kind: 'etcd',
    sharedTime: true,
    connect: async () => (ctx) => {
      const consumer = createBatchConsumer({
        ctx: { ...ctx, pool: slowPool(ctx.pool, p.delayMs) },
        etcd: counting,
        prefix: p.prefix,
        awaiting: new Map(),
        maxQueued: p.maxQueued,
        onHalt: (error) => assert.fail(String(error)),
        onCaughtUp: () => {
          probe.caughtUpAt ??= applied()
        },
      })
      probe.consumer = consumer
      return { enqueue() {}, queued: 0, stop: () => consumer.stop() }
    },
  }
  return { orderer, probe, applied }
}

test('with a slow apply, the watch is read at most maxQueued batches ahead, catching up and live', async () => {
  const net = createTwoMemberNetwork({ endpoints: etcd.endpoints, name: 'read-ahead' })
  const client = createEtcdClient({ endpoints: etcd.endpoints })
  const put = (i: number) => client.put(`${net.prefix}${i}`, batchOf([setTx(net.member, `k${i}`)]))
  let history = 0
  for (let i = 0; i < 24; i++) history = await put(i)
  const { orderer, probe, applied } = slowConsumer({ prefix: net.prefix, maxQueued: 4, delayMs: 20 })
  const b = await net.openB({ orderer })
  try {
    // Once the watch runs (its start read etcd's latest batch), more batches arrive live.
    await waitFor('the first batch read', () => probe.read.length > 0)
    let last = 0
    for (let i = 24; i < 36; i++) last = await put(i)
    await waitFor('every batch applied', () => applied() >= last)
    assert.equal(b.checkpoint().treeSize, 36)
    assert.equal(probe.read.length, 36)
    // Never more than 4, and 4 indeed: parsing and checking still run ahead of applying.
    assert.equal(probe.maxAhead, 4)
    // Caught up when the batches etcd held at the start were applied, not before, not later.
    assert.equal(probe.caughtUpAt, history)
  } finally {
    await b.close()
    net.tmp.remove()
  }
})

test("an idle node records etcd's revision from a progress notification, so that it restarts after a compaction", async () => {
  const own = await startEtcd() // compacted below: an etcd of its own
  const net = createTwoMemberNetwork({ endpoints: own.endpoints, name: 'progress' })
  const client = createEtcdClient({ endpoints: own.endpoints })
  const currentRevision = async () =>
    (await client.range({ prefix: '/', minModRevision: 0, limit: 1 }).catch(() => ({ revision: 0 }))).revision
  let a: Ledger | undefined = await net.openA()
  try {
    await client.put(`${net.prefix}1`, batchOf([setTx(net.member, 'k1')]))
    await converged([a], 1)
    // Other keys move etcd's revision past the last batch, as the members' cosignatures do.
    for (let i = 0; i < 3; i++) await client.put(`/test/progress-other/${i}`, Buffer.from('x'))
    const path = net.tmp.path('a.db')
    await waitFor(
      "etcd's revision recorded",
      async () => readStoredRevision(path) === (await currentRevision()),
      ETCD_PROGRESS_NOTIFY_MS * 5,
    )
    await a.close()
    a = undefined
    await compactEtcd(own.endpoints[0] as string)
    // Had it recorded the last batch's revision only, this would be ETCD_COMPACTED.
    a = await net.openA()
    await client.put(`${net.prefix}2`, batchOf([setTx(net.member, 'k2')]))
    await converged([a], 2)
  } finally {
    await a?.close()
    await own.stop()
    net.tmp.remove()
  }
})
