import { sha512 } from '@noble/hashes/sha2.js'
import { utf8 } from '@tabularium/core'
import { bytesToBigInt, type GroupPoint, mod } from '../election/group.js'

/** Domain tags of the Fiat–Shamir transcripts; one per kind of proof. */
export const PROOF_DOMAINS = {
  // v2: proofs carry their commitments and hash points as 65-byte SEC1.
  option: 'tabularium/voting/v2/option',
  sum: 'tabularium/voting/v2/sum',
  decryption: 'tabularium/voting/v1/decryption',
  dealing: 'tabularium/voting/v1/dealing',
  ceremonyKey: 'tabularium/voting/v1/ceremony-key',
  complaint: 'tabularium/voting/v1/complaint',
} as const

/** SHA-512 of one byte string (noble's by default; a node's engine passes OpenSSL's). */
export type Sha512 = (data: Uint8Array) => Uint8Array

/** A transcript part: bytes, a string (UTF-8), a point, or an integer. */
export type TranscriptPart = Uint8Array | string | GroupPoint | bigint

/**
 * The Fiat–Shamir challenge: SHA-512 of the length-prefixed parts, reduced
 * mod q. Each part carries a 4-byte big-endian length, so no two different
 * transcripts hash the same bytes; callers put the domain tag, the election
 * id and the election public key first, so that a proof made for one
 * election or purpose never verifies in another. `hash` only changes the
 * speed: every implementation of SHA-512 gives the same challenge.
 *
 * @example hashToScalar([PROOF_DOMAINS.option, electionId, publicKey, alpha, beta])
 */
export function hashToScalar(parts: TranscriptPart[], hash: Sha512 = sha512): bigint {
  return mod(bytesToBigInt(hash(transcriptBytes(parts))))
}

/**
 * The parts, each with a 4-byte big-endian length: an unambiguous encoding
 * (no two lists of parts give the same bytes), also used as the key
 * derivation's and the AEAD's context for encrypted shares.
 *
 * @example transcriptBytes(['tabularium/voting/v1/share', 'pb-2026', 'leuven', 'gent'])
 */
export function transcriptBytes(parts: TranscriptPart[]): Uint8Array {
  const chunks = parts.map(partBytes)
  const data = new Uint8Array(chunks.reduce((n, c) => n + 4 + c.length, 0))
  const view = new DataView(data.buffer)
  let at = 0
  for (const chunk of chunks) {
    view.setUint32(at, chunk.length)
    data.set(chunk, at + 4)
    at += 4 + chunk.length
  }
  return data
}

// Transcripts repeat their strings (domain tags, election ids and keys, a
// ballot's context across its proofs): their UTF-8 is kept, up to a bound.
const encoded = new Map<string, Uint8Array>()

function partBytes(part: TranscriptPart): Uint8Array {
  if (part instanceof Uint8Array) return part
  if (typeof part === 'string') {
    let bytes = encoded.get(part)
    if (bytes === undefined) {
      if (encoded.size >= 1024) encoded.clear()
      bytes = utf8(part)
      encoded.set(part, bytes)
    }
    return bytes
  }
  if (typeof part === 'bigint') return partBytes(part.toString(16))
  // The identity has no SEC1 encoding; give it the one-byte 0x00 of SEC 1 §2.3.3.
  return part.is0() ? new Uint8Array(1) : part.toBytes(true)
}
