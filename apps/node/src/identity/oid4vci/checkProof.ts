import { type Algorithm, assertPublicJwk, didKeyFromJwk, jwkFromDidKey, type PublicJwk } from '@tabularium/core'
import { decodeJwt, verifyJws } from '@tabularium/identity'
import { OAuthError } from './issuerState.js'

/** The `typ` of an OpenID4VCI key proof (draft 13 §7.2.1.1). */
export const PROOF_TYP = 'openid4vci-proof+jwt'
const ALGORITHMS: readonly Algorithm[] = ['ES256', 'EdDSA']
const MAX_AGE_S = 300
const SKEW_S = 60

/**
 * Checks a proof of possession (`proof_type: jwt`): typ, alg, the holder key
 * (a did:key `kid` or a `jwk` header), its signature, `aud` = this issuer,
 * `nonce` = the c_nonce handed out, and a fresh `iat`. Answers the holder's
 * DID and key; `invalid_proof` otherwise (OAuth error, draft 13 §7.3.1.2).
 *
 * @example const { holderDid, holderJwk } = await checkProof({ jwt, audience: base, nonce: grant.cNonce, now })
 */
export async function checkProof(p: {
  jwt: unknown
  audience: string
  nonce: string
  now: Date
}): Promise<{ holderDid: string; holderJwk: PublicJwk }> {
  try {
    const { header, payload } = decodeJwt(p.jwt)
    if (header.typ !== PROOF_TYP) throw new Error(`typ must be ${PROOF_TYP}`)
    if (!ALGORITHMS.includes(header.alg as Algorithm)) throw new Error('alg must be ES256 or EdDSA')
    const { holderDid, holderJwk } = holderOf(header)
    await verifyJws({ jws: p.jwt as string, publicJwk: holderJwk, algorithms: ALGORITHMS })
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud]
    if (!audiences.includes(p.audience)) throw new Error('aud is not this credential issuer')
    if (payload.nonce !== p.nonce) throw new Error('nonce is not the c_nonce')
    const now = p.now.getTime() / 1000
    if (typeof payload.iat !== 'number' || payload.iat < now - MAX_AGE_S || payload.iat > now + SKEW_S) {
      throw new Error('iat is missing or not fresh')
    }
    return { holderDid, holderJwk }
  } catch (cause) {
    throw new OAuthError('invalid_proof', `the proof of possession is invalid: ${(cause as Error).message}`)
  }
}

function holderOf(header: Record<string, unknown>): { holderDid: string; holderJwk: PublicJwk } {
  if (typeof header.kid === 'string' && header.kid.startsWith('did:key:')) {
    const holderDid = header.kid.split('#', 1)[0] as string
    return { holderDid, holderJwk: jwkFromDidKey(holderDid) }
  }
  if (header.jwk !== undefined) {
    const holderJwk = assertPublicJwk(header.jwk)
    return { holderDid: didKeyFromJwk(holderJwk), holderJwk }
  }
  throw new Error('the proof names no holder key (did:key kid or jwk)')
}
