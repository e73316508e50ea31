import { createHash } from 'node:crypto'
import { canonicalize } from '@tabularium/core'
import type { Genesis } from '@tabularium/protocol'
import { compareKeys } from './compareKeys.js'
import type { StateWrite } from './stateView.js'

// node:crypto rather than the pure-JS hash of @tabularium/core: same bytes,
// several times faster on the server's hot path.
function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest()
}

/** Hex SHA-256 of a string's UTF-8 bytes or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * JCS of a write-set: `[[module, key, value|null], …]` sorted by module, then
 * key, in UTF-8 byte order. Values are already JCS text, so the JCS form is
 * assembled rather than re-canonicalised.
 *
 * @example writeSetJcs([{ module: 'm', key: 'k', value: '1' }]) // '[["m","k",1]]'
 */
export function writeSetJcs(writes: Iterable<StateWrite>): string {
  const sorted = [...writes].sort((a, b) => compareKeys(a.module, b.module) || compareKeys(a.key, b.key))
  const items = sorted.map((w) => `[${JSON.stringify(w.module)},${JSON.stringify(w.key)},${w.value ?? 'null'}]`)
  return `[${items.join(',')}]`
}

/**
 * The running state digest (docs/leaf-encoding.md §state):
 * hex SHA-256(previous digest bytes ‖ SHA-256(JCS(write-set))).
 */
export function nextStateDigest(previous: string, writeSet: string): string {
  return createHash('sha256').update(Buffer.from(previous, 'hex')).update(sha256(writeSet)).digest('hex')
}

/** The digest the state starts from: hex SHA-256(JCS(genesis)). */
export function genesisDigest(genesis: Genesis): string {
  return sha256Hex(canonicalize(genesis))
}

/** The events digest of an accepted entry: hex SHA-256(JCS(events)); events are JCS text already. */
export function eventsDigest(events: readonly string[]): string {
  return sha256Hex(`[${events.join(',')}]`)
}
