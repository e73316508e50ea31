import { IdentityError } from '../errors.js'
import { verifyJwt } from '../jwt/verifyJwt.js'
import { checkValidity } from './checks.js'
import type { VerifiedCredential, VerifyCredentialParameters } from './types.js'
import { verifyCredential } from './verifyCredential.js'

/** Parameters of `verifyJwtVp`: those of `verifyCredential`, with the presentation instead. */
export interface VerifyJwtVpParameters extends Omit<VerifyCredentialParameters, 'credential' | 'keyBinding'> {
  presentation: string
  audience: string
  nonce: string
}

/**
 * Verifies a JWT VP: the holder's `authentication` key signed it, for this
 * `audience` and `nonce`, within its validity; then every credential in it
 * through `verifyCredential`, each of which must have the holder as subject.
 * Binding failures are `HOLDER_BINDING_INVALID`.
 *
 * @example const { holder, credentials } = await verifyJwtVp({ presentation, audience, nonce, now, resolveDid, … })
 */
export async function verifyJwtVp(
  p: VerifyJwtVpParameters,
): Promise<{ holder: string; credentials: VerifiedCredential[] }> {
  const { payload } = await verifyJwt({
    jwt: p.presentation,
    purpose: 'authentication',
    resolveDid: p.resolveDid,
    types: ['JWT', 'vp+jwt'],
    signerOf: ({ payload }) => holderOf(payload),
    ...(p.algorithms === undefined ? {} : { algorithms: p.algorithms }),
  })
  const holder = holderOf(payload)
  if (payload.aud !== p.audience || payload.nonce !== p.nonce)
    throw new IdentityError('HOLDER_BINDING_INVALID', 'presentation is for another audience or nonce')
  const nbf = typeof payload.nbf === 'number' ? payload.nbf : typeof payload.iat === 'number' ? payload.iat : Number.NaN
  if (Number.isNaN(nbf)) throw new IdentityError('CREDENTIAL_MALFORMED', 'VP needs nbf or iat')
  checkValidity({
    nbf,
    exp: typeof payload.exp === 'number' ? payload.exp : undefined,
    now: p.now,
    clockTolerance: p.clockTolerance ?? 0,
  })
  const list = (payload.vp as { verifiableCredential?: unknown } | undefined)?.verifiableCredential
  if (!Array.isArray(list) || list.length === 0 || list.length > 32)
    throw new IdentityError('CREDENTIAL_MALFORMED', 'vp.verifiableCredential must list 1 to 32 credentials')
  const credentials: VerifiedCredential[] = []
  for (const credential of list) {
    const verified = await verifyCredential({ ...p, credential: credential as string })
    if (verified.subject !== holder)
      throw new IdentityError('HOLDER_BINDING_INVALID', 'a credential in the presentation is about someone else')
    credentials.push(verified)
  }
  return { holder, credentials }
}

function holderOf(payload: Record<string, unknown>): string {
  const vp = payload.vp as { holder?: unknown } | undefined
  if (typeof payload.iss !== 'string' || (vp?.holder !== undefined && vp.holder !== payload.iss)) {
    throw new IdentityError('CREDENTIAL_MALFORMED', 'VP iss must be the holder')
  }
  return payload.iss
}
