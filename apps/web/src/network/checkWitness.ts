import type { NetworkInfo } from '../api/types.js'
import type { OutsideWitness } from './api.js'
import { logSignatureProblem, type SignatureState, signatureState } from './checkFinalCheckpoint.js'

/**
 * An outside witness's latest cosignature, checked here: the note must carry
 * this network's log signature (genesis keys) for the size the witness is
 * said to have cosigned, and a valid cosignature by the witness key the node
 * lists. That key comes from the node's configuration, not the genesis, so
 * "verified" means "signed by the key this node names".
 *
 * @example checkWitness(witness, network) // 'verified'
 */
export function checkWitness(witness: OutsideWitness, network: NetworkInfo): SignatureState {
  if (witness.note === null || witness.cosignedSize === null) return 'absent'
  if (logSignatureProblem({ note: witness.note, treeSize: witness.cosignedSize }, network)) return 'invalid'
  return signatureState(witness.note, witness.key)
}
