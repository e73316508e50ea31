import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { utf8 } from './bytes.js'

type OneShotHash = (algorithm: string, data: Uint8Array, encoding: 'buffer') => Uint8Array
// On Node (20.12+: `process.getBuiltinModule`, `crypto.hash`) the one-shot
// node:crypto hash is ~2× faster than the pure-JS one for the 33–65 byte
// inputs of a Merkle tree (each node hashes every block's new tree nodes and
// receipts' proofs on its main thread). Looked up at run time, so browser
// bundles keep only the pure-JS code.
const nodeHash = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => { hash?: OneShotHash } | undefined } }
).process?.getBuiltinModule?.('node:crypto')?.hash

/**
 * SHA-256 (FIPS 180-4): node:crypto on Node, pure JS elsewhere (the browser's
 * offline verifier). Always a plain Uint8Array of 32 bytes.
 *
 * @example toHex(sha256(utf8('abc'))) // 'ba7816bf…'
 */
export function sha256(data: Uint8Array | string): Uint8Array {
  const bytes = typeof data === 'string' ? utf8(data) : data
  if (nodeHash === undefined) return nobleSha256(bytes)
  const digest = nodeHash('sha256', bytes, 'buffer')
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength)
}
