import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import { verifyReceipt } from '@tabularium/log'
import { auditLedger } from '../../audit/auditLedger.js'
import { createLedger } from '../../createLedger.js'
import { createNodeKeys, createSigner, signTransaction } from '../../testing/fixtures.js'
import { startEtcd, type TestEtcd } from '../../testing/startEtcd.js'
import { governance, registry } from '../../testing/testModules.js'
import { assertSameHead, converged, createTwoMemberNetwork, setTx as set } from '../../testing/twoMemberNetwork.js'
import type { SubmitResult } from '../../types.js'
import { createEtcdClient } from './etcdClient.js'
import { etcdOrderer } from './etcdOrderer.js'

const quiet = { error: () => {}, warn: () => {} }
let etcd: TestEtcd

before(async () => {
  etcd = await startEtcd()
})
after(async () => {
  await etcd?.stop()
})

const createNetwork = (name: string) => createTwoMemberNetwork({ endpoints: etcd.endpoints, name })

function okOf(results: SubmitResult[]): (SubmitResult & { ok: true })[] {
  for (const r of results) assert.ok(r.ok, JSON.stringify(r))
  return results as (SubmitResult & { ok: true })[]
}

test('refuses to start when etcd is unreachable, with a clear error', async () => {
  const { tmp, genesis } = createNetwork('unreachable')
  const { keys } = createNodeKeys()
  try {
    await assert.rejects(
      createLedger({
        genesis,
        keys,
        modules: [registry],
        path: tmp.path('x.db'),
        logger: quiet,
        orderer: etcdOrderer({ endpoints: ['http://127.0.0.1:9'], requestTimeoutMs: 500 }),
      }),
      { name: 'OrdererError', code: 'ETCD_UNREACHABLE', message: 'etcd is unreachable at http://127.0.0.1:9' },
    )
  } finally {
    tmp.remove()
  }
})

test('a put without failover tries one member and fails; the next call goes to the next member', async () => {
  const client = createEtcdClient({ endpoints: ['http://127.0.0.1:9', ...etcd.endpoints], requestTimeoutMs: 1_000 })
  await assert.rejects(client.put('/test/failover/a', Buffer.from('a'), { failover: false }), {
    code: 'ETCD_UNREACHABLE',
  })
  assert.ok((await client.put('/test/failover/b', Buffer.from('b'), { failover: false })) > 0)
  const { kvs } = await client.range({ prefix: '/test/failover/', minModRevision: 0, limit: 10 })
  assert.deepEqual(
    kvs.map((kv) => kv.key),
    ['/test/failover/b'],
  )
})

test('refuses to start on an etcd older than 3.4', async () => {
  const server = createServer((_, res) => res.end(JSON.stringify({ etcdserver: '3.3.27', etcdcluster: '3.3.0' })))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { tmp, genesis } = createNetwork('old')
  try {
    await assert.rejects(
      createLedger({
        genesis,
        keys: createNodeKeys().keys,
        modules: [registry],
        path: tmp.path('x.db'),
        logger: quiet,
        orderer: etcdOrderer({ endpoints: [`http://127.0.0.1:${(server.address() as AddressInfo).port}`] }),
      }),
      { code: 'ETCD_VERSION', message: 'etcd 3.3.27 is not supported; 3.4 or a later 3.x is needed' },
    )
  } finally {
    server.close()
    tmp.remove()
  }
})

test('two nodes sharing etcd produce identical checkpoints for a concurrent workload', async () => {
  const net = createNetwork('identical')
  // Skewed clocks: block times must come from the batches, not the local clock.
  const a = await net.openA({ clock: () => Date.now() + 5_000 })
  const b = await net.openB({ clock: () => Date.now() - 5_000 })
  try {
    const signers = Array.from({ length: 8 }, () => createSigner())
    const submissions: Promise<SubmitResult[]>[] = []
    for (let round = 0; round < 10; round++) {
      for (const [i, signer] of signers.entries()) {
        const node = i % 2 === 0 ? a : b
        // The same keys from both sides: the later write of a key wins the same way everywhere.
        submissions.push(node.submit([set(signer, `k${round % 3}`), set(signer, `r${round}-${i}`)], { receipts: true }))
      }
    }
    // One transaction sent to both nodes is ordered once. Its second submitter
    // gets the same receipt when it admitted the transaction before the other
    // node's batch reached it, and REPLAYED when that batch came first (the
    // nonce is then used); either way the entry is the same on both nodes.
    const twice = set(net.member, 'twice')
    const twiceAnswers = Promise.all([a.submit([twice], { receipts: true }), b.submit([twice], { receipts: true })])
    const acked = okOf((await Promise.all(submissions)).flat())
    assert.equal(acked.length, 160)
    const answers = (await twiceAnswers).flat()
    const twiceAcked = answers.filter((r): r is SubmitResult & { ok: true } => r.ok)
    assert.ok(twiceAcked.length >= 1, JSON.stringify(answers))
    for (const r of answers) if (!r.ok) assert.equal(r.error.code, 'REPLAYED')
    assert.equal(new Set(twiceAcked.map((r) => r.index)).size, 1)
    acked.push(...twiceAcked)
    const expected = 161
    await converged([a, b], expected)
    assertSameHead(a, b)
    for (const r of acked) {
      assert.ok(r.receipt)
      verifyReceipt({ receipt: r.receipt, trust: net.trust })
      assert.equal(a.transaction(r.txid)?.index, r.index)
      assert.equal(b.transaction(r.txid)?.index, r.index)
    }
    assert.deepEqual(a.state('registry', 'k1'), b.state('registry', 'k1'))
  } finally {
    await a.close()
    await b.close()
  }
  // Each file passes the full audit (re-execution, signatures, times, nonces).
  for (const file of ['a.db', 'b.db']) {
    const verdict = await auditLedger({
      path: net.tmp.path(file),
      genesis: net.genesis,
      modules: [governance, registry],
      verifierThreads: 0,
    })
    assert.equal(verdict.ok, true, JSON.stringify(verdict))
  }
  net.tmp.remove()
})

test('a restarted node catches up from etcd and converges; no acknowledged transaction is lost', async () => {
  const net = createNetwork('restart')
  let a = await net.openA()
  let b = await net.openB()
  const signer = createSigner()
  const acked: (SubmitResult & { ok: true })[] = []
  try {
    acked.push(...okOf(await b.submit([set(signer, 'before')])))
    await b.close()
    // While B is down, A keeps ordering and acknowledging.
    for (let i = 0; i < 20; i++)
      acked.push(...okOf(await a.submit([set(signer, `while-down-${i}`), set(createSigner(), 'x')])))
    await a.close() // A restarts too: it resumes from its stored revision, replaying nothing twice
    a = await net.openA()
    b = await net.openB()
    acked.push(...okOf(await b.submit([set(signer, 'after')])))
    await converged([a, b], 42)
    assertSameHead(a, b)
    for (const r of acked) {
      assert.equal(a.transaction(r.txid)?.index, r.index)
      assert.equal(b.transaction(r.txid)?.index, r.index)
    }
    // A replayed nonce is refused at ordering, on whichever node it arrives.
    const again = await a.submit([set(signer, 'before')])
    assert.equal(again[0]?.ok, true)
    const replay = signTransaction({
      signer,
      module: 'registry',
      action: 'set',
      args: { key: 'y', value: 'y' },
      nonce: 'fixed',
    })
    await a.submit([replay])
    // Once b holds a's block the nonce is used there too (before, b would answer with a's entry).
    await converged([b], a.checkpoint().treeSize)
    const [refused] = await b.submit([replay])
    assert.equal(refused?.ok, false)
    assert.equal(refused?.ok === false && refused.error.code, 'REPLAYED')
  } finally {
    await a.close()
    await b.close()
    net.tmp.remove()
  }
})
