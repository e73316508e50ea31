import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import type { DisclosureFrame } from '@sd-jwt/types'
import { type Algorithm, type PublicJwk, publicJwkOf } from '@tabularium/core'
import type { Signer } from '../jwt/signer.js'
import { toNumericDate } from '../vc/dates.js'
import { algorithmOfKid } from '../vc/issueJwtVc.js'
import { sdJwtHasher, sdJwtSaltGenerator, sdJwtSigner } from './bridge.js'

/** Parameters of `issueSdJwtVc`. */
export interface IssueSdJwtVcParameters {
  issuer: string
  /** The credential type (`vct`), e.g. `https://zug.example/credentials/residency`. */
  vct: string
  /** The holder's public key (`cnf.jwk`), to which presentations are bound. */
  holderJwk: PublicJwk
  /** Claims, each of which may be made selectively disclosable. */
  claims: Record<string, unknown>
  /** Top-level claim names the holder may disclose one by one. */
  disclosable: readonly string[]
  validFrom: Date
  validUntil?: Date
  /** Optional `sub` (the holder's DID); omit it for pseudonymous presentations. */
  subject?: string
  sign: Signer
  kid: string
  alg?: Algorithm
  now: Date
}

/**
 * Issues an SD-JWT VC (IETF SD-JWT VC over RFC 9901 SD-JWT) with
 * `@sd-jwt/sd-jwt-vc`: `iss`, `vct`, `iat`, `nbf`, `exp`, `cnf.jwk`, and the
 * `disclosable` claims hidden behind salted SHA-256 digests.
 *
 * @example
 * const sdJwt = await issueSdJwtVc({ issuer, vct, holderJwk, claims: { resident_of: 'Zug', age_over_16: true,
 *   birthdate: '2001-04-01' }, disclosable: ['resident_of', 'age_over_16', 'birthdate'], validFrom: now, sign, kid, now })
 */
export async function issueSdJwtVc(p: IssueSdJwtVcParameters): Promise<string> {
  const instance = new SDJwtVcInstance({
    signer: sdJwtSigner(p.sign),
    signAlg: p.alg ?? algorithmOfKid(p.kid),
    hasher: sdJwtHasher,
    hashAlg: 'sha-256',
    saltGenerator: sdJwtSaltGenerator,
  })
  const payload = {
    ...p.claims,
    iss: p.issuer,
    vct: p.vct,
    iat: toNumericDate(p.now),
    nbf: toNumericDate(p.validFrom),
    ...(p.validUntil === undefined ? {} : { exp: toNumericDate(p.validUntil) }),
    ...(p.subject === undefined ? {} : { sub: p.subject }),
    cnf: { jwk: publicJwkOf(p.holderJwk) },
  }
  const frame = { _sd: [...p.disclosable] } as DisclosureFrame<typeof payload>
  return instance.issue(payload, frame, { header: { kid: p.kid } })
}
