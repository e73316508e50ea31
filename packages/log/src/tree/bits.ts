import { LogError } from '../errors.js'

// Tree sizes and indices are JavaScript numbers, exact up to 2^53 - 1. The
// bitwise operators work on 32 bits only, so these helpers use arithmetic.

/** Largest size a tree may have here: 2^53 - 1 (Number.MAX_SAFE_INTEGER). */
export const MAX_TREE_SIZE = Number.MAX_SAFE_INTEGER

/** `n` shifted right by `k` bits. */
export function shiftRight(n: number, k = 1): number {
  return Math.floor(n / 2 ** k)
}

/** True when the lowest bit of `n` is set. */
export function isOdd(n: number): boolean {
  return n % 2 === 1
}

/** Number of bits needed to write `n` (0 for 0). */
export function bitLength(n: number): number {
  let length = 0
  for (let rest = n; rest > 0; rest = shiftRight(rest)) length++
  return length
}

/** Number of set bits of `n`. */
export function onesCount(n: number): number {
  let count = 0
  for (let rest = n; rest > 0; rest = shiftRight(rest)) if (isOdd(rest)) count++
  return count
}

/** The largest power of two strictly less than `n` (n ≥ 2), the RFC 9162 §2.1.1 split point k. */
export function splitPoint(n: number): number {
  return 2 ** (bitLength(n - 1) - 1)
}

/** True when `n` is a non-negative integer no larger than MAX_TREE_SIZE. */
export function isTreeSize(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
}

/** Throws `INVALID_TREE_SIZE` unless `value` is an integer in [min, MAX_TREE_SIZE]. */
export function assertTreeSize(value: unknown, name: string, min = 0): asserts value is number {
  if (!isTreeSize(value) || value < min) {
    throw new LogError('INVALID_TREE_SIZE', `${name} must be an integer from ${min} to ${MAX_TREE_SIZE}`, {
      details: { [name]: String(value) },
    })
  }
}
