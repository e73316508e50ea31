import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { utf8 } from '@tabularium/core'
import fc from 'fast-check'
import { hashLeaf } from '../hash.js'
import { flipBit } from '../testing/vectors.js'
import { createMemoryTree, type MemoryTree } from '../tree/createMemoryTree.js'
import { leafRangeNodes, verifyLeafRange } from './verifyLeafRange.js'

function treeOf(size: number): { tree: MemoryTree; leafHashes: Uint8Array[] } {
  const tree = createMemoryTree()
  const leafHashes: Uint8Array[] = []
  for (let i = 0; i < size; i++) {
    tree.append(utf8(`leaf ${i}`))
    leafHashes.push(hashLeaf(utf8(`leaf ${i}`)))
  }
  return { tree, leafHashes }
}

// The check of a range [start, end) of the first `treeSize` leaves of `tree`, with `leafHashes` as the range.
function check(p: { tree: MemoryTree; treeSize: number; start: number; leafHashes: Uint8Array[]; end?: number }): void {
  verifyLeafRange({
    start: p.start,
    end: p.end ?? p.start + p.leafHashes.length,
    leafHashes: p.leafHashes,
    treeSize: p.treeSize,
    rootHash: p.tree.root({ treeSize: p.treeSize }),
    getNode: p.tree.getNode,
  })
}

const INVALID = { code: 'INVALID_PROOF' }

describe('verifyLeafRange', () => {
  const { tree, leafHashes } = treeOf(40)

  it('accepts every range of every tree of 1 to 40 leaves', () => {
    for (let size = 1; size <= 40; size++)
      for (let start = 0; start < size; start++)
        for (let end = start + 1; end <= size; end++)
          check({ tree, treeSize: size, start, leafHashes: leafHashes.slice(start, end) })
  })

  it('needs at most 2·log2(n) nodes around the range, the frontier of start on the left', () => {
    assert.deepEqual(leafRangeNodes({ start: 5, end: 6, treeSize: 8 }), {
      left: [
        { level: 2, index: 0 },
        { level: 0, index: 4 },
      ],
      right: [{ level: 1, index: 3 }],
    })
    assert.deepEqual(leafRangeNodes({ start: 0, end: 13, treeSize: 13 }), { left: [], right: [] })
    assert.deepEqual(leafRangeNodes({ start: 0, end: 1, treeSize: 13 }).right, [
      { level: 0, index: 1 },
      { level: 1, index: 1 },
      { level: 2, index: 1 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ])
    const { left, right } = leafRangeNodes({ start: 2 ** 40 - 1, end: 2 ** 40 + 1, treeSize: 2 ** 41 - 1 })
    assert.ok(left.length + right.length <= 3 * 41, String(left.length + right.length))
  })

  it('rejects an altered, missing, extra, repeated or reordered leaf, and a shifted range', () => {
    const range = leafHashes.slice(10, 30)
    const cases: [string, Uint8Array[], number][] = [
      ['altered', range.map((h, i) => (i === 7 ? flipBit(h, 3) : h)), 10],
      ['missing in the middle', range.filter((_, i) => i !== 7), 10],
      ['missing at the end', range.slice(0, -1), 10],
      ['missing at the start', range.slice(1), 10],
      ['extra', [...range, leafHashes[30] as Uint8Array, hashLeaf(utf8('x'))], 10],
      ['repeated', [...range.slice(0, 8), range[7] as Uint8Array, ...range.slice(9)], 10],
      ['reordered', [range[1] as Uint8Array, range[0] as Uint8Array, ...range.slice(2)], 10],
      ['shifted', range, 11],
      ['another leaf', [hashLeaf(utf8('leaf 10 '))], 10],
    ]
    // The caller fixes the range [10, 30): the data cannot make it shorter or longer.
    for (const [name, hashes, start] of cases)
      assert.throws(() => check({ tree, treeSize: 35, start, end: start + 20, leafHashes: hashes }), INVALID, name)
  })

  it('rejects a wrong root, another tree size, and wrong or missing nodes around the range', () => {
    const range = leafHashes.slice(5, 9)
    const base = { start: 5, end: 9, leafHashes: range, getNode: tree.getNode }
    assert.throws(() => verifyLeafRange({ ...base, treeSize: 33, rootHash: tree.root({ treeSize: 32 }) }), INVALID)
    assert.throws(
      () => verifyLeafRange({ ...base, treeSize: 32, rootHash: flipBit(tree.root({ treeSize: 32 }), 0) }),
      INVALID,
    )
    const rootHash = tree.root({ treeSize: 32 })
    const wrong = (level: number, index: number) =>
      level === 2 && index === 3 ? flipBit(tree.getNode(level, index), 9) : tree.getNode(level, index)
    assert.throws(() => verifyLeafRange({ ...base, treeSize: 32, rootHash, getNode: wrong }), INVALID)
    const short = (level: number, index: number) => tree.getNode(level, index).slice(1)
    assert.throws(() => verifyLeafRange({ ...base, treeSize: 32, rootHash, getNode: short }), { code: 'MISSING_NODE' })
    const none = () => {
      throw new Error('not fetched')
    }
    assert.throws(() => verifyLeafRange({ ...base, treeSize: 32, rootHash, getNode: none }), { code: 'MISSING_NODE' })
    assert.throws(() => verifyLeafRange({ ...base, treeSize: 32, rootHash: new Uint8Array(31) }), INVALID)
  })

  it('refuses empty ranges, ranges beyond the tree and hashes that are not 32 bytes', () => {
    const rootHash = tree.root({ treeSize: 8 })
    const bad = { code: 'INVALID_TREE_SIZE' }
    const run = (start: number, hashes: Uint8Array[], treeSize = 8) =>
      verifyLeafRange({
        start,
        end: start + hashes.length,
        leafHashes: hashes,
        treeSize,
        rootHash,
        getNode: tree.getNode,
      })
    assert.throws(() => run(0, []), bad)
    assert.throws(() => run(7, leafHashes.slice(7, 9)), bad)
    assert.throws(() => run(-1, leafHashes.slice(0, 1)), bad)
    assert.throws(() => run(0, leafHashes.slice(0, 1), 0), bad)
    assert.throws(() => run(0, [new Uint8Array(31)]), { code: 'INVALID_HASH' })
  })

  it('accepts exactly the true leaves of random ranges of trees up to 3000 leaves (property)', () => {
    const big = treeOf(3000)
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }).chain((size) =>
          fc.tuple(
            fc.constant(size),
            fc
              .integer({ min: 0, max: size - 1 })
              .chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: start + 1, max: size }))),
            fc.nat(),
            fc.nat(255),
          ),
        ),
        ([size, [start, end], at, bit]) => {
          const range = big.leafHashes.slice(start, end)
          check({ tree: big.tree, treeSize: size, start, leafHashes: range })
          const changed = range.map((h, i) => (i === at % range.length ? flipBit(h, bit) : h))
          assert.throws(() => check({ tree: big.tree, treeSize: size, start, leafHashes: changed }), INVALID)
          if (range.length > 1) {
            const dropped = range.filter((_, i) => i !== at % range.length)
            assert.throws(() => check({ tree: big.tree, treeSize: size, start, end, leafHashes: dropped }), INVALID)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
