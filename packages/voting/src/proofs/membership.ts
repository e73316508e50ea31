import { toBase64Url } from '@tabularium/core'
import {
  decodeScalar,
  type EncodedPoint,
  encodeScalar,
  G,
  type GroupPoint,
  mod,
  ORDER,
  Point,
  type RandomBytes,
  randomScalar,
  readEncodedPoint,
} from '../election/group.js'
import { VotingError } from '../errors.js'
import { hashToScalar, type Sha512, type TranscriptPart } from './challenge.js'
import type { ProofBatch, ProofFailure } from './proofBatch.js'

/**
 * A disjunctive Chaum–Pedersen proof with its commitments: for each allowed
 * value j, the commitments (a_j, b_j), the challenge c_j and the response s_j.
 * Carrying the commitments (rather than recomputing them from c and s) is
 * what lets a verifier check all the equations of a ballot — or of a block —
 * in one multi-scalar multiplication.
 */
export type MembershipProof = { commitments: string[]; challenges: string[]; responses: string[] }

/** One encoded ciphertext of a linear combination, with its coefficient. */
export type CiphertextTerm = { alpha: EncodedPoint; beta: EncodedPoint; k: bigint }

/**
 * What a membership proof is about: the ciphertext Σ kᵢ·Cᵢ (named by its
 * encoded terms, so the verifier never adds points itself), the allowed
 * values and the transcript prefix (domain tag, election id, encoded public
 * key, context, label), all bound into the challenge.
 */
export type MembershipStatement = { terms: CiphertextTerm[]; values: bigint[]; transcript: TranscriptPart[] }

/**
 * Proves that the ciphertext encrypts one of `values` without saying which:
 * the OR-composition (Cramer–Damgård–Schoenmakers 1994) of Chaum–Pedersen
 * proofs that (α, β/g^v) is a Diffie–Hellman tuple for (g, pk). All branches
 * but the true one are simulated; the Fiat–Shamir challenge splits them.
 * `nonce` is the encryption nonce of Σ kᵢ·Cᵢ and `value` what it encrypts.
 *
 * @example proveMembership({ publicKey, terms, values: [0n, 1n], value: 1n, nonce, transcript })
 */
export function proveMembership(
  params: MembershipStatement & {
    publicKey: GroupPoint
    value: bigint
    nonce: bigint
    random?: RandomBytes
  },
): MembershipProof {
  const { publicKey, values, value, nonce, random } = params
  const real = values.indexOf(value)
  if (real < 0) throw new VotingError('INVALID_CHOICE', 'value is not one of the allowed values')
  const challenges = values.map(() => 0n)
  const responses = values.map(() => 0n)
  const commitments: GroupPoint[] = []
  const w = randomScalar(random)
  values.forEach((v, j) => {
    if (j === real) {
      commitments.push(G.multiply(w), publicKey.multiply(w))
      return
    }
    challenges[j] = randomScalar(random)
    responses[j] = randomScalar(random)
    commitments.push(...simulated(publicKey, { nonce, value, v, c: challenges[j], s: responses[j] }))
  })
  const encoded = commitments.map((point) => point.toBytes(false))
  const e = challengeOf(params, encoded)
  const others = challenges.reduce((sum, c, j) => (j === real ? sum : sum + c), 0n)
  challenges[real] = mod(e - others)
  responses[real] = mod(w + (challenges[real] as bigint) * nonce)
  return {
    commitments: encoded.map(toBase64Url),
    challenges: challenges.map(encodeScalar),
    responses: responses.map(encodeScalar),
  }
}

/**
 * Adds a membership proof's equations to a batch: for each branch j,
 * s_j·G = a_j + c_j·α and s_j·pk = b_j + c_j·(β − v_j·G), with Σ c_j equal to
 * the Fiat–Shamir challenge. Throws `MALFORMED_INPUT` at once when the proof
 * cannot be parsed; a proof that does not hold is reported by `batch.check()`
 * with `failure`.
 *
 * @example addMembership(batch, { publicKey, terms, values: [0n, 1n], transcript, proof }, failure)
 */
export function addMembership(
  batch: ProofBatch,
  params: MembershipStatement & { publicKey: EncodedPoint; proof: unknown; what?: string },
  failure: ProofFailure,
): void {
  const { publicKey, terms, values, what = 'proof' } = params
  const { commitments, challenges, responses } = parseProof(params.proof, values.length, what)
  const equations = batch.proof(failure)
  const sum = mod(challenges.reduce((acc, c) => acc + c, 0n))
  // A wrong challenge fails the proof; its equations are still added so that
  // every point it names is checked, and a point off the curve is reported
  // as MALFORMED_INPUT whatever else is wrong.
  if (
    sum !==
    challengeOf(
      params,
      commitments.map((c) => c.bytes),
      batch.engine.sha512,
    )
  )
    equations.fail()
  values.forEach((v, j) => {
    const c = challenges[j] as bigint
    const s = responses[j] as bigint
    // s·G − c·Σkα − a = 0
    equations.equation(s, [
      [commitments[2 * j] as EncodedPoint, ORDER - 1n],
      ...terms.map((t): [EncodedPoint, bigint] => [t.alpha, mod(-c * t.k)]),
    ])
    // s·pk − c·Σkβ + c·v·G − b = 0
    equations.equation(mod(c * v), [
      [publicKey, s],
      [commitments[2 * j + 1] as EncodedPoint, ORDER - 1n],
      ...terms.map((t): [EncodedPoint, bigint] => [t.beta, mod(-c * t.k)]),
    ])
  })
}

// a_j = g^s · α^-c and b_j = pk^s · (β/g^v)^-c: what an honest commitment would
// be for the response s to answer challenge c. The prover knows the nonce r
// and value m (α = g^r, β = pk^r · g^m), so these are g^(s−cr) and
// pk^(s−cr) · g^(c(v−m)): multiplications of the two fixed bases, on their
// precomputed tables, instead of two of fresh points (~5× faster ballots in
// the wallet). Constant-time, since s − cr involves the secret nonce.
function simulated(
  pk: GroupPoint,
  p: { nonce: bigint; value: bigint; v: bigint; c: bigint; s: bigint },
): [GroupPoint, GroupPoint] {
  const t = mod(p.s - p.c * p.nonce)
  return [times(G, t), times(pk, t).add(times(G, mod(p.c * (p.v - p.value))))]
}

function times(point: GroupPoint, k: bigint): GroupPoint {
  return k === 0n ? Point.ZERO : point.multiply(k)
}

// The transcript holds the statement as encoded (each term's coefficient and
// the 65 bytes of α and β), the values, then the commitments' 65 bytes.
function challengeOf(statement: MembershipStatement, commitments: Uint8Array[], hash?: Sha512): bigint {
  const { transcript, terms, values } = statement
  const parts: TranscriptPart[] = [...transcript]
  for (const t of terms) parts.push(t.k, t.alpha.bytes, t.beta.bytes)
  return hashToScalar([...parts, ...values, ...commitments], hash)
}

function parseProof(
  proof: unknown,
  n: number,
  what: string,
): { commitments: EncodedPoint[]; challenges: bigint[]; responses: bigint[] } {
  const { commitments, challenges, responses } = (proof ?? {}) as Record<string, unknown>
  if (
    !Array.isArray(commitments) ||
    !Array.isArray(challenges) ||
    !Array.isArray(responses) ||
    commitments.length !== 2 * n ||
    challenges.length !== n ||
    responses.length !== n
  ) {
    throw new VotingError(
      'MALFORMED_INPUT',
      `${what} must hold ${2 * n} commitments, ${n} challenges and ${n} responses`,
    )
  }
  return {
    commitments: commitments.map((c, i) => readEncodedPoint(c, `${what}.commitments[${i}]`)),
    challenges: challenges.map((c, i) => decodeScalar(c, `${what}.challenges[${i}]`)),
    responses: responses.map((s, i) => decodeScalar(s, `${what}.responses[${i}]`)),
  }
}
