import assert from 'node:assert/strict'
import { createReadStream, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Ledger } from '@tabularium/ledger'
import { compactEtcd, startEtcd, type TestEtcd } from '@tabularium/ledger/testing'
import Database from 'better-sqlite3'
import { SQLITE_MEDIA_TYPE } from '../routes/snapshotRoutes.js'
import {
  createJoiningNetwork,
  filesIn,
  proposeAndApprove,
  startMemberNode,
  submitAll,
  type TestMemberNode,
  waitForSize,
} from './joiningNetwork.js'

const DATA_DIR_FILES = ['genesis.json', 'node-keys.json']

let etcd: TestEtcd
let net: ReturnType<typeof createJoiningNetwork>
let a: TestMemberNode
let b: TestMemberNode

// One network for every test: founders A and B, C admitted, etcd compacted.
before(async () => {
  etcd = await startEtcd()
  net = createJoiningNetwork({ network: 'join-snapshot' })
  const [orgA, orgB] = net.members
  a = await startMemberNode({ dir: net.dataDir('a', orgA.nodeKeys), etcdEndpoints: etcd.endpoints })
  b = await startMemberNode({ dir: net.dataDir('b', orgB.nodeKeys), etcdEndpoints: etcd.endpoints })
  for (let i = 0; i < 100; i++) {
    const member = i % 2 === 0 ? orgA : orgB
    await submitAll(
      (i % 2 === 0 ? a : b).node.ledger,
      Array.from({ length: 50 }, () => net.stamp(member)),
    )
  }
  await proposeAndApprove({
    net,
    proposer: { ledger: a.node.ledger, member: orgA },
    approver: { ledger: b.node.ledger, member: orgB },
    change: net.admitC,
  })
  await compactEtcd(etcd.endpoints[0] as string)
  // Ordered after the compaction: the snapshot's etcd revision is past it.
  const last = await submitAll(a.node.ledger, [net.stamp(orgA)])
  await waitForSize([a.node.ledger, b.node.ledger], last + 1)
})
after(async () => {
  await a?.node.stop()
  await b?.node.stop()
  await etcd?.stop()
  net?.remove()
})

function assertSameHead(x: Ledger, y: Ledger): void {
  const [cx, cy] = [x.checkpoint(), y.checkpoint()]
  assert.equal(cx.treeSize, cy.treeSize)
  assert.deepEqual(Buffer.from(cx.rootHash), Buffer.from(cy.rootHash))
  assert.equal(cx.stateDigest, cy.stateDigest)
}

/** Serves one file as `GET /v1/snapshot`, as a member's node would (or a hostile one). */
async function serveFile(path: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url !== '/v1/snapshot') return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': SQLITE_MEDIA_TYPE, 'content-length': statSync(path).size })
    createReadStream(path).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

/** A copy of A's snapshot, fetched over HTTP. */
async function fetchSnapshot(to: string): Promise<void> {
  const response = await fetch(`${a.node.url}/v1/snapshot`)
  assert.equal(response.status, 200)
  assert.equal(response.headers.get('content-type'), SQLITE_MEDIA_TYPE)
  await writeFile(to, Buffer.from(await response.arrayBuffer()))
}

async function refusedJoin(
  joinFrom: string,
  dir: string,
  code: string,
  message: RegExp,
  orderer: 'etcd' | 'embedded' = 'etcd',
): Promise<void> {
  await assert.rejects(
    startMemberNode(orderer === 'embedded' ? { dir, joinFrom } : { dir, joinFrom, etcdEndpoints: etcd.endpoints }),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, code)
      assert.match(error.message, message)
      return true
    },
  )
  assert.deepEqual(filesIn(dir), DATA_DIR_FILES)
}

describe('joining from a verified snapshot', () => {
  test('after etcd compaction the log cannot be replayed: the start fails saying how to join from a snapshot', async () => {
    const dir = net.dataDir('c-from-log', net.members[2].nodeKeys)
    await assert.rejects(
      startMemberNode({ dir, etcdEndpoints: etcd.endpoints }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'ETCD_COMPACTED')
        assert.match(error.message, /cannot catch up from the log/)
        assert.match(error.message, /--join-from <URL of a member's node>/)
        return true
      },
    )
    assert.deepEqual(filesIn(dir), DATA_DIR_FILES)
  })

  test("C joins from A's snapshot over HTTP, reaches the identical checkpoint and keeps up with new transactions", async () => {
    const dir = net.dataDir('c', net.members[2].nodeKeys)
    const begun = performance.now()
    const c = await startMemberNode({ dir, etcdEndpoints: etcd.endpoints, joinFrom: a.node.url })
    try {
      const joined = c.lines.find((line) => line.msg === 'joining: snapshot verified and installed') as
        | { treeSize: number; finalTreeSize?: number; bytes: number; timings: Record<string, number> }
        | undefined
      assert.ok(joined)
      console.log(
        `# join from a snapshot: ${joined.treeSize} entries, ${joined.bytes} bytes, ${JSON.stringify(joined.timings)} ms; started in ${Math.round(performance.now() - begun)} ms`,
      )
      assert.ok(joined.treeSize >= 5_000)
      // A and B (quorum 2) cosigned most of it (final checkpoints reach the file at intervals): that part is the quorum's, not only A's word.
      assert.ok(
        (joined.finalTreeSize ?? 0) > 0 && (joined.finalTreeSize ?? 0) <= joined.treeSize,
        String(joined.finalTreeSize),
      )
      assert.deepEqual(
        filesIn(dir).filter((f) => f.startsWith('.')),
        [],
      )
      await waitForSize([c.node.ledger], a.node.ledger.checkpoint().treeSize)
      assertSameHead(a.node.ledger, c.node.ledger)
      const [orgA, orgB, orgC] = net.members
      const fromC = await submitAll(c.node.ledger, [net.stamp(orgC)])
      const fromB = await submitAll(b.node.ledger, [net.stamp(orgB), net.stamp(orgB)])
      const fromA = await submitAll(a.node.ledger, [net.stamp(orgA)])
      const size = Math.max(fromA, fromB, fromC) + 1
      await waitForSize([a.node.ledger, b.node.ledger, c.node.ledger], size)
      assertSameHead(a.node.ledger, c.node.ledger)
      assertSameHead(b.node.ledger, c.node.ledger)
      // The replay protection the snapshot's copy could not be trusted for was rebuilt from the log.
      const replay = c.node.ledger.entry(10)?.entry
      const [again] = await c.node.ledger.submit([{ tx: replay?.tx, sig: replay?.sig }])
      assert.equal(again?.ok === false && again.error.code, 'REPLAYED')
    } finally {
      await c.node.stop()
    }
  })

  test('one snapshot at a time: a second request meanwhile is OVERLOADED', async () => {
    const [first, second] = await Promise.all([fetch(`${a.node.url}/v1/snapshot`), fetch(`${a.node.url}/v1/snapshot`)])
    const statuses = [first.status, second.status].sort()
    assert.deepEqual(statuses, [200, 503])
    const busy = first.status === 503 ? first : second
    assert.equal(((await busy.json()) as { error: { code: string } }).error.code, 'OVERLOADED')
    await (first.status === 200 ? first : second).arrayBuffer()
    // Free again once sent (the server frees it when its file stream closes, just after the last byte).
    let again = await fetch(`${a.node.url}/v1/snapshot`)
    for (let i = 0; again.status === 503 && i < 20; i++) {
      await again.arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, 50))
      again = await fetch(`${a.node.url}/v1/snapshot`)
    }
    assert.equal(again.status, 200)
    await again.arrayBuffer()
  })

  for (const [what, sql, reason] of [
    [
      'an altered leaf',
      'UPDATE entries SET leaf = CAST(replace(CAST(leaf AS TEXT), \'"stamp"\', \'"stomp"\') AS BLOB) WHERE idx = 42',
      /entry 42/,
    ],
    [
      "an altered state row (C's member record)",
      "UPDATE state SET value = json_set(value, '$.name', 'Forged') WHERE module = 'governance' AND key = 'members/org-c'",
      /stored value of governance\/members\/org-c differs/,
    ],
  ] as const) {
    test(`a snapshot with ${what} is refused and the data directory stays empty`, async () => {
      const file = join(net.root, `tampered-${what.replace(/[^a-z]+/gi, '-')}.sqlite`)
      await fetchSnapshot(file)
      const db = new Database(file)
      const changed = db.prepare(sql).run().changes
      db.close()
      assert.equal(changed, 1)
      const fake = await serveFile(file)
      try {
        const dir = net.dataDir(`c-${what.replace(/[^a-z]+/gi, '-')}`, net.members[2].nodeKeys)
        await refusedJoin(fake.url, dir, 'SNAPSHOT_INVALID', reason)
      } finally {
        fake.server.close()
      }
    })
  }

  test('a snapshot of another network is refused and the data directory stays empty', async () => {
    const other = createJoiningNetwork({ network: 'join-elsewhere' })
    // Embedded: etcd is compacted for any new network's node too.
    const d = await startMemberNode({ dir: other.dataDir('d', other.members[0].nodeKeys) })
    try {
      await submitAll(d.node.ledger, [other.stamp(other.members[0])])
      const dir = net.dataDir('c-other-network', net.members[2].nodeKeys)
      await refusedJoin(d.node.url, dir, 'SNAPSHOT_INVALID', /another network/)
    } finally {
      await d.node.stop()
      other.remove()
    }
  })

  test("an etcd network's snapshot is refused by a node configured with the embedded orderer", async () => {
    const dir = net.dataDir('c-embedded', net.members[2].nodeKeys)
    await refusedJoin(a.node.url, dir, 'CONFLICT', /start this node with orderer etcd/, 'embedded')
  })

  test('an unreachable member or a node serving something else is SNAPSHOT_UNAVAILABLE', async () => {
    const dir = net.dataDir('c-unavailable', net.members[2].nodeKeys)
    await refusedJoin('http://127.0.0.1:9', dir, 'SNAPSHOT_UNAVAILABLE', /unreachable/)
    await refusedJoin(`${a.node.url}/nothing-here/`, dir, 'SNAPSHOT_UNAVAILABLE', /answered 404/)
  })
})
