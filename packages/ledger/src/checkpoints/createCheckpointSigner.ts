import {
  formatCheckpoint,
  formatVerifierKey,
  NOTE_SIGNATURE_COSIGNATURE_V1,
  NOTE_SIGNATURE_ED25519,
  type NoteSigner,
  noteKeyId,
  signNote,
} from '@tabularium/log'
import type { NodeKeys } from '../types.js'
import { ed25519KeyFromSeed } from './ed25519Keys.js'

/** What a checkpoint commits to. */
export interface CheckpointInput {
  treeSize: number
  rootHash: Uint8Array
  /** The block's time, in ms; the cosignature carries it in seconds. */
  timeMs: number
}

/** Signs checkpoints: returns the signed note text. */
export interface CheckpointSigner {
  (input: CheckpointInput): string
  /** The C2SP verifier keys of the node's log key and witness key (as the genesis file lists them). */
  readonly logKey: string
  readonly witnessKey: string
}

const COSIGNATURE_PREFIX = (seconds: number) => Buffer.from(`cosignature/v1\ntime ${seconds}\n`)

/**
 * The node's checkpoint signer: a C2SP tlog-checkpoint (origin = the genesis
 * origin) signed by the log key (signed-note Ed25519, type 0x01) and cosigned
 * by the node's witness key (tlog-cosignature, type 0x04). The NoteSigners are
 * backed by node:crypto, an order of magnitude faster than pure-JS Ed25519.
 *
 * @example const sign = createCheckpointSigner({ origin, keys }); sign({ treeSize, rootHash, timeMs })
 */
export function createCheckpointSigner({ origin, keys }: { origin: string; keys: NodeKeys }): CheckpointSigner {
  const log = ed25519KeyFromSeed(keys.logPrivateKey)
  const witness = ed25519KeyFromSeed(keys.witnessPrivateKey)
  let seconds = 0
  const logSigner: NoteSigner = {
    name: keys.logKeyName,
    keyId: noteKeyId({ name: keys.logKeyName, type: NOTE_SIGNATURE_ED25519, publicKey: log.publicKey }),
    sign: (text) => log.sign(text),
  }
  // tlog-cosignature: the witness signs "cosignature/v1\ntime <t>\n" ‖ text and
  // the line carries the 8-byte big-endian time before the signature.
  const cosigner: NoteSigner = {
    name: keys.witnessKeyName,
    keyId: noteKeyId({ name: keys.witnessKeyName, type: NOTE_SIGNATURE_COSIGNATURE_V1, publicKey: witness.publicKey }),
    sign: (text) => {
      const time = Buffer.alloc(8)
      time.writeBigUInt64BE(BigInt(seconds))
      return Buffer.concat([time, witness.sign(Buffer.concat([COSIGNATURE_PREFIX(seconds), text]))])
    },
  }
  const sign = ({ treeSize, rootHash, timeMs }: CheckpointInput) => {
    seconds = Math.floor(timeMs / 1000)
    return signNote({ text: formatCheckpoint({ origin, treeSize, rootHash }), signers: [logSigner, cosigner] })
  }
  return Object.assign(sign, {
    logKey: formatVerifierKey({ name: keys.logKeyName, publicKey: log.publicKey, type: NOTE_SIGNATURE_ED25519 }),
    witnessKey: formatVerifierKey({
      name: keys.witnessKeyName,
      publicKey: witness.publicKey,
      type: NOTE_SIGNATURE_COSIGNATURE_V1,
    }),
  })
}
