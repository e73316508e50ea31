import type { Algorithm } from '@tabularium/core'
import { resolveVerificationKey } from '../did/resolveVerificationKey.js'
import type { DidResolver, VerificationRelationship } from '../did/types.js'
import { IdentityError } from '../errors.js'
import { type DecodedJwt, decodeJwt } from './decodeJwt.js'
import { DEFAULT_ALGORITHMS, verifyJws } from './verifyJws.js'

/** Parameters of `verifyJwt`. */
export interface VerifyJwtParameters {
  jwt: string
  /** Reads the signer's DID from the decoded payload (e.g. `iss`). */
  signerOf: (decoded: DecodedJwt) => string
  purpose: VerificationRelationship
  resolveDid: DidResolver
  algorithms?: readonly Algorithm[]
  /** Accepted `typ` header values. */
  types: readonly string[]
}

/**
 * Verifies a JWT signed by a DID: decodes it, checks `typ`, resolves the key
 * named by `kid` in the signer's DID document under `purpose`, and verifies
 * the signature with `jose`.
 *
 * @example
 * const { header, payload } = await verifyJwt({ jwt, signerOf: (d) => String(d.payload.iss),
 *   purpose: 'assertionMethod', resolveDid, types: ['JWT'] })
 */
export async function verifyJwt(p: VerifyJwtParameters): Promise<DecodedJwt> {
  const decoded = decodeJwt(p.jwt)
  const { typ, alg, kid } = decoded.header
  if (typeof typ !== 'string' || !p.types.includes(typ)) {
    throw new IdentityError('CREDENTIAL_MALFORMED', `JWS typ must be one of ${p.types.join(', ')}`)
  }
  const algorithms = p.algorithms ?? DEFAULT_ALGORITHMS
  if (typeof alg !== 'string' || !(algorithms as readonly string[]).includes(alg)) {
    throw new IdentityError('UNSUPPORTED_ALGORITHM', 'JWS alg is not allowed', { details: { alg: String(alg) } })
  }
  const controller = p.signerOf(decoded)
  const publicJwk = await resolveVerificationKey({ kid, controller, purpose: p.purpose, resolveDid: p.resolveDid })
  await verifyJws({ jws: p.jwt, publicJwk, algorithms })
  return decoded
}
