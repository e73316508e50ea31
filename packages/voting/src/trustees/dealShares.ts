import {
  cryptoRandom,
  encodePoint,
  encodeScalar,
  G,
  type GroupPoint,
  mod,
  type RandomBytes,
  randomScalar,
} from '../election/group.js'
import { VotingError } from '../errors.js'
import { type DealerProof, proveDealerKnowledge } from './dealerProof.js'

/** Trustee i's secret share f(i) of the election key (i counts from 1). */
export type KeyShare = { index: number; secret: string }

/**
 * One dealer's output: Feldman commitments g^a_j to its polynomial, one share
 * per trustee and, when dealt for a `context`, the proof that the dealer
 * knows a_0 (`verifyDealerKnowledge`).
 */
export type Dealing = { threshold: number; commitments: string[]; shares: KeyShare[]; proof?: DealerProof }

/** Largest number of trustees. */
export const MAX_TRUSTEES = 255

/**
 * Splits a fresh secret among `trustees` with Shamir's scheme (any
 * `threshold` of them can decrypt, fewer learn nothing), publishing Feldman
 * commitments g^a_0 … g^a_{t-1} so every trustee can check its share
 * (`verifyShare`). With one dealer this is dealer-based key generation and
 * g^a_0 is the election key; for a distributed key, every trustee deals,
 * sends share j to trustee j, and all combine (`combineDealings`,
 * `sumShares`) — Pedersen's joint-Feldman DKG, so no one ever holds the key.
 * With a `context` (ballot and dealer) the dealing carries the proof of
 * knowledge of a_0 that guards the DKG against rogue keys.
 *
 * @example const { commitments, shares, proof } = dealShares({ threshold: 2, trustees: 3, context: 'pb-2026/leuven' })
 */
export function dealShares(params: {
  threshold: number
  trustees: number
  context?: string
  random?: RandomBytes
}): Dealing {
  const { threshold, trustees, context, random = cryptoRandom } = params
  assertThreshold(threshold, trustees)
  const coefficients = Array.from({ length: threshold }, () => randomScalar(random))
  const shares: KeyShare[] = []
  for (let i = 1; i <= trustees; i++) {
    shares.push({ index: i, secret: encodeScalar(evaluate(coefficients, BigInt(i))) })
  }
  const points = coefficients.map((a) => G.multiply(a))
  const dealing: Dealing = { threshold, commitments: points.map(encodePoint), shares }
  if (context === undefined) return dealing
  const secret = coefficients[0] as bigint
  return { ...dealing, proof: proveDealerKnowledge({ secret, commitment: points[0] as GroupPoint, context, random }) }
}

/** Throws `INVALID_PARAMETERS` unless 1 <= threshold <= trustees <= MAX_TRUSTEES. */
export function assertThreshold(threshold: number, trustees: number): void {
  if (
    !Number.isInteger(threshold) ||
    !Number.isInteger(trustees) ||
    threshold < 1 ||
    threshold > trustees ||
    trustees > MAX_TRUSTEES
  ) {
    throw new VotingError('INVALID_PARAMETERS', `need 1 <= threshold <= trustees <= ${MAX_TRUSTEES}`, {
      details: { threshold, trustees },
    })
  }
}

// Horner's rule for f(x) = a_0 + a_1 x + … mod q.
function evaluate(coefficients: bigint[], x: bigint): bigint {
  let y = 0n
  for (let j = coefficients.length - 1; j >= 0; j--) y = mod(y * x + (coefficients[j] as bigint))
  return y
}
