import { hash } from 'node:crypto'

// RFC 9162 §2.1.1 hashes with node:crypto's one-shot hash: the scrubber
// hashes every leaf and node of the file over and over, and the pure-JS
// hash of @tabularium/log is several times slower for these small inputs.

const NODE_PREFIX = Buffer.from([1])

/** The root of the empty tree, SHA-256 of nothing. */
export const EMPTY_TREE_ROOT: Buffer = hash('sha256', Buffer.alloc(0), 'buffer')

/** SHA-256(0x00 ‖ leaf), from the leaf with its prefix already in front. */
export function prefixedLeafHash(prefixedLeaf: Buffer): Buffer {
  return hash('sha256', prefixedLeaf, 'buffer')
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer')
}

/** A node the walk completed: `(level, index)` as in the `nodes` table. */
export type CompletedNode = (level: number, index: number, hash: Buffer) => void

/**
 * Appends one leaf hash to a tree known by its frontier (the roots of its
 * complete subtrees, largest first), calling `completed` for the leaf and
 * for every node it completes — what the writer stored for it.
 *
 * @example const size = appendLeafHash(frontier, size, prefixedLeafHash(row[3]), check)
 */
export function appendLeafHash(frontier: Buffer[], size: number, leaf: Buffer, completed: CompletedNode): number {
  let node = leaf
  let index = size
  let level = 0
  completed(level, index, node)
  // Each low set bit of the size is a complete subtree waiting for its right sibling.
  while (Math.floor(size / 2 ** level) % 2 === 1) {
    node = nodeHash(frontier.pop() as Buffer, node)
    level++
    index = Math.floor(index / 2)
    completed(level, index, node)
  }
  frontier.push(node)
  return size + 1
}

/** The root of the tree whose frontier this is (RFC 9162 §2.1.1). */
export function rootOfFrontier(frontier: readonly Buffer[]): Buffer {
  let root = frontier[frontier.length - 1]
  if (root === undefined) return EMPTY_TREE_ROOT
  for (let i = frontier.length - 2; i >= 0; i--) root = nodeHash(frontier[i] as Buffer, root)
  return root
}
