import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { verifyCheckpoint, verifyReceipt } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import Database from 'better-sqlite3'
import { createLedger } from '../createLedger.js'
import { etcdOrderer } from '../orderer/etcd/etcdOrderer.js'
import { createNodeKeys, createSigner, createTempDir, signTransaction, type TestSigner } from '../testing/fixtures.js'
import { startEtcd, type TestEtcd } from '../testing/startEtcd.js'
import { governance, registry } from '../testing/testModules.js'
import { waitFor } from '../testing/waitFor.js'
import type { Ledger } from '../types.js'

const quiet = { error: () => {}, warn: () => {} }
let etcd: TestEtcd

before(async () => {
  etcd = await startEtcd()
})
after(async () => {
  await etcd?.stop()
})

/** Three members, a majority quorum (2), one node each on a shared etcd. */
function createNetwork(prefix: string) {
  const tmp = createTempDir()
  const nodes = ['a', 'b', 'c'].map((id) => ({
    id: `org-${id}`,
    ...createNodeKeys(`node-${id}`),
    signer: createSigner(),
  }))
  const genesis: Genesis = {
    v: 1,
    network: 'testnet',
    origin: 'tabularium.test/final',
    createdAt: '2026-01-01T00:00:00.000Z',
    members: nodes.map((n) => ({
      id: n.id,
      name: n.id,
      did: n.signer.did,
      logKey: n.logKey,
      witnessKey: n.witnessKey,
    })),
    governanceThreshold: 2,
    witnessQuorum: 2,
    roles: {},
    memberRoles: [],
  }
  const trust = {
    origin: genesis.origin,
    logKeys: nodes.map((n) => n.logKey),
    witnessKeys: nodes.map((n) => n.witnessKey),
    witnessQuorum: 2,
  }
  const open = (i: number, extra: { integrityIntervalMs?: number } = {}): Promise<Ledger> =>
    createLedger({
      ...extra,
      genesis,
      keys: (nodes[i] as (typeof nodes)[number]).keys,
      modules: [governance, registry],
      path: tmp.path(`${i}.db`),
      verifierThreads: 1,
      logger: quiet,
      orderer: etcdOrderer({
        endpoints: etcd.endpoints,
        prefix: `/test/${prefix}/batches/`,
        cosignaturePrefix: `/test/${prefix}/cosignatures/`,
        proposer: `node-${i}`,
      }),
    })
  const keys = (i: number) => (nodes[i] as (typeof nodes)[number]).keys
  return { tmp, genesis, trust, open, keys, path: (i: number) => tmp.path(`${i}.db`) }
}

const set = (signer: TestSigner, key: string) =>
  signTransaction({ signer, module: 'registry', action: 'set', args: { key, value: `value of ${key}` } })

test('a checkpoint cosigned by a quorum of members is final on every node, and final receipts verify against the genesis quorum', async () => {
  const net = createNetwork('final')
  const ledgers = await Promise.all([0, 1, 2].map((i) => net.open(i)))
  try {
    const user = createSigner()
    const results = await Promise.all(
      ledgers.map((l, n) =>
        l.submit(
          [0, 1, 2, 3, 4].map((i) => set(user, `k${n}-${i}`)),
          { receipts: 'final' },
        ),
      ),
    )
    for (const r of results.flat()) {
      assert.ok(r.ok && r.final === true && r.receipt !== undefined, JSON.stringify(r))
      const verified = verifyReceipt({ receipt: r.receipt, trust: net.trust })
      assert.ok(verified.cosigners.length >= 2)
    }
    const size = Math.max(...ledgers.map((l) => l.checkpoint().treeSize))
    await waitFor('final checkpoints on all nodes', () => ledgers.every((l) => l.finalCheckpoint()?.treeSize === size))
    for (const ledger of ledgers) {
      const final = ledger.finalCheckpoint()
      assert.ok(final !== undefined)
      const { cosigners } = verifyCheckpoint({ note: final.note, ...net.trust })
      assert.ok(cosigners.length >= 2, `cosigned by ${cosigners.join(', ')}`)
      assert.deepEqual(Buffer.from(final.rootHash), Buffer.from(ledger.checkpoint().rootHash))
      assert.ok(ledger.finalCheckpoints(10).length >= 1)
      await waitFor('every member seen', () => ledger.members().every((m) => m.status === 'ok' || m.status === 'self'))
      assert.equal(ledger.members().filter((m) => m.status === 'self').length, 1)
      assert.equal(ledger.health().status, 'ok')
      assert.equal(ledger.stats().finalTreeSize, size)
    }
    // A receipt asked for later is proved against the latest final checkpoint.
    const receipt = ledgers[2]?.receipt(0, { final: true })
    assert.ok(receipt !== undefined)
    assert.equal(verifyReceipt({ receipt, trust: net.trust }).checkpoint.treeSize, size)
    // Without a quorum a node's own checkpoint (one cosignature) does not verify.
    const own = ledgers[0]?.receipt(0)
    assert.ok(own !== undefined)
    assert.throws(() => verifyReceipt({ receipt: own, trust: net.trust }), { code: 'WITNESS_QUORUM_NOT_MET' })
  } finally {
    await Promise.all(ledgers.map((l) => l.close()))
    net.tmp.remove()
  }
})

test('a node whose file was altered behind its back computes another root, is outvoted, stops cosigning and writing; the others go on', async () => {
  const net = createNetwork('diverge')
  // c's integrity scrubber would catch the planted row first (watchLedgerFile.test): off, to test divergence.
  const ledgers = await Promise.all([net.open(0), net.open(1), net.open(2, { integrityIntervalMs: 0 })])
  const [a, b, c] = ledgers as [Ledger, Ledger, Ledger]
  try {
    const user = createSigner()
    await a.submit([set(user, 'before')], { receipts: 'final' })
    // Behind node c's back: an item that does not exist on the ledger.
    const intruder = new Database(net.path(2))
    intruder.prepare("INSERT INTO state (module, key, value, idx) VALUES ('registry', 'item/planted', '{}', 0)").run()
    intruder.close()
    // Setting it is accepted on a and b, refused on c: c's leaf, and so its root, differ.
    const [planted] = await a.submit([set(user, 'planted')])
    assert.ok(planted?.ok && planted.outcome.status === 'accepted')
    await waitFor('node c to stop', () => c.health().status === 'stopped')
    const health = c.health()
    assert.ok(health.status === 'stopped' && health.reason === 'diverged', JSON.stringify(health))
    const [refused] = await c.submit([set(user, 'after-c')])
    assert.ok(refused !== undefined && !refused.ok && refused.error.code === 'NODE_STOPPED')
    // a and b flag c, keep finalising without it.
    await waitFor('a and b to see that c stopped', () =>
      [a, b].every((l) => l.members().find((m) => m.id === 'org-c')?.haltReason === 'diverged'),
    )
    const [later] = await b.submit([set(user, 'later')], { receipts: 'final' })
    assert.ok(later?.ok && later.final === true && later.receipt !== undefined)
    const { cosigners } = verifyReceipt({ receipt: later.receipt, trust: net.trust })
    assert.deepEqual([...cosigners].sort(), ['node-a.witness', 'node-b.witness'])
    assert.equal(a.health().status, 'ok')
    assert.equal(b.health().status, 'ok')
  } finally {
    await Promise.all(ledgers.map((l) => l.close()))
    net.tmp.remove()
  }
})

test('a single embedded node with quorum 1 finalises its own checkpoints', async () => {
  const tmp = createTempDir()
  const node = createNodeKeys('solo')
  const signer = createSigner()
  const genesis: Genesis = {
    v: 1,
    network: 'testnet',
    origin: 'tabularium.test/solo',
    createdAt: '2026-01-01T00:00:00.000Z',
    members: [{ id: 'solo', name: 'Solo', did: signer.did, logKey: node.logKey, witnessKey: node.witnessKey }],
    governanceThreshold: 1,
    witnessQuorum: 1,
    roles: {},
    memberRoles: [],
  }
  const ledger = await createLedger({
    genesis,
    keys: node.keys,
    modules: [registry],
    path: tmp.path('solo.db'),
    logger: quiet,
  })
  try {
    const [r] = await ledger.submit([set(signer, 'x')], { receipts: 'final' })
    assert.ok(r?.ok && r.final === true && r.receipt !== undefined)
    const trust = { origin: genesis.origin, logKeys: [node.logKey], witnessKeys: [node.witnessKey], witnessQuorum: 1 }
    assert.equal(verifyReceipt({ receipt: r.receipt, trust }).checkpoint.treeSize, 1)
    assert.deepEqual(ledger.finalCheckpoint()?.cosigners, ['solo'])
    assert.throws(() => ledger.receipt(5, { final: true }), { code: 'NOT_FOUND' })
  } finally {
    await ledger.close()
    tmp.remove()
  }
})

test('a file ordered by the embedded orderer is refused by the etcd orderer, and the other way round', async () => {
  const net = createNetwork('switch')
  const keys = createNodeKeys('node-a') // not a member: the refusal comes before anything is signed
  await (await net.open(0)).close() // node 0's file: created with the etcd orderer
  const embedded = await createLedger({
    genesis: net.genesis,
    keys: keys.keys,
    modules: [governance, registry],
    path: net.tmp.path('embedded.db'),
    logger: quiet,
  })
  try {
    const [r] = await embedded.submit([set(createSigner(), 'solo')])
    assert.ok(r?.ok)
  } finally {
    await embedded.close()
  }
  await assert.rejects(
    createLedger({
      genesis: embedded.genesis,
      keys: keys.keys,
      modules: [governance, registry],
      path: net.tmp.path('embedded.db'),
      logger: quiet,
      orderer: etcdOrderer({ endpoints: etcd.endpoints, prefix: '/test/switch/batches/' }),
    }),
    { code: 'CONFLICT', message: /ordered by the embedded orderer/ },
  )
  // Node 0's file was created with etcd (empty so far: its kind is recorded at creation).
  await assert.rejects(
    createLedger({
      genesis: embedded.genesis,
      keys: keys.keys,
      modules: [governance, registry],
      path: net.path(0),
      logger: quiet,
    }),
    { code: 'CONFLICT', message: /ordered by the etcd orderer/ },
  )
  net.tmp.remove()
})

test('without a quorum nothing is final: a final receipt is NOT_FINAL, a final submit answers final: false in time', async () => {
  const net = createNetwork('alone')
  // One member of three, on its own (embedded): its cosignature alone never makes a quorum of 2.
  const ledger = await createLedger({
    genesis: net.genesis,
    keys: net.keys(0),
    modules: [governance, registry],
    path: net.tmp.path('alone.db'),
    logger: quiet,
  })
  try {
    const [r] = await ledger.submit([set(createSigner(), 'alone')], { receipts: 'final', finalTimeoutMs: 300 })
    assert.ok(r?.ok && r.final === false && r.receipt !== undefined, JSON.stringify(r))
    assert.throws(() => ledger.receipt(r.index, { final: true }), { code: 'NOT_FINAL' })
    await assert.rejects(ledger.whenFinal(r.index, 100), { code: 'NOT_FINAL' })
    assert.equal(ledger.finalCheckpoint(), undefined)
  } finally {
    await ledger.close()
    net.tmp.remove()
  }
})
