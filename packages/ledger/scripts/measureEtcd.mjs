#!/usr/bin/env node
// Throughput of the etcd orderer: N ledgers (one process, each its own file
// and verifier thread) share one real etcd on 127.0.0.1; the workload is
// split across them and a run ends when every node holds every entry.
// Usage: node packages/ledger/scripts/measureEtcd.mjs [--nodes 2] [--tx 20000] [--batch 250] [--members 1]
import { parseArgs } from 'node:util'
import { createLedger, etcdOrderer } from '../dist/index.js'
import { createNodeKeys, createSigner, createTempDir, signTransaction } from '../dist/testing/fixtures.js'
import { startEtcd } from '../dist/testing/startEtcd.js'
import { registry } from '../dist/testing/testModules.js'

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '2' },
    tx: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '250' },
    members: { type: 'string', default: '1' },
  },
})
const nodes = Number(values.nodes),
  total = Number(values.tx),
  batch = Number(values.batch)
const etcd = await startEtcd({ members: Number(values.members) })
const tmp = createTempDir()
const keys = Array.from({ length: nodes }, (_, i) => createNodeKeys(`node-${i}`))
const member = createSigner()
const genesis = {
  v: 1,
  network: 'testnet',
  origin: 'tabularium.test/bench',
  createdAt: '2026-01-01T00:00:00.000Z',
  members: keys.map((k, i) => ({
    id: `org-${i}`,
    name: `Org ${i}`,
    did: i === 0 ? member.did : createSigner().did,
    logKey: k.logKey,
    witnessKey: k.witnessKey,
  })),
  governanceThreshold: 1,
  witnessQuorum: 1,
  roles: {},
  memberRoles: [],
}
const ledgers = await Promise.all(
  keys.map((k, i) =>
    createLedger({
      genesis,
      keys: k.keys,
      modules: [registry],
      path: tmp.path(`n${i}.db`),
      verifierThreads: 1,
      logger: { error: (d, m) => console.error(m, d), warn: () => {} },
      orderer: etcdOrderer({ endpoints: etcd.endpoints, proposer: `n${i}` }),
    }),
  ),
)
const signers = Array.from({ length: 200 }, () => createSigner())
const txs = Array.from({ length: total }, (_, i) =>
  signTransaction({ signer: signers[i % 200], module: 'registry', action: 'set', args: { key: `k${i}`, value: 'v' } }),
)
const started = performance.now()
let next = 0
const worker = async (ledger) => {
  while (next < total) {
    const from = next
    next += batch
    const slice = txs.slice(from, from + batch)
    const r = await ledger.submit(slice)
    if (r.some((x) => !x.ok)) throw new Error(JSON.stringify(r.find((x) => !x.ok)))
  }
}
await Promise.all(ledgers.flatMap((l) => Array.from({ length: 8 }, () => worker(l))))
const acked = performance.now()
while (ledgers.some((l) => l.checkpoint().treeSize < total)) await new Promise((r) => setTimeout(r, 5))
const converged = performance.now()
const heads = ledgers.map((l) => l.checkpoint())
const same = heads.every(
  (h) => Buffer.compare(h.rootHash, heads[0].rootHash) === 0 && h.stateDigest === heads[0].stateDigest,
)
console.log(
  JSON.stringify({
    nodes,
    etcdMembers: Number(values.members),
    transactions: total,
    ackedTxPerSecond: Math.round(total / ((acked - started) / 1000)),
    allNodesTxPerSecond: Math.round(total / ((converged - started) / 1000)),
    blocks: ledgers[0].stats().blocks,
    identical: same,
  }),
)
for (const l of ledgers) await l.close()
await etcd.stop()
tmp.remove()
