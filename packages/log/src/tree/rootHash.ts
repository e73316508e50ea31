import { EMPTY_ROOT } from '../hash.js'
import { assertTreeSize } from './bits.js'
import { type GetNode, subtreeHash } from './node.js'

/**
 * MTH(D[0:treeSize]) (RFC 9162 §2.1.1) of any past or present size, from the
 * stored complete subtrees: O(log n) `getNode` calls.
 *
 * @example rootHash({ treeSize: 5, getNode }) // equals the root signed at size 5
 */
export function rootHash(p: { treeSize: number; getNode: GetNode }): Uint8Array {
  assertTreeSize(p.treeSize, 'treeSize')
  if (p.treeSize === 0) return EMPTY_ROOT
  return subtreeHash({ start: 0, end: p.treeSize, getNode: p.getNode })
}
