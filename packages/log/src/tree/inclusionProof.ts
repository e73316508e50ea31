import { LogError } from '../errors.js'
import { assertTreeSize, splitPoint } from './bits.js'
import { type GetNode, subtreeHash } from './node.js'

/** Parameters of {@link inclusionProof}. */
export type InclusionProofParameters = { index: number; treeSize: number; getNode: GetNode }

/**
 * The inclusion proof PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1, leaf
 * side first. It walks the split points from the root down: O(log n) `getNode`
 * calls, because only the first right sibling can be an incomplete subtree.
 *
 * @example inclusionProof({ index: 5, treeSize: 8, getNode }) // 3 hashes
 */
export function inclusionProof(p: InclusionProofParameters): Uint8Array[] {
  assertTreeSize(p.treeSize, 'treeSize', 1)
  assertTreeSize(p.index, 'index')
  if (p.index >= p.treeSize) {
    throw new LogError('INVALID_TREE_SIZE', `index ${p.index} is not below treeSize ${p.treeSize}`)
  }
  const path: Uint8Array[] = []
  let lo = 0
  let hi = p.treeSize
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo)
    if (p.index < lo + k) {
      path.push(subtreeHash({ start: lo + k, end: hi, getNode: p.getNode }))
      hi = lo + k
    } else {
      path.push(subtreeHash({ start: lo, end: lo + k, getNode: p.getNode }))
      lo += k
    }
  }
  return path.reverse()
}
