import { decodePoint, type GroupPoint, type RandomBytes } from '../election/group.js'
import { VotingError } from '../errors.js'
import { PROOF_DOMAINS } from '../proofs/challenge.js'
import { holdsSchnorr, proveSchnorr, type SchnorrProof } from '../proofs/schnorr.js'

/** A Schnorr proof (challenge, response) that a dealer knows a_0, the log of its first commitment. */
export type DealerProof = SchnorrProof

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
  const { secret, commitment: point, context, random } = p
  return proveSchnorr({ domain: PROOF_DOMAINS.dealing, context, secret, point, ...(random && { random }) })
}

/**
 * Verifies a dealer's proof against its published first commitment and the
 * context; throws `INVALID_DEALING` when it does not hold, `MALFORMED_INPUT`
 * when it cannot be parsed.
 *
 * @example verifyDealerKnowledge({ commitment: commitments[0], proof, context: 'pb-2026/leuven' })
 */
export function verifyDealerKnowledge(p: { commitment: unknown; proof: unknown; context: string }): void {
  const point = decodePoint(p.commitment, 'commitments[0]')
  if (!holdsSchnorr({ domain: PROOF_DOMAINS.dealing, context: p.context, point, proof: p.proof })) {
    throw new VotingError('INVALID_DEALING', 'the dealing does not prove knowledge of its secret')
  }
}
