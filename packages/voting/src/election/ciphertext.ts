import { VotingError } from '../errors.js'
import {
  decodePoint,
  type EncodedPoint,
  encodePoint,
  G,
  type GroupPoint,
  gPow,
  Point,
  readEncodedPoint,
} from './group.js'

/** An exponential ElGamal ciphertext (g^r, g^m·pk^r), points base64url-encoded. */
export type Ciphertext = { alpha: string; beta: string }

/** A ciphertext with its points parsed. */
export type CiphertextPoints = { a: GroupPoint; b: GroupPoint }

/**
 * Exponential ElGamal: (g^r, g^m · pk^r). Adding two ciphertexts adds their
 * plaintexts, which is what lets the tally be computed without decrypting a
 * single ballot.
 *
 * @example const { a, b } = encryptPoints({ publicKey, message: 1n, nonce: randomScalar() })
 */
export function encryptPoints(params: { publicKey: GroupPoint; message: bigint; nonce: bigint }): CiphertextPoints {
  const { publicKey, message, nonce } = params
  return { a: G.multiply(nonce), b: gPow(message).add(publicKey.multiply(nonce)) }
}

/** Encodes a parsed ciphertext. */
export function encodeCiphertext(ct: CiphertextPoints): Ciphertext {
  return { alpha: encodePoint(ct.a), beta: encodePoint(ct.b) }
}

/** Parses a ciphertext from hostile input (`MALFORMED_INPUT` on any defect). */
export function decodeCiphertext(value: unknown, what = 'ciphertext'): CiphertextPoints {
  if (typeof value !== 'object' || value === null) {
    throw new VotingError('MALFORMED_INPUT', `${what} must be an object { alpha, beta }`)
  }
  const { alpha, beta } = value as Record<string, unknown>
  return { a: decodePoint(alpha, `${what}.alpha`), b: decodePoint(beta, `${what}.beta`) }
}

/** A ciphertext as received: its two points' bytes, checked for the group where they are used. */
export type EncodedCiphertext = { alpha: EncodedPoint; beta: EncodedPoint }

/** Reads a ciphertext's encodings from hostile input (`MALFORMED_INPUT` on a bad shape, length or prefix). */
export function readCiphertext(value: unknown, what = 'ciphertext'): EncodedCiphertext {
  if (typeof value !== 'object' || value === null) {
    throw new VotingError('MALFORMED_INPUT', `${what} must be an object { alpha, beta }`)
  }
  const { alpha, beta } = value as Record<string, unknown>
  return { alpha: readEncodedPoint(alpha, `${what}.alpha`), beta: readEncodedPoint(beta, `${what}.beta`) }
}

/** The encodings of a ciphertext the prover computed, as its proofs hash them. */
export function encodedCiphertextOf(ct: CiphertextPoints, what = 'ciphertext'): EncodedCiphertext {
  return {
    alpha: { bytes: ct.a.toBytes(false), what: `${what}.alpha` },
    beta: { bytes: ct.b.toBytes(false), what: `${what}.beta` },
  }
}

/** Component-wise sum of parsed ciphertexts (the identity for none). */
export function sumPoints(cts: CiphertextPoints[]): CiphertextPoints {
  let a = Point.ZERO
  let b = Point.ZERO
  for (const ct of cts) {
    a = a.add(ct.a)
    b = b.add(ct.b)
  }
  return { a, b }
}
