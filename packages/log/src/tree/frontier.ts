import { LogError } from '../errors.js'
import { EMPTY_ROOT, hashChildren, isHash } from '../hash.js'
import { assertTreeSize, isOdd, onesCount, shiftRight } from './bits.js'
import type { TreeNode } from './node.js'

/**
 * The roots of the complete subtrees that tile [0, size), largest first: the
 * compact range of the tree (one hash per set bit of size).
 */
export type Frontier = Uint8Array[]

/** Parameters of {@link appendLeaves}. */
export type AppendLeavesParameters = { frontier: Frontier; size: number; leafHashes: Uint8Array[] }

/** Result of {@link appendLeaves}: the new frontier and size, and every node to persist. */
export type AppendLeavesResult = { frontier: Frontier; size: number; nodes: TreeNode[] }

/**
 * Appends leaf hashes to a tree known only by its frontier. Returns each newly
 * completed node, leaves included, for the caller to store; amortised O(1)
 * hashes per leaf, O(log n) worst case. Pure: the input frontier is not changed.
 *
 * @example
 * const r = appendLeaves({ frontier: [], size: 0, leafHashes: [hashLeaf(a), hashLeaf(b)] })
 * // r.size === 2, r.nodes: (0,0) (0,1) (1,0), r.frontier: [hash of (1,0)]
 */
export function appendLeaves(p: AppendLeavesParameters): AppendLeavesResult {
  assertFrontier(p.frontier, p.size)
  const frontier = [...p.frontier]
  const nodes: TreeNode[] = []
  let size = p.size
  for (const leafHash of p.leafHashes) {
    if (!isHash(leafHash)) throw new LogError('INVALID_HASH', 'a leaf hash must be 32 bytes')
    assertTreeSize(size + 1, 'size')
    let hash = leafHash
    let index = size
    let level = 0
    nodes.push({ level, index, hash })
    // Each set low bit of size is a complete subtree of that level waiting for a right sibling.
    while (isOdd(shiftRight(size, level))) {
      hash = hashChildren(frontier.pop() as Uint8Array, hash)
      level++
      index = shiftRight(index)
      nodes.push({ level, index, hash })
    }
    frontier.push(hash)
    size++
  }
  return { frontier, size, nodes }
}

/**
 * The root hash from a frontier: its hashes folded from the right, as the
 * recursive split of RFC 9162 §2.1.1 does; EMPTY_ROOT for an empty tree.
 *
 * @example rootFromFrontier(appendLeaves({ frontier: [], size: 0, leafHashes }).frontier)
 */
export function rootFromFrontier(frontier: Frontier): Uint8Array {
  let root = frontier[frontier.length - 1]
  if (root === undefined) return EMPTY_ROOT
  for (let i = frontier.length - 2; i >= 0; i--) root = hashChildren(frontier[i] as Uint8Array, root)
  return root
}

function assertFrontier(frontier: Frontier, size: number): void {
  assertTreeSize(size, 'size')
  if (!Array.isArray(frontier) || frontier.length !== onesCount(size) || !frontier.every(isHash)) {
    throw new LogError('INVALID_FRONTIER', `a frontier for size ${size} must hold ${onesCount(size)} hashes`)
  }
}
