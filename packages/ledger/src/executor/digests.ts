import { hash } from 'node:crypto'
import { canonicalize } from '@tabularium/core'
import type { Genesis } from '@tabularium/protocol'
import { compareKeys } from './compareKeys.js'
import type { StateWrite } from './stateView.js'

// node:crypto's one-shot `hash` rather than the pure-JS hash of
// @tabularium/core or `createHash`: same bytes, several times faster for the
// small inputs of the hot path.

/** Hex SHA-256 of a string's UTF-8 bytes or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex')
}

/**
 * JCS of a write-set: `[[module, key, value|null], …]` sorted by module, then
 * key, in UTF-8 byte order. Values are already JCS text, so the JCS form is
 * assembled rather than re-canonicalised.
 *
 * @example writeSetJcs([{ module: 'm', key: 'k', value: '1' }]) // '[["m","k",1]]'
 */
export function writeSetJcs(writes: readonly StateWrite[]): string {
  if (writes.length === 0) return '[]'
  const sorted =
    writes.length === 1
      ? writes
      : [...writes].sort((a, b) => compareKeys(a.module, b.module) || compareKeys(a.key, b.key))
  let out = '['
  for (const [i, w] of sorted.entries()) {
    out += `${i === 0 ? '' : ','}[${JSON.stringify(w.module)},${JSON.stringify(w.key)},${w.value ?? 'null'}]`
  }
  return `${out}]`
}

/**
 * The running state digest (docs/leaf-encoding.md §4):
 * hex SHA-256(previous digest bytes ‖ SHA-256(JCS(write-set))).
 */
export function nextStateDigest(previous: string, writeSet: string): string {
  const input = Buffer.allocUnsafe(64)
  input.write(previous, 0, 32, 'hex')
  hash('sha256', writeSet, 'buffer').copy(input, 32)
  return hash('sha256', input, 'hex')
}

/** The digest the state starts from: hex SHA-256(JCS(genesis)). */
export function genesisDigest(genesis: Genesis): string {
  return sha256Hex(canonicalize(genesis))
}

/** The events digest of an accepted entry: hex SHA-256(JCS(events)); events are JCS text already. */
export function eventsDigest(events: readonly string[]): string {
  return sha256Hex(`[${events.join(',')}]`)
}

/**
 * A leaf's bytes and its RFC 9162 leaf hash SHA-256(0x00 ‖ leaf), encoded
 * once into one buffer whose first byte is the 0x00 prefix.
 *
 * @example const { leaf, leafHash } = encodeLeaf('{"block":1,…}')
 */
export function encodeLeaf(text: string): { leaf: Buffer; leafHash: Buffer } {
  const prefixed = Buffer.allocUnsafe(Buffer.byteLength(text) + 1)
  prefixed[0] = 0
  prefixed.write(text, 1)
  return { leaf: prefixed.subarray(1), leafHash: hash('sha256', prefixed, 'buffer') }
}
