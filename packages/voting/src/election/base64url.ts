// A strict base64url codec (RFC 4648 §5, no padding) for the verifier's hot
// path: every point and scalar of a ballot passes through it. On Node it runs
// on Buffer (C++); elsewhere a table-lookup loop, ~5× the generic radix
// conversion of @tabularium/core's `fromBase64Url`. It accepts exactly what
// that one accepts: the URL-safe alphabet only, no '=', a length that is not
// 1 mod 4, and zero bits after the last byte (one encoding per byte string).
// The tests hold both paths against it.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUES = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i

// Node's Buffer decodes in C++, ~3× the loop below, but skips characters
// outside the alphabet: its bytes are believed only when they encode back to
// the input (which also rules out padding and non-zero trailing bits), and
// anything else goes to the strict loop, which decides.
type NodeBytes = Uint8Array & { toString(encoding: 'base64url'): string }
const NodeBuffer = (
  globalThis as {
    Buffer?: {
      from(text: string, encoding: 'base64url'): NodeBytes
      from(buffer: ArrayBufferLike, offset: number, length: number): NodeBytes
    }
  }
).Buffer

/**
 * Decodes unpadded base64url, or throws a TypeError for anything else. On
 * Node the bytes may be a view of Buffer's shared pool: read them, do not
 * change them.
 *
 * @example decodeBase64Url('AQID') // Uint8Array [1, 2, 3]
 */
export function decodeBase64Url(text: string): Uint8Array {
  if (NodeBuffer !== undefined && typeof text === 'string') {
    const bytes = NodeBuffer.from(text, 'base64url')
    if (bytes.toString('base64url') === text) return bytes
  }
  return decodeBase64UrlInJs(text)
}

/** The strict decoder on its own (what browsers run); exported for the tests. */
export function decodeBase64UrlInJs(text: string): Uint8Array {
  const tail = text.length % 4
  if (tail === 1) throw new TypeError('not valid base64url')
  const out = new Uint8Array((text.length >> 2) * 3 + (tail === 0 ? 0 : tail - 1))
  let bits = 0
  let count = 0
  let at = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? (VALUES[code] as number) : -1
    if (value < 0) throw new TypeError('not valid base64url')
    bits = (bits << 6) | value
    count += 6
    if (count >= 8) {
      count -= 8
      out[at++] = (bits >> count) & 0xff
      bits &= (1 << count) - 1
    }
  }
  if (bits !== 0) throw new TypeError('not valid base64url') // non-canonical trailing bits
  return out
}

/**
 * Encodes bytes as unpadded base64url (the same text as `toBase64Url`).
 *
 * @example encodeBase64Url(Uint8Array.of(1, 2, 3)) // 'AQID'
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  if (NodeBuffer !== undefined)
    return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url')
  return encodeBase64UrlInJs(bytes)
}

/** The encoder on its own (what browsers run); exported for the tests. */
export function encodeBase64UrlInJs(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63)
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] as number
    out += ALPHABET.charAt(n >> 2) + ALPHABET.charAt((n & 3) << 4)
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 8) | (bytes[i + 1] as number)
    out += ALPHABET.charAt(n >> 10) + ALPHABET.charAt((n >> 4) & 63) + ALPHABET.charAt((n & 15) << 2)
  }
  return out
}
