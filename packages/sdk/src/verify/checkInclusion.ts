import { isBaseError } from '@tabularium/core'
import { hashLeaf, verifyInclusion } from '@tabularium/log'
import { SdkError } from '../errors.js'
import { type HashInput, toBytes, toProof } from './toBytes.js'

/** Options of `checkInclusion`. */
export interface CheckInclusionParameters {
  /** The leaf bytes (or their base64, as receipts carry them). */
  leaf: HashInput
  index: number
  treeSize: number
  rootHash: HashInput
  /** `GET /v1/proofs/inclusion?index=&treeSize=` → `proof`. */
  proof: readonly HashInput[]
}

/**
 * Checks that `leaf` is entry `index` of the tree of `treeSize` with root
 * `rootHash` (RFC 9162 §2.1.3), e.g. that an old receipt's entry is still
 * in place in the latest tree. Throws an `SdkError` `INVALID_PROOF` if not.
 *
 * @example
 * const { proof } = await client.getInclusionProof({ index, treeSize: latest.treeSize })
 * checkInclusion({ leaf: receipt.leaf, index, treeSize: latest.treeSize, rootHash: latest.rootHash, proof })
 */
export function checkInclusion(p: CheckInclusionParameters): void {
  const parameters = {
    leafHash: hashLeaf(toBytes(p.leaf, 'the leaf')),
    index: p.index,
    treeSize: p.treeSize,
    rootHash: toBytes(p.rootHash, 'the root hash'),
    proof: toProof(p.proof, 'the inclusion proof'),
  }
  try {
    verifyInclusion(parameters)
  } catch (cause) {
    if (!isBaseError(cause)) throw cause
    throw new SdkError('INVALID_PROOF', cause.message, { cause, details: { index: p.index, treeSize: p.treeSize } })
  }
}
