import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toHex, utf8 } from '@tabularium/core'
import { EMPTY_ROOT, hashLeaf } from '../hash.js'
import { createNodeStore } from '../testing/vectors.js'
import { consistencyProof } from './consistencyProof.js'
import { createMemoryTree } from './createMemoryTree.js'
import { appendLeaves, rootFromFrontier } from './frontier.js'
import { frontierFromNodes } from './frontierFromNodes.js'
import { inclusionProof } from './inclusionProof.js'
import { rootHash } from './rootHash.js'

const leafHashes = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => hashLeaf(utf8(`leaf ${from + i}`)))

describe('appendLeaves', () => {
  it('returns every complete node exactly once, whatever the batching', () => {
    const one = createNodeStore()
    let state = { frontier: [] as Uint8Array[], size: 0 }
    const seen = new Set<string>()
    for (const hash of leafHashes(100)) {
      const r = appendLeaves({ ...state, leafHashes: [hash] })
      for (const node of r.nodes) {
        assert.ok(!seen.has(`${node.level}/${node.index}`), 'a node is returned twice')
        seen.add(`${node.level}/${node.index}`)
      }
      one.put(r.nodes)
      state = r
    }
    // A tree of 100 leaves has 100 + 50 + 25 + 12 + 6 + 3 + 1 complete subtrees.
    assert.equal(seen.size, 197)
    const batched = appendLeaves({ frontier: [], size: 0, leafHashes: leafHashes(100) })
    assert.equal(batched.nodes.length, 197)
    assert.deepEqual(batched.frontier, state.frontier)
    const split = appendLeaves({
      ...appendLeaves({ frontier: [], size: 0, leafHashes: leafHashes(37) }),
      leafHashes: leafHashes(63, 37),
    })
    assert.deepEqual(split.frontier, state.frontier)
  })

  it('does not modify the frontier it is given', () => {
    const start = appendLeaves({ frontier: [], size: 0, leafHashes: leafHashes(3) })
    const copy = [...start.frontier]
    appendLeaves({ ...start, leafHashes: leafHashes(1, 3) })
    assert.deepEqual(start.frontier, copy)
  })

  it('rejects a frontier that does not match the size, and a leaf hash of the wrong length', () => {
    const start = appendLeaves({ frontier: [], size: 0, leafHashes: leafHashes(3) })
    assert.throws(() => appendLeaves({ frontier: start.frontier, size: 4, leafHashes: [] }), {
      code: 'INVALID_FRONTIER',
      message: 'a frontier for size 4 must hold 1 hashes',
    })
    assert.throws(() => appendLeaves({ ...start, leafHashes: [new Uint8Array(31)] }), { code: 'INVALID_HASH' })
    assert.throws(() => appendLeaves({ frontier: [], size: -1, leafHashes: [] }), { code: 'INVALID_TREE_SIZE' })
  })
})

describe('a tree kept in external storage', () => {
  const store = createNodeStore()
  const built = appendLeaves({ frontier: [], size: 0, leafHashes: leafHashes(100_000) })
  store.put(built.nodes)
  const getNode = store.getNode

  it('rebuilds its frontier after a restart from one node per set bit of the size', () => {
    const before = store.reads()
    assert.deepEqual(frontierFromNodes({ size: 100_000, getNode }), built.frontier)
    assert.equal(store.reads() - before, 6) // 100000 = 0b11000011010100000
    assert.equal(toHex(rootHash({ treeSize: 100_000, getNode })), toHex(rootFromFrontier(built.frontier)))
    assert.deepEqual(frontierFromNodes({ size: 0, getNode }), [])
    assert.equal(rootHash({ treeSize: 0, getNode }), EMPTY_ROOT)
  })

  it('answers proofs with O(log n) node reads', () => {
    for (const [index, treeSize] of [
      [0, 100_000],
      [99_999, 100_000],
      [65_535, 99_999],
      [12_345, 65_537],
    ] as const) {
      const before = store.reads()
      inclusionProof({ index, treeSize, getNode })
      assert.ok(store.reads() - before <= 2 * 17, `inclusion ${index}/${treeSize}: ${store.reads() - before} reads`)
    }
    for (const [from, to] of [
      [1, 100_000],
      [65_535, 99_999],
      [99_998, 99_999],
      [3, 65_537],
    ] as const) {
      const before = store.reads()
      consistencyProof({ from, to, getNode })
      assert.ok(store.reads() - before <= 2 * 17, `consistency ${from}→${to}: ${store.reads() - before} reads`)
    }
  })

  it('wraps a failing node store as MISSING_NODE, keeping the cause', () => {
    const failing = () => {
      throw new Error('disk on fire')
    }
    assert.throws(
      () => rootHash({ treeSize: 5, getNode: failing }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'MISSING_NODE')
        assert.equal(error.message, 'node (2, 0) could not be read')
        assert.equal((error.cause as Error).message, 'disk on fire')
        return true
      },
    )
    assert.throws(() => rootHash({ treeSize: 1, getNode: () => new Uint8Array(3) }), {
      code: 'MISSING_NODE',
      message: 'node (0, 0) is not a 32-byte hash',
    })
    assert.throws(() => rootHash({ treeSize: 100_001, getNode }), { code: 'MISSING_NODE' })
  })

  it('refuses impossible sizes and indices', () => {
    assert.throws(() => inclusionProof({ index: 5, treeSize: 5, getNode }), {
      code: 'INVALID_TREE_SIZE',
      message: 'index 5 is not below treeSize 5',
    })
    assert.throws(() => inclusionProof({ index: 0, treeSize: 0, getNode }), { code: 'INVALID_TREE_SIZE' })
    assert.throws(() => inclusionProof({ index: 1.5, treeSize: 5, getNode }), { code: 'INVALID_TREE_SIZE' })
    assert.throws(() => rootHash({ treeSize: 2 ** 53, getNode }), { code: 'INVALID_TREE_SIZE' })
    assert.throws(() => consistencyProof({ from: 6, to: 5, getNode }), {
      code: 'INVALID_TREE_SIZE',
      message: 'from 6 is larger than to 5',
    })
    assert.throws(() => consistencyProof({ from: 0, to: 5, getNode }), {
      code: 'INVALID_TREE_SIZE',
      message: 'a consistency proof from the empty tree is meaningless',
    })
    assert.deepEqual(consistencyProof({ from: 5, to: 5, getNode }), [])
  })
})

describe('createMemoryTree', () => {
  it('appends, answers roots of past sizes and proofs', () => {
    const tree = createMemoryTree()
    assert.equal(tree.root(), EMPTY_ROOT)
    assert.equal(tree.append(utf8('a')), 0)
    assert.equal(tree.appendLeafHash(hashLeaf(utf8('b'))), 1)
    assert.equal(tree.size(), 2)
    assert.deepEqual(tree.root({ treeSize: 1 }), hashLeaf(utf8('a')))
    assert.deepEqual(tree.inclusionProof({ index: 0 }), [hashLeaf(utf8('b'))])
    assert.deepEqual(tree.consistencyProof({ from: 1 }), [hashLeaf(utf8('b'))])
  })
})
