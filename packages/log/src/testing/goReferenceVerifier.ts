// Test support only. A line-by-line port of transparency-dev/merkle
// proof/verify.go (RootFromConsistencyProof), with BigInt, used as an
// independent oracle: it chains by index bits ("inner"/"border") instead of
// the fn/sn walk of RFC 9162 §2.1.4.2 that the library implements.
import { equalBytes } from '@tabularium/core'
import { hashChildren } from '../hash.js'

const bitLen = (n: bigint) => (n === 0n ? 0 : n.toString(2).length)
const ones = (n: bigint) => n.toString(2).split('1').length - 1

function decomp(index: bigint, size: bigint): [number, number] {
  const inner = bitLen(index ^ (size - 1n))
  return [inner, ones(index >> BigInt(inner))]
}

function chainInner(seed: Uint8Array, proof: Uint8Array[], index: bigint): Uint8Array {
  return proof.reduce(
    (acc, h, i) => (((index >> BigInt(i)) & 1n) === 0n ? hashChildren(acc, h) : hashChildren(h, acc)),
    seed,
  )
}

function chainInnerRight(seed: Uint8Array, proof: Uint8Array[], index: bigint): Uint8Array {
  return proof.reduce((acc, h, i) => (((index >> BigInt(i)) & 1n) === 1n ? hashChildren(h, acc) : acc), seed)
}

const chainBorderRight = (seed: Uint8Array, proof: Uint8Array[]) => proof.reduce((acc, h) => hashChildren(h, acc), seed)

/** True when transparency-dev's VerifyConsistency accepts (with its 32-byte hash size enforced). */
export function goVerifyConsistency(p: {
  from: number
  to: number
  proof: Uint8Array[]
  fromRoot: Uint8Array
  toRoot: Uint8Array
}): boolean {
  const [size1, size2] = [BigInt(p.from), BigInt(p.to)]
  if (p.from < 0 || p.to < 0 || size2 < size1) return false
  if (![p.fromRoot, p.toRoot, ...p.proof].every((h) => h.length === 32)) return false
  if (size1 === size2) return p.proof.length === 0 && equalBytes(p.fromRoot, p.toRoot)
  if (size1 === 0n || p.proof.length === 0) return false
  let [inner, border] = decomp(size1 - 1n, size2)
  const shift = bitLen((size1 & -size1) - 1n) // trailing zeros of size1
  inner -= shift
  let seed = p.proof[0] as Uint8Array
  let start = 1
  if (size1 === 1n << BigInt(shift)) [seed, start] = [p.fromRoot, 0]
  if (p.proof.length !== start + inner + border) return false
  const proof = p.proof.slice(start)
  const mask = (size1 - 1n) >> BigInt(shift)
  const hash1 = chainBorderRight(chainInnerRight(seed, proof.slice(0, inner), mask), proof.slice(inner))
  if (!equalBytes(hash1, p.fromRoot)) return false
  const hash2 = chainBorderRight(chainInner(seed, proof.slice(0, inner), mask), proof.slice(inner))
  return equalBytes(hash2, p.toRoot)
}
