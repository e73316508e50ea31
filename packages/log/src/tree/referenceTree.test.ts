import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fromHex, toHex } from '@tabularium/core'
import { EMPTY_ROOT, hashLeaf } from '../hash.js'
import { verifyConsistency } from '../proof/verifyConsistency.js'
import { verifyInclusion } from '../proof/verifyInclusion.js'
import { createNodeStore, hexes, loadVector } from '../testing/vectors.js'
import { consistencyProof } from './consistencyProof.js'
import { appendLeaves, rootFromFrontier } from './frontier.js'
import { inclusionProof } from './inclusionProof.js'
import { rootHash } from './rootHash.js'

type Reference = {
  leaves: string[]
  roots: string[]
  emptyRoot: string
  inclusion: { index: number; treeSize: number; proof: string[] }[]
  consistency: { from: number; to: number; proof: string[] }[]
}

const ref = loadVector<Reference>('rfc6962-reference.json')
const store = createNodeStore()
const built = appendLeaves({ frontier: [], size: 0, leafHashes: ref.leaves.map((leaf) => hashLeaf(fromHex(leaf))) })
store.put(built.nodes)
const getNode = store.getNode

describe('the RFC 6962 reference tree of 8 leaves (transparency-dev/merkle)', () => {
  it('has the empty root SHA-256("")', () => {
    assert.equal(toHex(EMPTY_ROOT), ref.emptyRoot)
  })

  it('has the published root at every size from 1 to 8', () => {
    for (let size = 1; size <= 8; size++) {
      assert.equal(toHex(rootHash({ treeSize: size, getNode })), ref.roots[size - 1], `size ${size}`)
    }
    assert.equal(toHex(rootFromFrontier(built.frontier)), ref.roots[7])
  })

  it('produces exactly the published inclusion proofs, and they verify', () => {
    for (const v of ref.inclusion) {
      const proof = inclusionProof({ index: v.index, treeSize: v.treeSize, getNode })
      assert.deepEqual(proof.map(toHex), v.proof, `leaf ${v.index} of ${v.treeSize}`)
      const leafHash = hashLeaf(fromHex(ref.leaves[v.index] as string))
      const root = fromHex(ref.roots[v.treeSize - 1] as string)
      verifyInclusion({ leafHash, index: v.index, treeSize: v.treeSize, proof: hexes(v.proof), rootHash: root })
    }
  })

  it('produces exactly the published consistency proofs, and they verify', () => {
    for (const v of ref.consistency) {
      const proof = consistencyProof({ from: v.from, to: v.to, getNode })
      assert.deepEqual(proof.map(toHex), v.proof, `${v.from} → ${v.to}`)
      const fromRoot = fromHex(ref.roots[v.from - 1] as string)
      const toRoot = fromHex(ref.roots[v.to - 1] as string)
      verifyConsistency({ from: v.from, to: v.to, proof: hexes(v.proof), fromRoot, toRoot })
    }
  })
})
