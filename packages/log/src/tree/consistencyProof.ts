import { LogError } from '../errors.js'
import { assertTreeSize, splitPoint } from './bits.js'
import { type GetNode, subtreeHash } from './node.js'

/** Parameters of {@link consistencyProof}. */
export type ConsistencyProofParameters = { from: number; to: number; getNode: GetNode }

/**
 * The consistency proof PROOF(from, D[0:to]) of RFC 9162 §2.1.4.1: empty when
 * the sizes are equal. A proof from the empty tree is refused, as RFC 9162
 * defines it for 0 < from only (any tree extends the empty one). O(log n)
 * `getNode` calls.
 *
 * @example consistencyProof({ from: 6, to: 8, getNode }) // 3 hashes
 */
export function consistencyProof(p: ConsistencyProofParameters): Uint8Array[] {
  assertTreeSize(p.to, 'to')
  assertTreeSize(p.from, 'from')
  if (p.from > p.to) throw new LogError('INVALID_TREE_SIZE', `from ${p.from} is larger than to ${p.to}`)
  if (p.from === p.to) return []
  if (p.from === 0) throw new LogError('INVALID_TREE_SIZE', 'a consistency proof from the empty tree is meaningless')
  // SUBPROOF(m, D[lo:hi], complete), unrolled: siblings top-down, reversed at the end.
  const path: Uint8Array[] = []
  let lo = 0
  let hi = p.to
  let complete = true
  while (p.from !== hi) {
    const k = splitPoint(hi - lo)
    if (p.from <= lo + k) {
      path.push(subtreeHash({ start: lo + k, end: hi, getNode: p.getNode }))
      hi = lo + k
    } else {
      path.push(subtreeHash({ start: lo, end: lo + k, getNode: p.getNode }))
      lo += k
      complete = false
    }
  }
  // The old tree's last subtree is part of the proof unless it is the whole old tree.
  if (!complete) path.push(subtreeHash({ start: lo, end: hi, getNode: p.getNode }))
  return path.reverse()
}
