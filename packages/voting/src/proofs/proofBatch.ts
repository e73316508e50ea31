import type { GroupBackend } from '../engine/groupBackend.js'
import {
  bytesToBigInt,
  cryptoRandom,
  type EncodedPoint,
  mod,
  POINT_BYTES,
  type RandomBytes,
  scalarBytes,
} from '../election/group.js'
import { VotingError, type VotingErrorCode } from '../errors.js'

/** How a proof that does not hold is reported. */
export type ProofFailure = { code: VotingErrorCode; message: string; details?: Record<string, unknown> }

/** The equations of one proof: each says base·G + Σ scalar·point = identity. */
export type ProofEquations = {
  equation(base: bigint, terms: [EncodedPoint, bigint][]): void
  /** Marks the proof as failed before any arithmetic (its Fiat–Shamir challenge does not match). */
  fail(): void
}

/** Collects the equations of many proofs and checks them in one multi-scalar multiplication. */
export type ProofBatch = {
  proof(failure: ProofFailure): ProofEquations
  /** Throws `MALFORMED_INPUT` for a point not in the group, else the failure of the first proof that does not hold. */
  check(): void
}

type Collected = { failure: ProofFailure; terms: Map<EncodedPoint, bigint>; base: bigint; broken: boolean }

// Each equation is multiplied by a fresh random 128-bit weight before all are
// added up (the small-exponents batch test, Bellare–Garay–Rabin 1998): if any
// equation fails, the sum is the identity with probability at most 2^-128.
// Points are keyed by object, so a ciphertext used by several proofs of a
// ballot (its option proof and the sum proof) is one term of the sum.
const WEIGHT_BYTES = 16

/**
 * A batch verifier for Σ-protocol equations over the election group.
 *
 * @example
 * const batch = createProofBatch({ group: jsEngine.group })
 * batch.proof({ code: 'INVALID_OPTION_PROOF', message: 'option 0' }).equation(s, [[a, ORDER - 1n], [alpha, mod(-c)]])
 * batch.check()
 */
export function createProofBatch(p: { group: GroupBackend; random?: RandomBytes }): ProofBatch {
  const { group, random = cryptoRandom } = p
  const proofs: Collected[] = []
  return {
    proof(failure) {
      const collected: Collected = { failure, terms: new Map(), base: 0n, broken: false }
      proofs.push(collected)
      return {
        equation(base, terms) {
          const weight = bytesToBigInt(random(WEIGHT_BYTES)) + 1n
          collected.base = mod(collected.base + weight * base)
          for (const [point, scalar] of terms) {
            collected.terms.set(point, mod((collected.terms.get(point) ?? 0n) + weight * scalar))
          }
        },
        fail() {
          collected.broken = true
        },
      }
    },
    check() {
      if (proofs.length === 0) return
      if (holds(group, proofs) && proofs.every((proof) => !proof.broken)) return
      // Something is wrong: find the first proof that fails on its own, to
      // name the rule the ballot breaks. Costs a second pass only for bad input.
      const first = proofs.find((proof) => proof.broken || !holds(group, [proof])) ?? (proofs[0] as Collected)
      const { code, message, details } = first.failure
      throw new VotingError(code, message, details === undefined ? {} : { details })
    },
  }
}

// One call to the backend for the sum of the given proofs' equations.
function holds(group: GroupBackend, proofs: Collected[]): boolean {
  const terms = new Map<EncodedPoint, bigint>()
  let base = 0n
  for (const proof of proofs) {
    base += proof.base
    for (const [point, scalar] of proof.terms) terms.set(point, (terms.get(point) ?? 0n) + scalar)
  }
  const points = new Uint8Array(terms.size * POINT_BYTES)
  const scalars = new Uint8Array(terms.size * 32)
  const names: string[] = []
  let i = 0
  for (const [point, scalar] of terms) {
    points.set(point.bytes, i * POINT_BYTES)
    scalars.set(scalarBytes(mod(scalar)), i * 32)
    names.push(point.what)
    i++
  }
  const answer = group.combination(points, scalars, scalarBytes(mod(base)))
  if (answer < 0) {
    throw new VotingError('MALFORMED_INPUT', `${names[-answer - 1]} is not a point of P-256`)
  }
  return answer === 1
}
