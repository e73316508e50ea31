import { isBaseError } from '@tabularium/core'
import { verifyConsistency } from '@tabularium/log'
import { SdkError } from '../errors.js'
import { type HashInput, toBytes, toProof } from './toBytes.js'

/** A tree head: its size and root (bytes or base64, as `GET /v1/checkpoint` gives it). */
export interface TreeHead {
  treeSize: number
  rootHash: HashInput
}

/** Options of `checkConsistency`. */
export interface CheckConsistencyParameters {
  /** The older tree head, e.g. the one a saved receipt's checkpoint commits to. */
  from: TreeHead
  /** The newer tree head, e.g. the node's latest checkpoint. */
  to: TreeHead
  /** `GET /v1/proofs/consistency?from=&to=` → `proof`. */
  proof: readonly HashInput[]
}

/**
 * Checks that the newer tree extends the older one (RFC 9162 §2.1.4): no
 * entry the older tree held was changed or dropped. Throws an `SdkError` with
 * code `INVALID_PROOF` (or `INVALID_ENCODING`) when it does not hold.
 *
 * @example
 * const { proof } = await client.getConsistencyProof({ from: old.treeSize, to: latest.treeSize })
 * checkConsistency({ from: old, to: latest, proof })
 */
export function checkConsistency({ from, to, proof }: CheckConsistencyParameters): void {
  const parameters = {
    from: from.treeSize,
    to: to.treeSize,
    fromRoot: toBytes(from.rootHash, 'the old root hash'),
    toRoot: toBytes(to.rootHash, 'the new root hash'),
    proof: toProof(proof, 'the consistency proof'),
  }
  try {
    verifyConsistency(parameters)
  } catch (cause) {
    if (!isBaseError(cause)) throw cause
    throw new SdkError('INVALID_PROOF', cause.message, { cause, details: { from: from.treeSize, to: to.treeSize } })
  }
}
