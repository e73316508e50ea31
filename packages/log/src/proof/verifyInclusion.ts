import { equalBytes } from '@tabularium/core'
import { LogError } from '../errors.js'
import { hashChildren, isHash } from '../hash.js'
import { isOdd, isTreeSize, shiftRight } from '../tree/bits.js'
import { assertProof } from './assertProof.js'

/** Parameters of {@link rootFromInclusionProof}; every field is untrusted. */
export type RootFromInclusionProofParameters = {
  leafHash: Uint8Array
  index: number
  treeSize: number
  proof: Uint8Array[]
}

/** Parameters of {@link verifyInclusion}; every field is untrusted. */
export type VerifyInclusionParameters = RootFromInclusionProofParameters & { rootHash: Uint8Array }

/**
 * The root an inclusion proof leads to, computed as in RFC 9162 §2.1.3.2
 * steps 1–5 without the final comparison. Throws `INVALID_PROOF` when the
 * index, size, hashes or proof length are impossible.
 *
 * @example rootFromInclusionProof({ leafHash, index: 5, treeSize: 8, proof })
 */
export function rootFromInclusionProof(p: RootFromInclusionProofParameters): Uint8Array {
  if (!isTreeSize(p.index) || !isTreeSize(p.treeSize)) reject('index and treeSize must be safe non-negative integers')
  if (p.index >= p.treeSize) reject(`index ${p.index} is not below treeSize ${p.treeSize}`)
  if (!isHash(p.leafHash)) reject('the leaf hash must be 32 bytes')
  assertProof(p.proof, 'inclusion')
  let fn = p.index
  let sn = p.treeSize - 1
  let r = p.leafHash
  for (const hash of p.proof) {
    if (sn === 0) reject('the proof is longer than the path to the root')
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(hash, r)
      while (!isOdd(fn) && fn !== 0) {
        fn = shiftRight(fn)
        sn = shiftRight(sn)
      }
    } else {
      r = hashChildren(r, hash)
    }
    fn = shiftRight(fn)
    sn = shiftRight(sn)
  }
  if (sn !== 0) reject('the proof is shorter than the path to the root')
  return r
}

/**
 * Verifies that `leafHash` is leaf `index` of the tree of `treeSize` leaves
 * whose root is `rootHash` (RFC 9162 §2.1.3.2). Throws `INVALID_PROOF` with
 * the reason; the roots are compared in constant time.
 *
 * @example verifyInclusion({ leafHash: hashLeaf(leaf), index, treeSize, proof, rootHash })
 */
export function verifyInclusion(p: VerifyInclusionParameters): void {
  const computed = rootFromInclusionProof(p)
  if (!isHash(p.rootHash)) reject('the root hash must be 32 bytes')
  if (!equalBytes(computed, p.rootHash)) reject('the proof leads to another root')
}

function reject(reason: string): never {
  throw new LogError('INVALID_PROOF', `inclusion proof rejected: ${reason}`)
}
