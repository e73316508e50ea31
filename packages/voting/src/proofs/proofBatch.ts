import { cryptoRandom, type EncodedPoint, mod, POINT_BYTES, type RandomBytes, scalarBytes } from '../election/group.js'
import type { GroupBackend } from '../engine/groupBackend.js'
import type { VotingEngine } from '../engine/votingEngine.js'
import { VotingError, type VotingErrorCode } from '../errors.js'

/** How a proof that does not hold is reported. */
export type ProofFailure = { code: VotingErrorCode; message: string; details?: Record<string, unknown> }

/** The equations of one proof: each says base·G + Σ scalar·point = identity. */
export type ProofEquations = {
  equation(base: bigint, terms: [EncodedPoint, bigint][]): void
  /** Marks the proof as failed whatever the arithmetic says (its Fiat–Shamir challenge does not match). */
  fail(): void
}

/** Collects the equations of many proofs and checks them in one multi-scalar multiplication. */
export type ProofBatch = {
  /** The engine whose SHA-512 the proofs' challenges use and whose group checks the equations. */
  engine: VotingEngine
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
 * const batch = createProofBatch({ engine: jsEngine })
 * batch.proof({ code: 'INVALID_OPTION_PROOF', message: 'option 0' }).equation(s, [[a, ORDER - 1n], [alpha, mod(-c)]])
 * batch.check()
 */
export function createProofBatch(p: { engine: VotingEngine; random?: RandomBytes }): ProofBatch {
  const { engine, random = cryptoRandom } = p
  const { group } = engine
  const proofs: Collected[] = []
  // Weights are drawn from a pool, one call to the CSPRNG per 32 equations (a
  // 4-option ballot has 18), read as 64-bit words (no byte-by-byte parsing).
  let pool = new BigUint64Array(0)
  let used = 0
  const weight = () => {
    if (used === pool.length) {
      pool = new BigUint64Array(random(WEIGHT_BYTES * 32).slice().buffer)
      used = 0
    }
    used += 2
    return (((pool[used - 2] as bigint) << 64n) | (pool[used - 1] as bigint)) + 1n
  }
  return {
    engine,
    proof(failure) {
      const collected: Collected = { failure, terms: new Map(), base: 0n, broken: false }
      proofs.push(collected)
      return {
        equation(base, terms) {
          // Reduced once, in `holds`: the sums of a ballot stay a few hundred bits.
          const w = weight()
          collected.base += w * base
          for (const [point, scalar] of terms)
            collected.terms.set(point, (collected.terms.get(point) ?? 0n) + w * scalar)
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
    throw new VotingError('MALFORMED_INPUT', `${names[-answer - 1]} is not on the curve`)
  }
  return answer === 1
}
