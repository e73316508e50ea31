import type { NodeKeys } from '../types.js'
import { createCheckpointSigner } from './createCheckpointSigner.js'

/**
 * The C2SP verifier keys of a node's keys, as a genesis file lists them for
 * its member: `logKey` (signed-note Ed25519) and `witnessKey`
 * (tlog-cosignature).
 *
 * @example const { logKey, witnessKey } = nodeVerifierKeys(keys)
 */
export function nodeVerifierKeys(keys: NodeKeys): { logKey: string; witnessKey: string } {
  const { logKey, witnessKey } = createCheckpointSigner({ origin: 'unused', keys })
  return { logKey, witnessKey }
}
