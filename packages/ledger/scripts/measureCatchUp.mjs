#!/usr/bin/env node
// Catch-up from the log: one node orders N transactions through a real etcd
// on 127.0.0.1, then a node with an empty file starts and replays every
// batch (each transaction's signature verified, each block executed and
// committed). Prints the catch-up time and rate as JSON.
// Usage: node packages/ledger/scripts/measureCatchUp.mjs [--tx 20000] [--batch 250]
import { parseArgs } from 'node:util'
import { createLedger, etcdOrderer } from '../dist/index.js'
import { createNodeKeys, createSigner, createTempDir, signTransaction } from '../dist/testing/fixtures.js'
import { startEtcd } from '../dist/testing/startEtcd.js'
import { registry } from '../dist/testing/testModules.js'

const { values } = parseArgs({
  options: { tx: { type: 'string', default: '20000' }, batch: { type: 'string', default: '250' } },
})
const total = Number(values.tx)
const batch = Number(values.batch)
const etcd = await startEtcd()
const tmp = createTempDir()
const [a, b] = [createNodeKeys('node-a'), createNodeKeys('node-b')]
const member = createSigner()
const genesis = {
  v: 1,
  network: 'testnet',
  origin: 'tabularium.test/catch-up',
  createdAt: '2026-01-01T00:00:00.000Z',
  members: [
    { id: 'org-a', name: 'Org A', did: member.did, logKey: a.logKey, witnessKey: a.witnessKey },
    { id: 'org-b', name: 'Org B', did: createSigner().did, logKey: b.logKey, witnessKey: b.witnessKey },
  ],
  governanceThreshold: 1,
  witnessQuorum: 1,
  roles: {},
  memberRoles: [],
}
const quiet = { error() {}, warn() {} }
const open = (keys, file) =>
  createLedger({
    genesis,
    keys,
    modules: [registry],
    path: tmp.path(file),
    logger: quiet,
    orderer: etcdOrderer({ endpoints: etcd.endpoints }),
  })
const writer = await open(a.keys, 'a.db')
const signers = Array.from({ length: 100 }, () => createSigner())
for (let done = 0; done < total; done += batch) {
  const txs = Array.from({ length: Math.min(batch, total - done) }, (_, i) =>
    signTransaction({
      signer: signers[(done + i) % signers.length],
      module: 'registry',
      action: 'set',
      args: { key: `k${done + i}`, value: 'v' },
    }),
  )
  await writer.submit(txs)
}
const size = writer.checkpoint().treeSize
await writer.close() // the joining node alone on the machine
const started = performance.now()
const joining = await open(b.keys, 'b.db')
while (joining.checkpoint().treeSize < size) await new Promise((resolve) => setTimeout(resolve, 5))
const seconds = (performance.now() - started) / 1000
await joining.close()
console.log(
  JSON.stringify({
    entries: size,
    batch,
    seconds: Number(seconds.toFixed(2)),
    entriesPerSecond: Math.round(size / seconds),
  }),
)
await etcd.stop()
tmp.remove()
