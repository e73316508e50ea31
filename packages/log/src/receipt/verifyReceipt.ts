import { fromBase64 } from '@tabularium/core'
import type { Checkpoint } from '../checkpoint/checkpoint.js'
import { verifyCheckpoint } from '../checkpoint/verifyCheckpoint.js'
import { LogError } from '../errors.js'
import { hashLeaf } from '../hash.js'
import { verifyInclusion } from '../proof/verifyInclusion.js'
import { assertReceipt } from './receipt.js'

/** The public keys and policy a verifier trusts: the network's log and its witnesses. */
export type ReceiptTrust = { origin: string; logKeys: string[]; witnessKeys: string[]; witnessQuorum: number }

/** What a verified receipt proves: `leaf` is entry `index` of the log at `treeSize`, as `checkpoint` says. */
export type VerifyReceiptResult = {
  index: number
  treeSize: number
  leaf: Uint8Array
  checkpoint: Checkpoint
  cosigners: string[]
}

/**
 * Verifies an untrusted receipt offline: its shape, the log signature and
 * witness quorum on its checkpoint, that it speaks of the checkpoint's tree
 * size, and the inclusion proof of its leaf against the checkpoint's root.
 * Whether the leaf is the transaction `txid` names is for the ledger to check.
 * Throws `RECEIPT_MALFORMED`, any {@link verifyCheckpoint} code,
 * `TREE_SIZE_MISMATCH` or `INVALID_PROOF`.
 *
 * @example const { leaf, cosigners } = verifyReceipt({ receipt: JSON.parse(text), trust })
 */
export function verifyReceipt(p: { receipt: unknown; trust: ReceiptTrust }): VerifyReceiptResult {
  const receipt = assertReceipt(p.receipt)
  const { checkpoint, cosigners } = verifyCheckpoint({ note: receipt.checkpoint, ...p.trust })
  if (receipt.treeSize !== checkpoint.treeSize) {
    throw new LogError(
      'TREE_SIZE_MISMATCH',
      `the receipt is for tree size ${receipt.treeSize} but its checkpoint is for ${checkpoint.treeSize}`,
    )
  }
  const leaf = fromBase64(receipt.leaf)
  verifyInclusion({
    leafHash: hashLeaf(leaf),
    index: receipt.index,
    treeSize: receipt.treeSize,
    proof: receipt.inclusionProof.map(fromBase64),
    rootHash: checkpoint.rootHash,
  })
  return { index: receipt.index, treeSize: receipt.treeSize, leaf, checkpoint, cosigners }
}
