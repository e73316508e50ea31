import { base64, base64urlnopad, hex } from '@scure/base'
import { CoreError } from './errors.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

// On Node, Buffer's native codecs are several times faster than @scure/base
// (receipts and signatures go through these per transaction). Encoding is
// the same function either way; a decode through Buffer is believed only if
// re-encoding gives back the exact input (Buffer skips what it cannot read),
// else @scure/base decides, and refuses, as it always did.
type NodeBuffer = Uint8Array & { toString(encoding: string): string }
const NodeBuffer = (
  globalThis as {
    Buffer?: {
      from(b: ArrayBufferLike, offset: number, length: number): NodeBuffer
      from(s: string, e: string): NodeBuffer
    }
  }
).Buffer

function nativeEncode(bytes: Uint8Array, encoding: string): string | undefined {
  return NodeBuffer?.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding)
}

function nativeDecode(text: string, encoding: string): Uint8Array | undefined {
  if (NodeBuffer === undefined || typeof text !== 'string') return undefined
  const bytes = NodeBuffer.from(text, encoding)
  // A plain Uint8Array of its own: a small Buffer is a view of a shared pool.
  return bytes.toString(encoding) === text ? new Uint8Array(bytes) : undefined
}

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
  return nativeEncode(bytes, 'base64') ?? base64.encode(bytes)
}

/** Parses standard padded base64; rejects anything else with `INVALID_ENCODING`. */
export function fromBase64(text: string): Uint8Array {
  return nativeDecode(text, 'base64') ?? decodeWith(base64.decode, text, 'base64')
}

/** Unpadded base64url (RFC 4648 §5), as JOSE uses. */
export function toBase64Url(bytes: Uint8Array): string {
  return nativeEncode(bytes, 'base64url') ?? base64urlnopad.encode(bytes)
}

/** Parses unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array {
  return nativeDecode(text, 'base64url') ?? decodeWith(base64urlnopad.decode, text, 'base64url')
}

/** Lower-case hexadecimal. */
export function toHex(bytes: Uint8Array): string {
  return nativeEncode(bytes, 'hex') ?? hex.encode(bytes)
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
