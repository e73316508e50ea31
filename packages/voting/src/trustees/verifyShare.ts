import {
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  G,
  type GroupPoint,
  mod,
  Point,
} from '../election/group.js'
import { VotingError } from '../errors.js'
import { assertThreshold, type KeyShare, MAX_TRUSTEES } from './dealShares.js'

/**
 * Checks a trustee's share against Feldman commitments: g^f(i) must equal
 * Π_j C_j^(i^j). Throws `INVALID_SHARE` otherwise, so a trustee can refuse a
 * cheating dealer before the election opens.
 *
 * @example verifyShare({ share: shares[0], commitments })
 */
export function verifyShare(params: { share: KeyShare; commitments: string[] }): void {
  const { share, commitments } = params
  const expected = trusteeVerificationKey({ index: share.index, commitments })
  if (!G.multiply(nonZero(decodeScalar(share.secret, 'share secret'))).equals(expected)) {
    throw new VotingError('INVALID_SHARE', `share ${share.index} does not match the commitments`)
  }
}

/**
 * Trustee i's public verification key h_i = g^f(i) = Π_j C_j^(i^j), computed
 * from the commitments alone; partial decryptions are checked against it.
 *
 * @example const h2 = trusteeVerificationKey({ index: 2, commitments })
 */
export function trusteeVerificationKey(params: { index: number; commitments: string[] }): GroupPoint {
  const { index, commitments } = params
  if (!Array.isArray(commitments) || commitments.length === 0) {
    throw new VotingError('MALFORMED_INPUT', 'commitments must be a non-empty array')
  }
  assertIndex(index)
  let power = 1n
  let sum = Point.ZERO
  for (const [j, c] of commitments.entries()) {
    sum = sum.add(decodePoint(c, `commitments[${j}]`).multiplyUnsafe(power))
    power = mod(power * BigInt(index))
  }
  return sum
}

/**
 * Coefficient-wise product of several dealers' commitments: the commitments
 * of the joint polynomial Σ_k f_k; its first entry is the election key.
 *
 * @example const joint = combineDealings({ commitments: dealings.map((d) => d.commitments) })
 */
export function combineDealings(params: { commitments: string[][] }): { publicKey: string; commitments: string[] } {
  const lists = params.commitments
  const t = lists[0]?.length ?? 0
  if (lists.length === 0 || lists.some((l) => !Array.isArray(l) || l.length !== t)) {
    throw new VotingError('MALFORMED_INPUT', 'every dealing must have the same number of commitments')
  }
  assertThreshold(t, Math.max(t, lists.length))
  const joint = Array.from({ length: t }, (_, j) =>
    lists.reduce((acc, l, k) => acc.add(decodePoint(l[j], `commitments[${k}][${j}]`)), Point.ZERO),
  )
  const encoded = joint.map(encodePoint)
  return { publicKey: encoded[0] as string, commitments: encoded }
}

/** Trustee i's share of the joint key: the sum of the shares it received. */
export function sumShares(shares: KeyShare[]): KeyShare {
  const index = shares[0]?.index
  if (index === undefined || shares.some((s) => s.index !== index)) {
    throw new VotingError('MALFORMED_INPUT', 'shares to sum must all be for the same trustee')
  }
  const secret = shares.reduce((acc, s) => mod(acc + decodeScalar(s.secret, 'share secret')), 0n)
  return { index, secret: encodeScalar(secret) }
}

/** Throws `MALFORMED_INPUT` unless 1 <= index <= MAX_TRUSTEES. */
export function assertIndex(index: number): void {
  if (!Number.isInteger(index) || index < 1 || index > MAX_TRUSTEES) {
    throw new VotingError('MALFORMED_INPUT', `trustee index must be 1–${MAX_TRUSTEES}`)
  }
}

function nonZero(secret: bigint): bigint {
  if (secret === 0n) throw new VotingError('INVALID_SHARE', 'a share of zero is not valid')
  return secret
}
