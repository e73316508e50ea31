import { equalBytes } from '@tabularium/core'
import { LogError } from '../errors.js'
import { EMPTY_ROOT, hashChildren, isHash } from '../hash.js'
import { isOdd, isTreeSize, onesCount, shiftRight } from '../tree/bits.js'
import { assertProof } from './assertProof.js'

/** Parameters of {@link verifyConsistency}; every field is untrusted. */
export type VerifyConsistencyParameters = {
  from: number
  to: number
  proof: Uint8Array[]
  fromRoot: Uint8Array
  toRoot: Uint8Array
}

/**
 * Verifies that the tree of size `to` with root `toRoot` extends the tree of
 * size `from` with root `fromRoot` (RFC 9162 §2.1.4.2). Equal sizes need an
 * empty proof and equal roots; a proof from the empty tree is refused, as in
 * RFC 9162 §2.1.4.1. Throws `INVALID_PROOF` with the reason.
 *
 * @example verifyConsistency({ from: 6, to: 8, proof, fromRoot, toRoot })
 */
export function verifyConsistency(p: VerifyConsistencyParameters): void {
  if (!isTreeSize(p.from) || !isTreeSize(p.to)) reject('from and to must be safe non-negative integers')
  if (!isHash(p.fromRoot) || !isHash(p.toRoot)) reject('both roots must be 32-byte hashes')
  assertProof(p.proof, 'consistency')
  if (p.from > p.to) reject(`from ${p.from} is larger than to ${p.to}`)
  if (p.from === p.to) {
    verifySameSize(p)
    return
  }
  if (p.from === 0) reject('a proof from the empty tree is meaningless')
  if (p.proof.length === 0) reject('the proof is empty')
  // Step 2: when from is a power of two, the old root is the proof's first node.
  const path = onesCount(p.from) === 1 ? [p.fromRoot, ...p.proof] : p.proof
  let fn = p.from - 1
  let sn = p.to - 1
  while (isOdd(fn)) {
    fn = shiftRight(fn)
    sn = shiftRight(sn)
  }
  let fr = path[0] as Uint8Array
  let sr = fr
  for (const c of path.slice(1)) {
    if (sn === 0) reject('the proof is longer than expected')
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr)
      sr = hashChildren(c, sr)
      while (!isOdd(fn) && fn !== 0) {
        fn = shiftRight(fn)
        sn = shiftRight(sn)
      }
    } else {
      sr = hashChildren(sr, c)
    }
    fn = shiftRight(fn)
    sn = shiftRight(sn)
  }
  if (sn !== 0) reject('the proof is shorter than expected')
  // Both comparisons always run, so timing does not tell which root failed.
  const oldMatches = equalBytes(fr, p.fromRoot)
  const newMatches = equalBytes(sr, p.toRoot)
  if (!oldMatches) reject('the proof does not lead to the old root')
  if (!newMatches) reject('the proof does not lead to the new root')
}

function verifySameSize(p: VerifyConsistencyParameters): void {
  if (p.proof.length !== 0) reject('the proof must be empty when the sizes are equal')
  if (p.from === 0 && !equalBytes(p.fromRoot, EMPTY_ROOT)) reject('the root of the empty tree is SHA-256 of nothing')
  if (!equalBytes(p.fromRoot, p.toRoot)) reject('equal sizes with different roots')
}

function reject(reason: string): never {
  throw new LogError('INVALID_PROOF', `consistency proof rejected: ${reason}`)
}
