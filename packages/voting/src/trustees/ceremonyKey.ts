import {
  cryptoRandom,
  decodePoint,
  encodePoint,
  encodeScalar,
  G,
  type GroupPoint,
  type RandomBytes,
  randomScalar,
} from '../election/group.js'
import { VotingError } from '../errors.js'
import { PROOF_DOMAINS } from '../proofs/challenge.js'
import { holdsSchnorr, proveSchnorr, type SchnorrProof } from '../proofs/schnorr.js'

/**
 * A trustee's encryption key for one ballot's key ceremony: the secret e
 * (kept by the trustee, base64url scalar), E = e·g, published with a proof
 * that the trustee knows e.
 */
export type CeremonyKey = { secret: string; publicKey: string; proof: SchnorrProof }

/**
 * Makes a trustee's ceremony key for `context` (`<ballot>/<trustee>`). The
 * dealers encrypt each trustee's share to it (`dealEncryptedShares`); the
 * proof of knowledge keeps a trustee from registering someone else's key
 * (it could then not decrypt, nor prove a complaint).
 *
 * @example const key = createCeremonyKey({ context: 'pb-2026/gent' })
 */
export function createCeremonyKey(p: { context: string; random?: RandomBytes }): CeremonyKey {
  const random = p.random ?? cryptoRandom
  const secret = randomScalar(random)
  const point = G.multiply(secret)
  const proof = proveSchnorr({ domain: PROOF_DOMAINS.ceremonyKey, context: p.context, secret, point, random })
  return { secret: encodeScalar(secret), publicKey: encodePoint(point), proof }
}

/**
 * Checks a published ceremony key and its proof for `context`; returns the
 * point. Throws `INVALID_CEREMONY_KEY` when the proof does not hold and
 * `MALFORMED_INPUT` when the key or proof cannot be parsed.
 *
 * @example verifyCeremonyKey({ publicKey, proof, context: 'pb-2026/gent' })
 */
export function verifyCeremonyKey(p: { publicKey: unknown; proof: unknown; context: string }): GroupPoint {
  const point = decodePoint(p.publicKey, 'ceremony key')
  if (!holdsSchnorr({ domain: PROOF_DOMAINS.ceremonyKey, context: p.context, point, proof: p.proof })) {
    throw new VotingError(
      'INVALID_CEREMONY_KEY',
      'the ceremony key does not come with a proof that its holder knows it',
    )
  }
  return point
}
