import type { CiphertextPoints } from '../election/ciphertext.js'
import {
  decodeScalar,
  encodeScalar,
  G,
  type GroupPoint,
  gPow,
  mod,
  ORDER,
  type RandomBytes,
  randomScalar,
} from '../election/group.js'
import { VotingError, type VotingErrorCode } from '../errors.js'
import { hashToScalar, type TranscriptPart } from './challenge.js'

/** A disjunctive Chaum–Pedersen proof: one (challenge, response) per allowed value. */
export type MembershipProof = { challenges: string[]; responses: string[] }

/** What a membership proof is about: the ciphertext, the key, the allowed values, the context. */
export type MembershipStatement = {
  publicKey: GroupPoint
  ciphertext: CiphertextPoints
  values: bigint[]
  /** Domain tag, election id, encoded public key, label: bound into the challenge. */
  transcript: TranscriptPart[]
}

/**
 * Proves that `ciphertext` encrypts one of `values` without saying which:
 * the OR-composition (Cramer–Damgård–Schoenmakers 1994) of Chaum–Pedersen
 * proofs that (α, β/g^v) is a Diffie–Hellman tuple for (g, pk). All branches
 * but the true one are simulated; the Fiat–Shamir challenge splits them.
 *
 * @example proveMembership({ publicKey, ciphertext, values: [0n, 1n], value: 1n, nonce, transcript })
 */
export function proveMembership(
  params: MembershipStatement & { value: bigint; nonce: bigint; random?: RandomBytes },
): MembershipProof {
  const { publicKey, ciphertext, values, value, nonce, random } = params
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
    commitments.push(...branchCommitments(publicKey, ciphertext, v, challenges[j], responses[j]))
  })
  const e = challengeOf(params, commitments)
  const others = challenges.reduce((sum, c, j) => (j === real ? sum : sum + c), 0n)
  challenges[real] = mod(e - others)
  responses[real] = mod(w + (challenges[real] as bigint) * nonce)
  return { challenges: challenges.map(encodeScalar), responses: responses.map(encodeScalar) }
}

/**
 * Verifies a membership proof; throws `code` (e.g. `INVALID_OPTION_PROOF`)
 * when it does not hold and `MALFORMED_INPUT` when it cannot be parsed.
 *
 * @example verifyMembership({ publicKey, ciphertext, values: [0n, 1n], transcript, proof }, 'INVALID_OPTION_PROOF')
 */
export function verifyMembership(params: MembershipStatement & { proof: unknown }, code: VotingErrorCode): void {
  const { publicKey, ciphertext, values, proof } = params
  const { challenges, responses } = parseProof(proof, values.length)
  const commitments: GroupPoint[] = []
  values.forEach((v, j) => {
    commitments.push(...branchCommitments(publicKey, ciphertext, v, challenges[j] as bigint, responses[j] as bigint))
  })
  const sum = mod(challenges.reduce((acc, c) => acc + c, 0n))
  if (sum !== challengeOf(params, commitments)) {
    throw new VotingError(code, 'zero-knowledge proof does not verify')
  }
}

// a_j = g^s · α^-c and b_j = pk^s · (β/g^v)^-c: what an honest commitment must
// have been for the response s to answer challenge c.
function branchCommitments(
  pk: GroupPoint,
  ct: CiphertextPoints,
  v: bigint,
  c: bigint,
  s: bigint,
): [GroupPoint, GroupPoint] {
  const negC = mod(ORDER - c)
  return [linear(G, s, ct.a, negC), linear(pk, s, ct.b.subtract(gPow(v)), negC)]
}

function linear(p: GroupPoint, x: bigint, q: GroupPoint, y: bigint): GroupPoint {
  if (x === 0n || y === 0n || q.is0()) return p.multiplyUnsafe(x).add(q.multiplyUnsafe(y))
  return p.mulAddUnsafe(x, q, y)
}

function challengeOf(statement: MembershipStatement, commitments: GroupPoint[]): bigint {
  const { transcript, ciphertext, values } = statement
  return hashToScalar([...transcript, ciphertext.a, ciphertext.b, ...values, ...commitments])
}

function parseProof(proof: unknown, n: number): { challenges: bigint[]; responses: bigint[] } {
  const { challenges, responses } = (proof ?? {}) as Record<string, unknown>
  if (!Array.isArray(challenges) || !Array.isArray(responses) || challenges.length !== n || responses.length !== n) {
    throw new VotingError('MALFORMED_INPUT', `proof must hold ${n} challenges and ${n} responses`)
  }
  return {
    challenges: challenges.map((c) => decodeScalar(c, 'proof challenge')),
    responses: responses.map((s) => decodeScalar(s, 'proof response')),
  }
}
