import { hashLeaf } from '../hash.js'
import { consistencyProof } from './consistencyProof.js'
import { appendLeaves, type Frontier } from './frontier.js'
import { inclusionProof } from './inclusionProof.js'
import type { GetNode } from './node.js'
import { rootHash } from './rootHash.js'

/** A tree held in memory, for tests, tools and the browser. */
export type MemoryTree = {
  /** Number of leaves. */
  size(): number
  /** Appends the leaf `data` (hashed with {@link hashLeaf}); returns its index. */
  append(data: Uint8Array): number
  /** Appends an already computed leaf hash; returns its index. */
  appendLeafHash(leafHash: Uint8Array): number
  /** Root of the tree at `treeSize` (default: now). */
  root(p?: { treeSize?: number }): Uint8Array
  inclusionProof(p: { index: number; treeSize?: number }): Uint8Array[]
  consistencyProof(p: { from: number; to?: number }): Uint8Array[]
  /** The node store, as a {@link GetNode}. */
  getNode: GetNode
}

/**
 * Creates an empty in-memory tree built on the same functions as the stored one.
 *
 * @example
 * const tree = createMemoryTree()
 * tree.append(utf8('a')); tree.append(utf8('b'))
 * verifyInclusion({ leafHash: hashLeaf(utf8('a')), index: 0, treeSize: 2, proof: tree.inclusionProof({ index: 0 }), rootHash: tree.root() })
 */
export function createMemoryTree(): MemoryTree {
  const levels: Uint8Array[][] = []
  let frontier: Frontier = []
  let size = 0
  const getNode: GetNode = (level, index) => {
    const hash = levels[level]?.[index]
    if (hash === undefined) throw new Error(`no node (${level}, ${index})`)
    return hash
  }
  const appendLeafHash = (leafHash: Uint8Array): number => {
    const result = appendLeaves({ frontier, size, leafHashes: [leafHash] })
    for (const node of result.nodes) {
      levels[node.level] ??= []
      ;(levels[node.level] as Uint8Array[])[node.index] = node.hash
    }
    frontier = result.frontier
    size = result.size
    return size - 1
  }
  return {
    size: () => size,
    append: (data) => appendLeafHash(hashLeaf(data)),
    appendLeafHash,
    root: ({ treeSize = size } = {}) => rootHash({ treeSize, getNode }),
    inclusionProof: ({ index, treeSize = size }) => inclusionProof({ index, treeSize, getNode }),
    consistencyProof: ({ from, to = size }) => consistencyProof({ from, to, getNode }),
    getNode,
  }
}
