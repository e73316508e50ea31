import type { Algorithm } from '@tabularium/core'
import type { Signer } from '../jwt/signer.js'
import { signJwt } from '../jwt/signJwt.js'
import { toNumericDate } from './dates.js'
import { algorithmOfKid } from './issueJwtVc.js'
import { VC_CONTEXT_V1 } from './types.js'

/** Parameters of `createJwtVp`. */
export interface CreateJwtVpParameters {
  /** The holder's DID (the subject of the credentials). */
  holder: string
  /** JWT VCs to present. */
  credentials: readonly string[]
  /** The verifier (OpenID4VP `client_id`). */
  audience: string
  /** The verifier's challenge, against replay. */
  nonce: string
  sign: Signer
  kid: string
  alg?: Algorithm
  now: Date
  /** Lifetime of the presentation in seconds (default 300). */
  lifetime?: number
  id?: string
}

/**
 * Wraps JWT VCs in a JWT VP signed by the holder (W3C VC-JWT, EBSI profile):
 * `iss`=`sub`=holder, `aud`, `nonce`, `jti`, `iat`, `nbf`, `exp`, and `vp`.
 *
 * @example
 * const vp = await createJwtVp({ holder, credentials: [vcJwt], audience: verifierId, nonce, sign, kid, now })
 */
export async function createJwtVp(p: CreateJwtVpParameters): Promise<string> {
  const id = p.id ?? `urn:uuid:${crypto.randomUUID()}`
  const iat = toNumericDate(p.now)
  const payload = {
    iss: p.holder,
    sub: p.holder,
    aud: p.audience,
    nonce: p.nonce,
    jti: id,
    iat,
    nbf: iat,
    exp: iat + (p.lifetime ?? 300),
    vp: {
      '@context': [VC_CONTEXT_V1],
      id,
      type: ['VerifiablePresentation'],
      holder: p.holder,
      verifiableCredential: [...p.credentials],
    },
  }
  return signJwt({ header: { typ: 'JWT', kid: p.kid }, payload, alg: p.alg ?? algorithmOfKid(p.kid), sign: p.sign })
}
