import { IdentityError } from '../errors.js'

/**
 * The minimum length of a status list: 131,072 entries (16 KiB), so that one
 * credential's index says little about whom it belongs to (herd privacy,
 * StatusList2021 §6.1, Bitstring Status List §5.3).
 */
export const MIN_STATUS_LIST_LENGTH = 131_072

/**
 * A zeroed status bitstring of at least `length` bits, rounded up to whole bytes.
 *
 * @example const bits = createBitstring() // 16 KiB, every credential valid
 */
export function createBitstring({ length = MIN_STATUS_LIST_LENGTH }: { length?: number } = {}): Uint8Array {
  if (!Number.isSafeInteger(length) || length <= 0) throw new RangeError('length must be a positive integer')
  return new Uint8Array(Math.ceil(length / 8))
}

// Index 0 is the left-most (most significant) bit of the first byte, in
// both StatusList2021 and Bitstring Status List (§3.2 "bitstring expansion").
function position(bits: Uint8Array, index: number): [number, number] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new IdentityError('STATUS_UNAVAILABLE', 'status index is outside the status list', { details: { index } })
  }
  return [index >> 3, 0x80 >> (index & 7)]
}

/** Reads the bit at `index`. @example getBit(bits, 42) // false */
export function getBit(bits: Uint8Array, index: number): boolean {
  const [byte, mask] = position(bits, index)
  return ((bits[byte] as number) & mask) !== 0
}

/**
 * Sets (`value` true: revoked or suspended) or clears the bit at `index`, in place.
 *
 * @example setBit(bits, 42, true)
 */
export function setBit(bits: Uint8Array, index: number, value: boolean): Uint8Array {
  const [byte, mask] = position(bits, index)
  bits[byte] = value ? (bits[byte] as number) | mask : (bits[byte] as number) & ~mask
  return bits
}
