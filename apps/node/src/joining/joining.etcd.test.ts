import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { auditLedger, type Ledger } from '@tabularium/ledger'
import { startEtcd, type TestEtcd } from '@tabularium/ledger/testing'
import { NODE_MODULES } from '../nodeModules.js'
import {
  createJoiningNetwork,
  proposeAndApprove,
  startMemberNode,
  submitAll,
  type TestMemberNode,
  waitForSize,
} from './joiningNetwork.js'

let etcd: TestEtcd
before(async () => {
  etcd = await startEtcd()
})
after(async () => {
  await etcd?.stop()
})

function assertSameHead(x: Ledger, y: Ledger): void {
  const [cx, cy] = [x.checkpoint(), y.checkpoint()]
  assert.equal(cx.treeSize, cy.treeSize)
  assert.deepEqual(Buffer.from(cx.rootHash), Buffer.from(cy.rootHash))
  assert.equal(cx.stateDigest, cy.stateDigest)
}

/** `rounds` submissions of `size` notary stamps, alternating between the founders' nodes. */
async function workload(
  net: ReturnType<typeof createJoiningNetwork>,
  nodes: TestMemberNode[],
  rounds: number,
  size = 50,
) {
  let last = -1
  for (let i = 0; i < rounds; i++) {
    const member = net.members[i % 2] as (typeof net.members)[0]
    const txs = Array.from({ length: size }, () => net.stamp(member))
    last = Math.max(last, await submitAll((nodes[i % 2] as TestMemberNode).node.ledger, txs))
  }
  return last
}

const notAMember = (node: TestMemberNode) => node.lines.filter((line) => /not a member/.test(line.msg))

describe('a member admitted by governance catches up from the log', () => {
  test('replays every batch from etcd, reaches the identical checkpoint, is not warned about, cosigns and keeps up', async () => {
    const net = createJoiningNetwork({ network: 'join-log' })
    const [orgA, orgB, orgC] = net.members
    const a = await startMemberNode({ dir: net.dataDir('a', orgA.nodeKeys), etcdEndpoints: etcd.endpoints })
    const b = await startMemberNode({ dir: net.dataDir('b', orgB.nodeKeys), etcdEndpoints: etcd.endpoints })
    const started: TestMemberNode[] = [a, b]
    try {
      await workload(net, [a, b], 40)
      const admitted = await proposeAndApprove({
        net,
        proposer: { ledger: a.node.ledger, member: orgA },
        approver: { ledger: b.node.ledger, member: orgB },
        change: net.admitC,
      })
      const size = admitted + 1
      await waitForSize([a.node.ledger, b.node.ledger], size)
      const begun = performance.now()
      const c = await startMemberNode({ dir: net.dataDir('c', orgC.nodeKeys), etcdEndpoints: etcd.endpoints })
      started.push(c)
      await waitForSize([c.node.ledger], size)
      const seconds = (performance.now() - begun) / 1000
      console.log(
        `# catch-up from the log: ${size} entries in ${seconds.toFixed(2)} s (${Math.round(size / seconds)} entries/s)`,
      )
      assertSameHead(a.node.ledger, c.node.ledger)
      assertSameHead(b.node.ledger, c.node.ledger)
      assert.deepEqual(notAMember(c), [], JSON.stringify(c.lines.filter((l) => l.level >= 40)))

      // C signs as a member now: its transactions are ordered everywhere.
      const index = await submitAll(c.node.ledger, [net.stamp(orgC)])
      await waitForSize([a.node.ledger, b.node.ledger, c.node.ledger], index + 1)
      assertSameHead(a.node.ledger, c.node.ledger)

      // With B stopped, only A and C can make a checkpoint final (quorum 2): C's cosignature counts.
      await b.node.stop()
      started.splice(started.indexOf(b), 1)
      const later = await submitAll(a.node.ledger, [net.stamp(orgA)])
      const final = await a.node.ledger.whenFinal(later, 20_000).catch((error: Error) => {
        // What A and C saw of each other, for the post-mortem of a finality that never came.
        const views = [a, c].map((n) => ({
          size: n.node.ledger.checkpoint().treeSize,
          members: n.node.ledger.members(),
        }))
        const problems = [a, c].flatMap((n) => n.lines.filter((line) => line.level >= 40))
        throw new Error(`${error.message}; A and C see ${JSON.stringify(views)}; ${JSON.stringify(problems)}`)
      })
      assert.ok(final.cosigners.includes(orgC.id), JSON.stringify(final.cosigners))
      assert.ok(!final.cosigners.includes(orgB.id))

      // C's file holds checkpoints C signed: the audit accepts a member governance admitted.
      await waitForSize([c.node.ledger], later + 1)
      await c.node.stop()
      started.splice(started.indexOf(c), 1)
      const verdict = await auditLedger({
        path: join(net.root, 'c', 'ledger.sqlite'),
        genesis: net.genesis,
        modules: NODE_MODULES,
      })
      assert.equal(verdict.ok, true, JSON.stringify(verdict))
    } finally {
      for (const n of started) await n.node.stop()
      net.remove()
    }
  })

  test('a node whose keys no member holds is warned about once it has caught up', async () => {
    const net = createJoiningNetwork({ network: 'join-observer' })
    const [orgA, , orgC] = net.members
    const a = await startMemberNode({ dir: net.dataDir('a', orgA.nodeKeys), etcdEndpoints: etcd.endpoints })
    try {
      await submitAll(a.node.ledger, [net.stamp(orgA)])
      // C's keys, never admitted.
      const c = await startMemberNode({ dir: net.dataDir('c', orgC.nodeKeys), etcdEndpoints: etcd.endpoints })
      try {
        await waitForSize([c.node.ledger], 1)
        const deadline = Date.now() + 5_000
        while (notAMember(c).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
        assert.equal(notAMember(c).length, 1)
      } finally {
        await c.node.stop()
      }
    } finally {
      await a.node.stop()
      net.remove()
    }
  })
})
