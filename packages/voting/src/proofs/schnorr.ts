import {
  cryptoRandom,
  decodeScalar,
  encodeScalar,
  G,
  type GroupPoint,
  mod,
  ORDER,
  type RandomBytes,
  randomScalar,
} from '../election/group.js'
import { hashToScalar } from './challenge.js'

/** A Schnorr proof (challenge, response) of knowledge of a discrete logarithm. */
export type SchnorrProof = { challenge: string; response: string }

/**
 * Proves knowledge of x with `point` = x·g (Schnorr, Fiat–Shamir), the
 * challenge hashing `domain`, `context`, the point and the commitment, so a
 * proof made for one purpose or one trustee never verifies for another.
 *
 * @example const proof = proveSchnorr({ domain: PROOF_DOMAINS.dealing, context: 'pb-2026/leuven', secret, point })
 */
export function proveSchnorr(p: {
  domain: string
  context: string
  secret: bigint
  point: GroupPoint
  random?: RandomBytes
}): SchnorrProof {
  const k = randomScalar(p.random ?? cryptoRandom)
  const e = hashToScalar([p.domain, p.context, p.point, G.multiply(k)])
  return { challenge: encodeScalar(e), response: encodeScalar(mod(k + e * p.secret)) }
}

/**
 * True when `proof` proves knowledge of the log of `point` for this domain
 * and context. Parses the proof as hostile input: `MALFORMED_INPUT` when it
 * is not two scalars.
 *
 * @example if (!holdsSchnorr({ domain, context, point, proof })) throw …
 */
export function holdsSchnorr(p: { domain: string; context: string; point: GroupPoint; proof: unknown }): boolean {
  const { challenge: c, response: s } = (p.proof ?? {}) as Record<string, unknown>
  const e = decodeScalar(c, 'proof challenge')
  const r = decodeScalar(s, 'proof response')
  // R = g^s · P^-e must be the commitment the challenge was computed over.
  const R = G.multiplyUnsafe(r).add(p.point.multiplyUnsafe(mod(ORDER - e)))
  return hashToScalar([p.domain, p.context, p.point, R]) === e
}
