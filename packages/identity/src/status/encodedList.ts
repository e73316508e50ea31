import { fromBase64Url, toBase64, toBase64Url } from '@tabularium/core'
import { Gunzip, gzipSync } from 'fflate'
import { IdentityError } from '../errors.js'

/** The two W3C status-list formats. */
export type StatusListFormat = 'StatusList2021' | 'BitstringStatusList'

/** Largest status list a verifier inflates: 16 MiB = 134 million entries. */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024

/**
 * Encodes a status bitstring as `encodedList`: GZIP (RFC 1952), then
 * - StatusList2021 (EBSI profile): base64 without padding, as EBSI writes and reads it;
 * - Bitstring Status List: multibase base64url, i.e. `u` + unpadded base64url (§2.1).
 * `fflate` is used in Node and in the browser alike: one synchronous code
 * path, and byte-identical lists on the server and in the wallet.
 *
 * @example encodeStatusList({ bits, format: 'BitstringStatusList' }) // 'uH4sIAAAAAAAA…'
 */
export function encodeStatusList({ bits, format }: { bits: Uint8Array; format: StatusListFormat }): string {
  // mtime 0 and no file name: the same list always encodes to the same text.
  const gzipped = gzipSync(bits, { level: 9, mtime: 0 })
  return format === 'BitstringStatusList' ? `u${toBase64Url(gzipped)}` : toBase64(gzipped).replace(/=+$/, '')
}

/**
 * Decodes an untrusted `encodedList`: multibase `u…`, base64 or base64url,
 * padded or not. Inflation stops at `maxBytes` (a GZIP bomb is refused);
 * anything malformed is `STATUS_UNAVAILABLE`.
 *
 * @example const bits = decodeStatusList({ encodedList })
 */
export function decodeStatusList({
  encodedList,
  maxBytes = MAX_STATUS_LIST_BYTES,
}: {
  encodedList: unknown
  maxBytes?: number
}): Uint8Array {
  if (typeof encodedList !== 'string' || encodedList.length > maxBytes) {
    throw new IdentityError('STATUS_UNAVAILABLE', 'encodedList is not a string of sane length')
  }
  return gunzip(decodeBase64(encodedList), maxBytes)
}

function decodeBase64(text: string): Uint8Array {
  try {
    if (text.startsWith('u')) return fromBase64Url(text.slice(1))
    // GZIP output in base64 always starts with "H4sI", so a leading "u" is unambiguous.
    const url = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
    return fromBase64Url(url)
  } catch (cause) {
    throw new IdentityError('STATUS_UNAVAILABLE', 'encodedList is not base64', { cause })
  }
}

function gunzip(data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  let ended = false
  const stream = new Gunzip((chunk, final) => {
    total += chunk.length
    if (total > maxBytes) throw new IdentityError('STATUS_UNAVAILABLE', 'status list inflates beyond the limit')
    chunks.push(chunk)
    ended ||= final
  })
  try {
    stream.push(data, true)
  } catch (cause) {
    if (cause instanceof IdentityError) throw cause
    throw new IdentityError('STATUS_UNAVAILABLE', 'encodedList is not valid GZIP', { cause })
  }
  if (!ended) throw new IdentityError('STATUS_UNAVAILABLE', 'encodedList is truncated GZIP')
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
