import { equalBytes } from '@tabularium/core'
import { LogError } from '../errors.js'
import { hashChildren, isHash } from '../hash.js'
import { assertTreeSize, bitLength, shiftRight } from '../tree/bits.js'
import { appendLeaves, rootFromFrontier } from '../tree/frontier.js'
import { type GetNode, readNode } from '../tree/node.js'

/** A tree node by its coordinates: the complete subtree of 2^level leaves from leaf index·2^level. */
export type NodeCoordinates = { level: number; index: number }

/** Parameters of {@link verifyLeafRange}; every field but `getNode`'s coordinates is untrusted. */
export type VerifyLeafRangeParameters = {
  /** The range [start, end) the caller expects, fixed by the caller (a checkpoint's size…), never by the data. */
  start: number
  end: number
  /** The leaf hashes of [start, end), in order. */
  leafHashes: Uint8Array[]
  treeSize: number
  rootHash: Uint8Array
  /** Reads the nodes {@link leafRangeNodes} lists (from tiles, a proof…); their values are not trusted. */
  getNode: GetNode
}

/**
 * The nodes outside [start, end) that, with the range's leaves, give the root
 * of a tree of `treeSize`: the complete subtrees of [0, start) (its frontier,
 * largest first) and the largest aligned subtrees of [end, treeSize), left to
 * right. O(log n) nodes (at most 3·log2 n), whatever the range's length.
 *
 * @example leafRangeNodes({ start: 5, end: 6, treeSize: 8 }) // (2,0) (0,4) then (1,3)
 */
export function leafRangeNodes(p: { start: number; end: number; treeSize: number }): {
  left: NodeCoordinates[]
  right: NodeCoordinates[]
} {
  assertRange(p)
  const left: NodeCoordinates[] = []
  let at = 0
  for (let level = bitLength(p.start) - 1; level >= 0; level--) {
    const size = 2 ** level
    if (at + size > p.start) continue
    left.push({ level, index: at / size })
    at += size
  }
  const right: NodeCoordinates[] = []
  for (at = p.end; at < p.treeSize; ) {
    const level = largestAlignedLevel(at, p.treeSize - at)
    right.push({ level, index: at / 2 ** level })
    at += 2 ** level
  }
  return { left, right }
}

/**
 * Checks that `leafHashes` are exactly the leaves [start, end) of the
 * tree whose root is `rootHash` at `treeSize` (RFC 9162 §2.1.1): the range's
 * leaves are folded with the nodes around it — whatever `getNode` returns —
 * into a root compared in constant time. A missing, extra, altered or
 * reordered leaf changes that root, so nothing in the range can be hidden.
 * Throws `INVALID_PROOF` (the root differs), `MISSING_NODE`, `INVALID_HASH`
 * or `INVALID_TREE_SIZE`.
 *
 * @example verifyLeafRange({ start: 40, end: 296, leafHashes: bundle.map(hashLeaf), treeSize, rootHash, getNode })
 */
export function verifyLeafRange(p: VerifyLeafRangeParameters): void {
  const { start, end } = p
  const { left, right } = leafRangeNodes({ start, end, treeSize: p.treeSize })
  // A shorter list would be a valid proof of a shorter range: the count is what makes the range complete.
  if (!Array.isArray(p.leafHashes) || p.leafHashes.length !== end - start) {
    throw new LogError('INVALID_PROOF', `invalid range: ${end - start} leaves expected from ${start}`, {
      details: { start, end, leaves: Array.isArray(p.leafHashes) ? p.leafHashes.length : null },
    })
  }
  if (!isHash(p.rootHash)) throw new LogError('INVALID_PROOF', 'invalid range: the root hash must be 32 bytes')
  const frontier = left.map((n) => readNode(p.getNode, n.level, n.index))
  let { frontier: folded } = appendLeaves({ frontier, size: start, leafHashes: p.leafHashes })
  let size = end
  for (const n of right) {
    folded = appendSubtree(folded, size, n.level, readNode(p.getNode, n.level, n.index))
    size += 2 ** n.level
  }
  if (!equalBytes(rootFromFrontier(folded), p.rootHash)) {
    throw new LogError(
      'INVALID_PROOF',
      `invalid range: leaves ${start}–${end - 1} and the nodes around them do not lead to the root of size ${p.treeSize}`,
      { details: { start, end, treeSize: p.treeSize } },
    )
  }
}

// A complete subtree of 2^level leaves appended at `size` (a multiple of
// 2^level) merges with the frontier's equal-sized subtrees, as a leaf does at level 0.
function appendSubtree(frontier: Uint8Array[], size: number, level: number, hash: Uint8Array): Uint8Array[] {
  const out = [...frontier]
  let merged = hash
  for (let l = level; shiftRight(size, l) % 2 === 1; l++) merged = hashChildren(out.pop() as Uint8Array, merged)
  out.push(merged)
  return out
}

// The largest level whose subtree starts at `at` and fits in `room` leaves.
function largestAlignedLevel(at: number, room: number): number {
  let level = bitLength(room) - 1
  while (at % 2 ** level !== 0) level--
  return level
}

function assertRange(p: { start: number; end: number; treeSize: number }): void {
  assertTreeSize(p.treeSize, 'treeSize', 1)
  assertTreeSize(p.start, 'start')
  assertTreeSize(p.end, 'end')
  if (!(p.start < p.end && p.end <= p.treeSize)) {
    throw new LogError('INVALID_TREE_SIZE', `a leaf range needs start < end ≤ treeSize`, {
      details: { start: p.start, end: p.end, treeSize: p.treeSize },
    })
  }
}
