import { sha256 } from '@tabularium/core'

/** Size in bytes of every tree hash (SHA-256, RFC 9162 §2.1.1). */
export const HASH_SIZE = 32

/**
 * The root of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1).
 *
 * @example toHex(EMPTY_ROOT) // 'e3b0c442…b855'
 */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0))

/**
 * Hash of one leaf, SHA-256(0x00 ‖ data) (RFC 9162 §2.1.1). The 0x00 prefix
 * keeps a leaf from ever being mistaken for an interior node.
 *
 * @example toHex(hashLeaf(new Uint8Array(0))) // '6e340b9c…a01d'
 */
export function hashLeaf(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(data.length + 1)
  input.set(data, 1)
  return sha256(input)
}

/**
 * Hash of an interior node, SHA-256(0x01 ‖ left ‖ right) (RFC 9162 §2.1.1).
 *
 * @example hashChildren(hashLeaf(a), hashLeaf(b)) // root of the tree [a, b]
 */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length)
  input[0] = 1
  input.set(left, 1)
  input.set(right, 1 + left.length)
  return sha256(input)
}

/** True when `value` is a byte array of exactly one hash. */
export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE
}
