import {
  cryptoRandom,
  decodePoint,
  decodeScalar,
  encodeScalar,
  G,
  type GroupPoint,
  mod,
  ORDER,
  type RandomBytes,
  randomScalar,
} from '../election/group.js'
import { VotingError } from '../errors.js'
import { hashToScalar, PROOF_DOMAINS } from '../proofs/challenge.js'

/** A Schnorr proof (challenge, response) that a dealer knows a_0, the log of its first commitment. */
export type DealerProof = { challenge: string; response: string }

/**
 * Proves knowledge of the secret a_0 behind a dealing's first Feldman
 * commitment g^a_0 (Schnorr, Fiat–Shamir), bound to `context` (the ballot
 * and the dealer, e.g. `pb-2026/leuven`). In the joint-Feldman DKG the
 * election key is the product of the dealers' g^a_0; without this a dealer
 * who speaks last could publish g^y / (the others' product) — a rogue key,
 * the joint key then being g^y, which it alone knows. Asking each dealer to
 * prove knowledge of its own a_0 rules that out: such a dealer does not know
 * the log of what it published.
 *
 * @example const proof = proveDealerKnowledge({ secret: a0, commitment: 'BGx…', context: 'pb-2026/leuven' })
 */
export function proveDealerKnowledge(p: {
  secret: bigint
  commitment: GroupPoint
  context: string
  random?: RandomBytes
}): DealerProof {
  const k = randomScalar(p.random ?? cryptoRandom)
  const e = challenge(p.context, p.commitment, G.multiply(k))
  return { challenge: encodeScalar(e), response: encodeScalar(mod(k + e * p.secret)) }
}

/**
 * Verifies a dealer's proof against its published first commitment and the
 * context; throws `INVALID_DEALING` when it does not hold, `MALFORMED_INPUT`
 * when it cannot be parsed.
 *
 * @example verifyDealerKnowledge({ commitment: commitments[0], proof, context: 'pb-2026/leuven' })
 */
export function verifyDealerKnowledge(p: { commitment: unknown; proof: unknown; context: string }): void {
  const commitment = decodePoint(p.commitment, 'commitments[0]')
  const { challenge: c, response: s } = (p.proof ?? {}) as Record<string, unknown>
  const e = decodeScalar(c, 'proof challenge')
  const r = decodeScalar(s, 'proof response')
  // R = g^s · C^-e must be the commitment the challenge was computed over.
  const R = G.multiplyUnsafe(r).add(commitment.multiplyUnsafe(mod(ORDER - e)))
  if (challenge(p.context, commitment, R) !== e) {
    throw new VotingError('INVALID_DEALING', 'the dealing does not prove knowledge of its secret')
  }
}

function challenge(context: string, commitment: GroupPoint, R: GroupPoint): bigint {
  return hashToScalar([PROOF_DOMAINS.dealing, context, commitment, R])
}
