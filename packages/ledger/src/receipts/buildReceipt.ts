import { toBase64 } from '@tabularium/core'
import { type GetNode, inclusionProof, type Receipt } from '@tabularium/log'

/** Parameters of `buildReceipt`. */
export interface BuildReceiptParameters {
  index: number
  txid: string
  leaf: Uint8Array
  treeSize: number
  /** The signed note of the checkpoint at `treeSize`. */
  note: string
  getNode: GetNode
}

/**
 * A receipt: the leaf, its inclusion proof and the signed checkpoint it is
 * proved against, verifiable offline with `verifyReceipt` (@tabularium/log).
 *
 * @example buildReceipt({ index, txid, leaf, treeSize, note, getNode })
 */
export function buildReceipt(p: BuildReceiptParameters): Receipt {
  const proof = inclusionProof({ index: p.index, treeSize: p.treeSize, getNode: p.getNode })
  return {
    v: 1,
    txid: p.txid,
    leaf: toBase64(p.leaf),
    index: p.index,
    treeSize: p.treeSize,
    inclusionProof: proof.map(toBase64),
    checkpoint: p.note,
  }
}
