import { sha512 } from '@noble/hashes/sha2.js'
import { utf8 } from '@tabularium/core'
import { bytesToBigInt, type GroupPoint, mod } from '../election/group.js'

/** Domain tags of the Fiat–Shamir transcripts; one per kind of proof. */
export const PROOF_DOMAINS = {
  // v2: proofs carry their commitments and hash points as 65-byte SEC1.
  option: 'tabularium/voting/v2/option',
  sum: 'tabularium/voting/v2/sum',
  decryption: 'tabularium/voting/v1/decryption',
} as const

/** A transcript part: bytes, a string (UTF-8), a point, or an integer. */
export type TranscriptPart = Uint8Array | string | GroupPoint | bigint

/**
 * The Fiat–Shamir challenge: SHA-512 of the length-prefixed parts, reduced
 * mod q. Each part carries a 4-byte big-endian length, so no two different
 * transcripts hash the same bytes; callers put the domain tag, the election
 * id and the election public key first, so that a proof made for one
 * election or purpose never verifies in another.
 *
 * @example hashToScalar([PROOF_DOMAINS.option, electionId, publicKey, alpha, beta])
 */
export function hashToScalar(parts: TranscriptPart[]): bigint {
  const hash = sha512.create()
  for (const part of parts) {
    const bytes = partBytes(part)
    const length = new Uint8Array(4)
    new DataView(length.buffer).setUint32(0, bytes.length)
    hash.update(length).update(bytes)
  }
  return mod(bytesToBigInt(hash.digest()))
}

function partBytes(part: TranscriptPart): Uint8Array {
  if (part instanceof Uint8Array) return part
  if (typeof part === 'string') return utf8(part)
  if (typeof part === 'bigint') return utf8(part.toString(16))
  // The identity has no SEC1 encoding; give it the one-byte 0x00 of SEC 1 §2.3.3.
  return part.is0() ? new Uint8Array(1) : part.toBytes(true)
}
