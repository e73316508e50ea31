import assert from 'node:assert/strict'
import { fromBase64 } from '@tabularium/core'
import { verifyInclusion, verifyReceipt } from '@tabularium/log'
import type { TestNetwork } from './createTestNetwork.js'

/**
 * Verifies a receipt offline with `verifyReceipt` and the trust of the
 * network's genesis, and checks that its leaf is the entry of its txid.
 *
 * @example checkReceipt({ receipt: result.receipt, net })
 */
export function checkReceipt({ receipt, net }: { receipt: unknown; net: TestNetwork }): void {
  const verified = verifyReceipt({ receipt, trust: net.trust })
  const entry = JSON.parse(new TextDecoder().decode(verified.leaf)) as { txid: string }
  assert.equal(entry.txid, (receipt as { txid: string }).txid)
  assert.ok(verified.cosigners.length >= net.genesis.witnessQuorum)
}

/**
 * Verifies an inclusion proof as the API serves it (base64 hashes).
 *
 * @example checkInclusion({ leafHash, index, treeSize, proof, root })
 */
export function checkInclusion(p: {
  leafHash: Uint8Array
  index: number
  treeSize: number
  proof: string[]
  root: string
}): void {
  verifyInclusion({
    leafHash: p.leafHash,
    index: p.index,
    treeSize: p.treeSize,
    proof: p.proof.map(fromBase64),
    rootHash: fromBase64(p.root),
  })
}
