import assert from 'node:assert/strict'
import type { ReceiptTrust } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import { createLedger } from '../createLedger.js'
import { etcdOrderer } from '../orderer/etcd/etcdOrderer.js'
import type { OrdererDefinition } from '../orderer/types.js'
import type { Ledger, NodeKeys } from '../types.js'
import { createNodeKeys, createSigner, createTempDir, signTransaction, type TestSigner } from './fixtures.js'
import { governance, registry } from './testModules.js'

/** Options of one node of a `createTwoMemberNetwork`. */
export interface OpenNodeOptions {
  clock?: () => number
  /** Another orderer than the etcd orderer on the network's prefix (a test's own consumer). */
  orderer?: OrdererDefinition
}

/** Two member organisations sharing one etcd: one genesis, a file per node. */
export interface TwoMemberNetwork {
  tmp: ReturnType<typeof createTempDir>
  genesis: Genesis
  /** Org A's signer (it holds `registrar`). */
  member: TestSigner
  trust: ReceiptTrust
  /** Where the nodes' batches are, in etcd. */
  prefix: string
  openA(options?: OpenNodeOptions): Promise<Ledger>
  openB(options?: OpenNodeOptions): Promise<Ledger>
}

const quiet = { error: () => {}, warn: () => {} }

/**
 * A two-member network on a real etcd whose batches go under
 * `/test/<name>/`: each node on its own file in a temporary directory (node
 * A in `a.db`, B in `b.db`), the test governance and registry modules.
 *
 * @example const net = createTwoMemberNetwork({ endpoints: etcd.endpoints, name: 'restart' }); const a = await net.openA()
 */
export function createTwoMemberNetwork(p: { endpoints: readonly string[]; name: string }): TwoMemberNetwork {
  const tmp = createTempDir()
  const member = createSigner()
  const a = createNodeKeys('node-a')
  const b = createNodeKeys('node-b')
  const genesis: Genesis = {
    v: 1,
    network: 'testnet',
    origin: 'tabularium.test/etcd',
    createdAt: '2026-01-01T00:00:00.000Z',
    members: [
      { id: 'org-a', name: 'Org A', did: member.did, logKey: a.logKey, witnessKey: a.witnessKey },
      { id: 'org-b', name: 'Org B', did: createSigner().did, logKey: b.logKey, witnessKey: b.witnessKey },
    ],
    governanceThreshold: 1,
    witnessQuorum: 1,
    roles: {},
    memberRoles: ['registrar'],
  }
  const prefix = `/test/${p.name}/`
  const open = (keys: NodeKeys, file: string, options: OpenNodeOptions = {}): Promise<Ledger> =>
    createLedger({
      genesis,
      keys,
      modules: [governance, registry],
      path: tmp.path(file),
      verifierThreads: 1,
      logger: quiet,
      orderer: options.orderer ?? etcdOrderer({ endpoints: p.endpoints, prefix, proposer: file }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    })
  const trust = {
    origin: genesis.origin,
    logKeys: [a.logKey, b.logKey],
    witnessKeys: [a.witnessKey, b.witnessKey],
    witnessQuorum: 1,
  }
  return {
    tmp,
    genesis,
    member,
    trust,
    prefix,
    openA: (options) => open(a.keys, 'a.db', options),
    openB: (options) => open(b.keys, 'b.db', options),
  }
}

/** A registry `set` of `key`, signed by `signer`. */
export const setTx = (signer: TestSigner, key: string) =>
  signTransaction({ signer, module: 'registry', action: 'set', args: { key, value: `value of ${key}` } })

/** Waits until every ledger's tree holds `size` entries; fails after `timeoutMs`, naming the sizes reached. */
export async function converged(ledgers: Ledger[], size: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (ledgers.some((l) => l.checkpoint().treeSize < size)) {
    if (Date.now() > deadline) {
      assert.fail(`no convergence: sizes ${ledgers.map((l) => l.checkpoint().treeSize).join(', ')}, wanted ${size}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Asserts that two ledgers have the same head: size, root, state digest and time. */
export function assertSameHead(x: Ledger, y: Ledger): void {
  const cx = x.checkpoint()
  const cy = y.checkpoint()
  assert.equal(cx.treeSize, cy.treeSize)
  assert.deepEqual(Buffer.from(cx.rootHash), Buffer.from(cy.rootHash))
  assert.equal(cx.stateDigest, cy.stateDigest)
  assert.equal(cx.time, cy.time)
}
