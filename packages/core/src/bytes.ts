import { base64, base64urlnopad, hex } from '@scure/base'
import { CoreError } from './errors.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** UTF-8 bytes of a string. @example utf8('hi') // Uint8Array [104, 105] */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** Decodes UTF-8, throwing `INVALID_ENCODING` on malformed input. */
export function fromUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes)
  } catch (cause) {
    throw new CoreError('INVALID_ENCODING', 'bytes are not valid UTF-8', { cause })
  }
}

/** Standard padded base64 (RFC 4648 §4), as C2SP notes and receipts use. */
export function toBase64(bytes: Uint8Array): string {
  return base64.encode(bytes)
}

/** Parses standard padded base64; rejects anything else with `INVALID_ENCODING`. */
export function fromBase64(text: string): Uint8Array {
  return decodeWith(base64.decode, text, 'base64')
}

/** Unpadded base64url (RFC 4648 §5), as JOSE uses. */
export function toBase64Url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes)
}

/** Parses unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array {
  return decodeWith(base64urlnopad.decode, text, 'base64url')
}

/** Lower-case hexadecimal. */
export function toHex(bytes: Uint8Array): string {
  return hex.encode(bytes)
}

/** Parses hexadecimal (either case). */
export function fromHex(text: string): Uint8Array {
  return decodeWith(hex.decode, text.toLowerCase(), 'hex')
}

function decodeWith(decode: (s: string) => Uint8Array, text: string, name: string): Uint8Array {
  if (typeof text !== 'string') throw new CoreError('INVALID_ENCODING', `expected a ${name} string`)
  try {
    return decode(text)
  } catch (cause) {
    throw new CoreError('INVALID_ENCODING', `not valid ${name}`, { cause })
  }
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0
  for (const part of parts) length += part.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/**
 * Compares two byte arrays in time that depends only on their length, so that
 * verification code does not leak how many leading bytes of a forgery match.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}

/** 8-byte big-endian encoding of a non-negative integer (as C2SP cosignatures use). */
export function uint64BE(value: number | bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, BigInt(value))
  return out
}
