import { createHash } from 'node:crypto'

// An independent RFC 6962 §2.1 implementation for tests, so that the node's
// tiles are checked against the spec rather than against the ledger's own code.
const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return new Uint8Array(hash.digest())
}

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ data). */
export const leafHash = (data: Uint8Array): Uint8Array => sha256(new Uint8Array([0]), data)

/** RFC 6962 Merkle Tree Hash of a list of leaf hashes. */
export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256()
  if (leaves.length === 1) return leaves[0] as Uint8Array
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return sha256(new Uint8Array([1]), merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)))
}

/** Splits a tile into its 32-byte hashes. */
export function tileHashes(tile: Uint8Array): Uint8Array[] {
  return Array.from({ length: tile.length / 32 }, (_, i) => tile.slice(i * 32, i * 32 + 32))
}

/** Splits an entry bundle into its uint16-length-prefixed entries (C2SP tlog-tiles). */
export function bundleEntries(bundle: Uint8Array): Uint8Array[] {
  const entries: Uint8Array[] = []
  for (let at = 0; at < bundle.length; ) {
    const length = ((bundle[at] as number) << 8) | (bundle[at + 1] as number)
    entries.push(bundle.slice(at + 2, at + 2 + length))
    at += 2 + length
  }
  return entries
}

/** The tile path of index N: 3-digit elements, all but the last prefixed with x. */
export function tileIndexPath(index: number): string {
  const digits = String(index).padStart(3 * Math.max(1, Math.ceil(String(index).length / 3)), '0')
  const elements = digits.match(/.{3}/g) as string[]
  return elements.map((e, i) => (i < elements.length - 1 ? `x${e}` : e)).join('/')
}
