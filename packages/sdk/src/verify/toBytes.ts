import { fromBase64 } from '@tabularium/core'
import { SdkError } from '../errors.js'

/** A hash as bytes or as the base64 the HTTP API and receipts carry. */
export type HashInput = Uint8Array | string

/** Bytes of a hash given as bytes or base64; `INVALID_ENCODING` for anything else. */
export function toBytes(value: HashInput, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value
  try {
    return fromBase64(value)
  } catch (cause) {
    throw new SdkError('INVALID_ENCODING', `${what} is not valid base64`, { cause })
  }
}

/** Bytes of every hash of a proof. */
export function toProof(proof: readonly HashInput[], what: string): Uint8Array[] {
  if (!Array.isArray(proof)) throw new SdkError('INVALID_PROOF', `${what} is not an array of hashes`)
  return proof.map((hash, i) => toBytes(hash, `${what}[${i}]`))
}
