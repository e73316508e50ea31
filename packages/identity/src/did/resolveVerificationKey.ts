import { assertPublicJwk, isBaseError, type PublicJwk } from '@tabularium/core'
import { IdentityError } from '../errors.js'
import type { DidResolver, VerificationRelationship } from './types.js'

/** Parameters of `resolveVerificationKey`. */
export interface ResolveVerificationKeyParameters {
  /** The JWS `kid`: a DID URL such as `did:key:z…#z…`. */
  kid: unknown
  /** The DID that must control the key (the issuer or holder named in the payload). */
  controller: string
  /** The relationship the key must hold: `assertionMethod` to issue, `authentication` to present. */
  purpose: VerificationRelationship
  resolveDid: DidResolver
}

/**
 * Finds the public key a JWS names in its `kid`, and checks that the key
 * belongs to `controller` and is listed under `purpose`. Any mismatch is an
 * `INVALID_SIGNATURE`: the signature cannot be attributed to that party.
 *
 * @example const jwk = await resolveVerificationKey({ kid, controller: iss, purpose: 'assertionMethod', resolveDid })
 */
export async function resolveVerificationKey(p: ResolveVerificationKeyParameters): Promise<PublicJwk> {
  const { kid, controller } = p
  // Compare as plain strings: never build a RegExp from hostile input.
  if (typeof kid !== 'string' || !kid.startsWith(`${controller}#`)) {
    throw new IdentityError('INVALID_SIGNATURE', 'kid must be a DID URL of the signer', { details: { controller } })
  }
  const document = await p.resolveDid(controller)
  const method = document.verificationMethod.find((m) => m.id === kid)
  const listed = (document[p.purpose] ?? []).includes(kid)
  if (method === undefined || !listed) {
    throw new IdentityError('INVALID_SIGNATURE', `kid is not a ${p.purpose} key of the signer`, { details: { kid } })
  }
  try {
    return assertPublicJwk(method.publicKeyJwk)
  } catch (cause) {
    if (isBaseError(cause)) throw new IdentityError('INVALID_SIGNATURE', 'signer key is unusable', { cause })
    throw cause
  }
}
