import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { utf8 } from '@tabularium/core'
import fc from 'fast-check'
import { hashLeaf } from '../hash.js'
import { verifyConsistency } from '../proof/verifyConsistency.js'
import { verifyInclusion } from '../proof/verifyInclusion.js'
import { goVerifyConsistency } from '../testing/goReferenceVerifier.js'
import { sigstoreVerifiesInclusion } from '../testing/sigstoreOracle.js'
import { flipBit } from '../testing/vectors.js'
import { createMemoryTree } from './createMemoryTree.js'

const MAX = 1024
const tree = createMemoryTree()
const leaves = Array.from({ length: MAX }, (_, i) => utf8(`leaf ${i}`))
for (const leaf of leaves) tree.append(leaf)
const roots = Array.from({ length: MAX + 1 }, (_, n) => tree.root({ treeSize: n }))

const accepts = (run: () => void) => {
  try {
    run()
    return true
  } catch {
    return false
  }
}
const sizeAndIndex = fc
  .integer({ min: 1, max: MAX })
  .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 })))
const twoSizes = fc.integer({ min: 1, max: MAX }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)))

describe('inclusion proofs (property-based, fast-check)', () => {
  it('verify for every leaf of every size, here and in sigstore-js', () => {
    fc.assert(
      fc.property(sizeAndIndex, ([n, i]) => {
        const proof = tree.inclusionProof({ index: i, treeSize: n })
        const leaf = leaves[i] as Uint8Array
        verifyInclusion({ leafHash: hashLeaf(leaf), index: i, treeSize: n, proof, rootHash: roots[n] as Uint8Array })
        assert.ok(sigstoreVerifiesInclusion({ leaf, index: i, treeSize: n, proof, rootHash: roots[n] as Uint8Array }))
      }),
      { numRuns: 500 },
    )
  })

  it('reject any single-bit change of proof, root or index; a size change exactly when sigstore-js does', () => {
    const mutation = fc.oneof(
      fc.record({ what: fc.constant('proof' as const), bit: fc.nat(), at: fc.nat() }),
      fc.record({
        what: fc.constantFrom('root' as const, 'leaf' as const),
        bit: fc.integer({ min: 0, max: 255 }),
        at: fc.constant(0),
      }),
      fc.record({
        what: fc.constantFrom('index' as const, 'size' as const),
        bit: fc.integer({ min: 0, max: 52 }),
        at: fc.constant(0),
      }),
    )
    fc.assert(
      fc.property(sizeAndIndex, mutation, ([n, i], m) => {
        const proof = tree.inclusionProof({ index: i, treeSize: n })
        const q = { leaf: leaves[i] as Uint8Array, index: i, treeSize: n, proof, rootHash: roots[n] as Uint8Array }
        if (m.what === 'proof') {
          if (proof.length === 0) return
          q.proof = proof.map((h, k) => (k === m.at % proof.length ? flipBit(h, m.bit % 256) : h))
        }
        if (m.what === 'root') q.rootHash = flipBit(q.rootHash, m.bit)
        if (m.what === 'leaf') q.leaf = flipBit(q.leaf, m.bit % (8 * q.leaf.length))
        if (m.what === 'index') q.index = Number(BigInt(i) ^ (1n << BigInt(m.bit)))
        if (m.what === 'size') q.treeSize = Number(BigInt(n) ^ (1n << BigInt(m.bit)))
        const ours = accepts(() => verifyInclusion({ ...q, leafHash: hashLeaf(q.leaf) }))
        // A tree size is bound by the signed checkpoint, not by the path: RFC 6962
        // proofs accept another size whose path has the same shape, as sigstore-js does.
        const expected =
          m.what === 'size' && q.treeSize <= Number.MAX_SAFE_INTEGER ? sigstoreVerifiesInclusion(q) : false
        assert.equal(ours, expected, JSON.stringify({ n, i, m }))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('consistency proofs (property-based, fast-check)', () => {
  it('verify for every pair of sizes 1 ≤ m ≤ n, here and in the transparency-dev algorithm', () => {
    fc.assert(
      fc.property(twoSizes, ([m, n]) => {
        const p = {
          from: m,
          to: n,
          proof: tree.consistencyProof({ from: m, to: n }),
          fromRoot: roots[m] as Uint8Array,
          toRoot: roots[n] as Uint8Array,
        }
        verifyConsistency(p)
        assert.ok(goVerifyConsistency(p))
      }),
      { numRuns: 500 },
    )
  })

  it('reject any single-bit change of proof or roots; a size change exactly when transparency-dev does', () => {
    const mutation = fc.oneof(
      fc.record({ what: fc.constant('proof' as const), bit: fc.nat(), at: fc.nat() }),
      fc.record({
        what: fc.constantFrom('fromRoot' as const, 'toRoot' as const),
        bit: fc.integer({ min: 0, max: 255 }),
        at: fc.constant(0),
      }),
      fc.record({
        what: fc.constantFrom('from' as const, 'to' as const),
        bit: fc.integer({ min: 0, max: 52 }),
        at: fc.constant(0),
      }),
    )
    fc.assert(
      fc.property(twoSizes, mutation, ([from, to], m) => {
        const proof = tree.consistencyProof({ from, to })
        const q = { from, to, proof, fromRoot: roots[from] as Uint8Array, toRoot: roots[to] as Uint8Array }
        if (m.what === 'proof') {
          if (proof.length === 0) return
          q.proof = proof.map((h, k) => (k === m.at % proof.length ? flipBit(h, m.bit % 256) : h))
        }
        if (m.what === 'fromRoot') q.fromRoot = flipBit(q.fromRoot, m.bit)
        if (m.what === 'toRoot') q.toRoot = flipBit(q.toRoot, m.bit)
        if (m.what === 'from') q.from = Number(BigInt(from) ^ (1n << BigInt(m.bit)))
        if (m.what === 'to') q.to = Number(BigInt(to) ^ (1n << BigInt(m.bit)))
        const ours = accepts(() => verifyConsistency(q))
        const sizeChanged = m.what === 'from' || m.what === 'to'
        const expected =
          sizeChanged && q.from <= Number.MAX_SAFE_INTEGER && q.to <= Number.MAX_SAFE_INTEGER
            ? goVerifyConsistency(q)
            : false
        assert.equal(ours, expected, JSON.stringify({ from, to, m }))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('proofs, exhaustively for small trees', () => {
  it('every inclusion proof and every consistency proof up to 64 leaves verifies', () => {
    for (let n = 1; n <= 64; n++) {
      for (let i = 0; i < n; i++) {
        const proof = tree.inclusionProof({ index: i, treeSize: n })
        verifyInclusion({
          leafHash: hashLeaf(leaves[i] as Uint8Array),
          index: i,
          treeSize: n,
          proof,
          rootHash: roots[n] as Uint8Array,
        })
      }
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof({ from: m, to: n })
        verifyConsistency({ from: m, to: n, proof, fromRoot: roots[m] as Uint8Array, toRoot: roots[n] as Uint8Array })
      }
    }
  })
})
