import { base64ToBytes, bytesToHex } from './base64.js'

/** One signature line of a C2SP signed note. */
export interface NoteSignature {
  /** The key name (`— <name> <base64>`). */
  name: string
  /** The 4-byte key hash, hex. */
  keyId: string
  /** `cosignature` when the line carries a tlog-cosignature timestamp (76 bytes). */
  kind: 'signature' | 'cosignature'
  /** Cosignature time (seconds since the epoch), for cosignatures. */
  timestamp?: number
}

/** A parsed C2SP tlog-checkpoint (for display only; verification is `verifyReceipt`'s). */
export interface ParsedCheckpoint {
  origin: string
  treeSize: number
  rootHash: string
  /** Extension lines after the root hash (e.g. the state digest). */
  extensions: string[]
  signatures: NoteSignature[]
}

/** A parsed C2SP verifier key `name+keyid+base64(type‖key)`. */
export interface VerifierKey {
  name: string
  keyId: string
}

// Parses for display: a hostile note can at worst display wrong, never run
// code. Uses no RegExp built from input.
/** Parses a checkpoint note's body and signature lines; throws on a malformed note. */
export function parseCheckpointNote(note: string): ParsedCheckpoint {
  const split = note.indexOf('\n\n')
  if (split < 0) throw new Error('a signed note needs a blank line before its signatures')
  const body = note.slice(0, split).split('\n')
  const [origin, size, rootHash, ...extensions] = body
  const treeSize = Number(size)
  if (!origin || !Number.isSafeInteger(treeSize) || !rootHash) throw new Error('not a checkpoint')
  const signatures = note
    .slice(split + 2)
    .split('\n')
    .filter((line) => line.startsWith('— '))
    .map(parseSignatureLine)
  return { origin, treeSize, rootHash, extensions, signatures }
}

function parseSignatureLine(line: string): NoteSignature {
  const rest = line.slice(2)
  const space = rest.lastIndexOf(' ')
  const name = rest.slice(0, space)
  let bytes: Uint8Array = new Uint8Array()
  try {
    bytes = base64ToBytes(rest.slice(space + 1))
  } catch {
    // shown as an unknown key
  }
  const keyId = bytesToHex(bytes.subarray(0, 4))
  if (bytes.length === 4 + 8 + 64) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + 4, 8)
    return { name, keyId, kind: 'cosignature', timestamp: Number(view.getBigUint64(0)) }
  }
  return { name, keyId, kind: 'signature' }
}

/** Parses a verifier key string into its name and key id. */
export function parseVerifierKey(key: string): VerifierKey {
  const [name = '', keyId = ''] = key.split('+')
  return { name, keyId: keyId.toLowerCase() }
}
