import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js'
import { p256 } from '@noble/curves/nist.js'
import { toBase64Url } from '@tabularium/core'
import { VotingError } from '../errors.js'
import { decodeBase64Url } from './base64url.js'

// The election group is NIST P-256 (cofactor 1). A point is carried as its
// uncompressed SEC1 encoding (SEC 1 §2.3.3), so validating one costs a single
// curve-equation check instead of a square root; that is what lets anyone
// re-aggregate a million ballots in seconds (see README, "Why P-256").

/** A point of the election group. */
export type GroupPoint = WeierstrassPoint<bigint>

/** The group's point constructor (noble-curves P-256). */
export const Point = p256.Point

/** The prime order q of the group (and of the scalar field). */
export const ORDER: bigint = Point.Fn.ORDER

/** The generator g. */
export const G: GroupPoint = Point.BASE

/** Length in bytes of an encoded point. */
export const POINT_BYTES = 65

/** A source of uniformly random bytes (tests pass a seeded one). */
export type RandomBytes = (length: number) => Uint8Array

/** The platform's CSPRNG (WebCrypto), the default wherever randomness is a parameter. */
export const cryptoRandom: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length))

/** Reduces an integer into [0, q). */
export function mod(value: bigint): bigint {
  const r = value % ORDER
  return r < 0n ? r + ORDER : r
}

/** A uniform non-zero scalar: 48 random bytes reduced mod q (bias below 2^-128). */
export function randomScalar(random: RandomBytes = cryptoRandom): bigint {
  for (;;) {
    const s = mod(bytesToBigInt(random(48)))
    if (s !== 0n) return s
  }
}

/** g^m for a public (small) exponent; g^0 is the identity. */
export function gPow(m: bigint): GroupPoint {
  return m === 0n ? Point.ZERO : G.multiplyUnsafe(mod(m))
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

/** Big-endian bytes to an integer (through hex: one BigInt parse, not one shift per byte). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '0x0'
  for (const byte of bytes) hex += HEX[byte]
  return BigInt(hex)
}

/** Encodes a point as base64url of its 65-byte uncompressed SEC1 form. */
export function encodePoint(point: GroupPoint): string {
  return toBase64Url(point.toBytes(false))
}

/**
 * Parses a point from hostile input: exactly 65 bytes, prefix 0x04, on the
 * curve, not the identity. Anything else throws `MALFORMED_INPUT`.
 */
export function decodePoint(text: unknown, what = 'point'): GroupPoint {
  const bytes = decodeBytes(text, what)
  if (bytes.length !== POINT_BYTES || bytes[0] !== 0x04) {
    throw new VotingError('MALFORMED_INPUT', `${what} is not an uncompressed P-256 point`)
  }
  try {
    const point = Point.fromBytes(bytes)
    point.assertValidity()
    return point
  } catch (cause) {
    throw new VotingError('MALFORMED_INPUT', `${what} is not on the curve`, { cause })
  }
}

/**
 * A point as a proof or ballot carries it: its 65 bytes, checked only for
 * length and prefix here, and a name for error messages. Whether it is on the
 * curve is checked where it is used, by the group backend (one batched check
 * instead of a parse per point).
 */
export type EncodedPoint = { bytes: Uint8Array; what: string }

/** Reads an encoded point from hostile input: 65 bytes with prefix 0x04, or `MALFORMED_INPUT`. */
export function readEncodedPoint(text: unknown, what = 'point'): EncodedPoint {
  const bytes = decodeBytes(text, what)
  if (bytes.length !== POINT_BYTES || bytes[0] !== 0x04) {
    throw new VotingError('MALFORMED_INPUT', `${what} is not an uncompressed P-256 point`)
  }
  return { bytes, what }
}

/** A scalar in [0, 2^256) as 32 big-endian bytes. */
export function scalarBytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(32)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < 4; i++) view.setBigUint64(8 * i, BigInt.asUintN(64, value >> BigInt(192 - 64 * i)))
  return bytes
}

/** Encodes a scalar as base64url of 32 big-endian bytes. */
export function encodeScalar(value: bigint): string {
  return toBase64Url(scalarBytes(value))
}

/** Parses a scalar in [0, q) from hostile input, or throws `MALFORMED_INPUT`. */
export function decodeScalar(text: unknown, what = 'scalar'): bigint {
  const bytes = decodeBytes(text, what)
  const value = bytesToBigInt(bytes)
  if (bytes.length !== 32 || value >= ORDER) {
    throw new VotingError('MALFORMED_INPUT', `${what} is not a scalar below the group order`)
  }
  return value
}

function decodeBytes(text: unknown, what: string): Uint8Array {
  // Bound the length before decoding so a huge string costs nothing.
  if (typeof text !== 'string' || text.length > 128) {
    throw new VotingError('MALFORMED_INPUT', `${what} must be a short base64url string`)
  }
  try {
    return decodeBase64Url(text)
  } catch (cause) {
    throw new VotingError('MALFORMED_INPUT', `${what} is not base64url`, { cause })
  }
}
