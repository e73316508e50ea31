import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { assertReceipt } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import {
  checkConsistency,
  checkInclusion,
  createClient,
  decodeLeaf,
  verifyReceiptAgainstGenesis,
} from '@tabularium/sdk'
import { createSandbox } from './lib/createSandbox.js'
import { loadPrivateKey } from './lib/loadPrivateKey.js'
import { type NodeProcess, startNodeProcess } from './testing/cliProcess.js'
import { createLogMirror } from './testing/createLogMirror.js'
import { type Acknowledged, runStampLoad } from './testing/stampLoad.js'

const KILLS = Number(process.env.CRASH_KILLS ?? 20)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// DESIGN §4: "a kill -9 at any moment, then restart, and every receipt ever
// returned still verifies". The node runs as `tabularium node start` in a
// child process under a sustained load of stamp batches and is killed with
// SIGKILL at random moments; after each restart every receipt acknowledged so
// far must verify, be consistent with the new checkpoint and be included in
// it at its index.
test(`every acknowledged receipt survives kill -9 of the node, ${KILLS} times`, { timeout: 240_000 }, async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'tabularium-crash-'))
  const dir = join(work, 'sandbox')
  const sandbox = await createSandbox({ dir })
  const genesis = JSON.parse(readFileSync(sandbox.genesis, 'utf8')) as Genesis
  const key = await loadPrivateKey({ path: sandbox.members[0]?.key as string })
  const acknowledged: Acknowledged[] = []
  const checker = createChecker(genesis)
  let node: NodeProcess = await startNodeProcess({ dir })
  try {
    for (let round = 0; round < KILLS; round++) {
      const load = runStampLoad({
        url: node.url,
        network: genesis.network,
        did: key.did,
        privateJwk: key.privateJwk,
        acknowledged,
      })
      await sleep(50 + Math.random() * 600)
      await node.kill('SIGKILL')
      await load
      node = await startNodeProcess({ dir })
      await checker.check(node.url, acknowledged)
    }
  } finally {
    await node.kill('SIGKILL')
    rmSync(work, { recursive: true, force: true })
  }
  t.diagnostic(`${KILLS} kills, ${acknowledged.length} receipts acknowledged and re-checked after every restart`)
  assert.ok(acknowledged.length >= KILLS * 50, `only ${acknowledged.length} receipts under load`)
  assert.equal(checker.checkedUpTo(), acknowledged.length)
})

/** Checks every acknowledged receipt against the node's new checkpoint. */
function createChecker(genesis: Genesis) {
  const mirror = createLogMirror({ genesis })
  // Signed checkpoints already verified in full, by note text → their root.
  const verifiedNotes = new Map<string, string>()
  const roots: string[] = []
  let checked = 0
  return {
    checkedUpTo: () => checked,
    async check(url: string, acknowledged: Acknowledged[]) {
      const client = createClient({ baseUrl: url })
      const head = await mirror.sync(client)
      for (; checked < acknowledged.length; checked++)
        roots[checked] = verifyOnce(acknowledged[checked] as Acknowledged)
      // Consistency from every receipt's tree size to the new one (one proof per distinct size).
      const sizes = new Map(acknowledged.map((a, i) => [a.receipt.treeSize, roots[i] as string]))
      for (const [treeSize, rootHash] of sizes) {
        if (treeSize === head.treeSize) continue
        const { proof } = await client.getConsistencyProof({ from: treeSize, to: head.treeSize })
        checkConsistency({ from: { treeSize, rootHash }, to: head, proof })
      }
      for (const a of acknowledged) {
        assert.equal(mirror.txids[a.index], a.txid, `acknowledged txid ${a.txid} is not at index ${a.index} any more`)
        checkInclusion({ leaf: a.receipt.leaf, index: a.index, ...head, proof: mirror.inclusionProof(a.index) })
      }
      // The node's own proofs at the new size, for a sample.
      for (const a of sample(acknowledged, 20)) {
        const { proof } = await client.getInclusionProof({ index: a.index, treeSize: head.treeSize })
        checkInclusion({ leaf: a.receipt.leaf, index: a.index, ...head, proof })
      }
    },
  }

  // Receipts of one block share their signed checkpoint: it is verified in
  // full (signatures, quorum, inclusion, leaf, txid, transaction signature)
  // once, then each other receipt's own parts are checked against its root.
  function verifyOnce(a: Acknowledged): string {
    const { receipt } = a
    const known = verifiedNotes.get(receipt.checkpoint)
    if (known === undefined || Math.random() < 0.01) {
      const verified = verifyReceiptAgainstGenesis({ receipt, genesis })
      assert.equal(verified.entry.txid, a.txid)
      assert.equal(verified.index, a.index)
      verifiedNotes.set(receipt.checkpoint, `${verified.treeSize} ${verified.rootHash}`)
      return verified.rootHash
    }
    const [treeSize, rootHash] = known.split(' ') as [string, string]
    assertReceipt(receipt)
    assert.equal(receipt.treeSize, Number(treeSize))
    assert.equal(receipt.index, a.index)
    checkInclusion({
      leaf: receipt.leaf,
      index: receipt.index,
      treeSize: receipt.treeSize,
      rootHash,
      proof: receipt.inclusionProof,
    })
    assert.equal(decodeLeaf({ leaf: receipt.leaf }).txid, a.txid)
    assert.equal(receipt.txid, a.txid)
    return rootHash
  }
}

function sample<T>(items: T[], count: number): T[] {
  return Array.from(
    { length: Math.min(count, items.length) },
    () => items[Math.floor(Math.random() * items.length)] as T,
  )
}
