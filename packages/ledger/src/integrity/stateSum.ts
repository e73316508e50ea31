import { hash } from 'node:crypto'

/**
 * A multiset hash of the `state` table: the sum, modulo 2^256, of one term
 * per row. Adding a row adds its term, deleting it subtracts it, so the
 * writer keeps the sum up to date with two hashes per write, and anyone can
 * recompute it from the table alone, in any order.
 *
 * A term is SHA-256(`"tabularium/state-row/v1\n"` ‖ JCS([module, key, idx])
 * ‖ `"\n"` ‖ value), read as a big-endian 256-bit integer; `value` is the
 * row's JCS text, last, so no separator can be forged.
 *
 * Held as 8 little-endian 32-bit limbs: plain number arithmetic, no BigInt.
 */
export type StateSum = Uint32Array

const LIMBS = 8
const TERM_PREFIX = 'tabularium/state-row/v1\n'
// One scratch buffer for the digest: node:crypto's hex output written into it
// is faster than asking for a fresh Buffer per hash.
const digest = Buffer.alloc(32)

/** The sum of the empty table. */
export function emptyStateSum(): StateSum {
  return new Uint32Array(LIMBS)
}

/** A state row as the sum sees it. */
export interface SummedRow {
  module: string
  key: string
  value: string
  idx: number
}

/** Adds (`sign` 1) or subtracts (`sign` -1) the term of `row`. */
export function addRow(sum: StateSum, row: SummedRow, sign: 1 | -1 = 1): void {
  const input = `${TERM_PREFIX}${JSON.stringify([row.module, row.key, row.idx])}\n${row.value}`
  digest.write(hash('sha256', input, 'hex'), 'hex')
  if (sign === 1) addDigest(sum)
  else subtractDigest(sum)
}

function addDigest(sum: StateSum): void {
  let carry = 0
  for (let i = 0; i < LIMBS; i++) {
    const total = (sum[i] as number) + digest.readUInt32BE(28 - 4 * i) + carry
    sum[i] = total // Uint32Array keeps the low 32 bits
    carry = total > 0xffffffff ? 1 : 0
  }
}

function subtractDigest(sum: StateSum): void {
  let borrow = 0
  for (let i = 0; i < LIMBS; i++) {
    const total = (sum[i] as number) - digest.readUInt32BE(28 - 4 * i) - borrow
    sum[i] = total // wraps modulo 2^32
    borrow = total < 0 ? 1 : 0
  }
}

/** Adds `other` into `sum` (partial sums of a scan in slices). */
export function addSums(sum: StateSum, other: StateSum): void {
  let carry = 0
  for (let i = 0; i < LIMBS; i++) {
    const total = (sum[i] as number) + (other[i] as number) + carry
    sum[i] = total
    carry = total > 0xffffffff ? 1 : 0
  }
}

/** 64 lower-case hex digits, most significant first. */
export function stateSumToHex(sum: StateSum): string {
  let hex = ''
  for (let i = LIMBS - 1; i >= 0; i--) hex += (sum[i] as number).toString(16).padStart(8, '0')
  return hex
}

/** Parses `stateSumToHex`'s form; undefined when `hex` is not 64 hex digits. */
export function stateSumFromHex(hex: string): StateSum | undefined {
  if (!/^[0-9a-f]{64}$/.test(hex)) return undefined
  const sum = emptyStateSum()
  for (let i = 0; i < LIMBS; i++) sum[i] = Number.parseInt(hex.slice(56 - 8 * i, 64 - 8 * i), 16)
  return sum
}
