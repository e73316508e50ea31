import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import type { Algorithm } from '@tabularium/core'
import type { Signer } from '../jwt/signer.js'
import { toNumericDate } from '../vc/dates.js'
import { sdJwtHasher, sdJwtSigner } from './bridge.js'

/** Parameters of `presentSdJwtVc`. */
export interface PresentSdJwtVcParameters {
  /** The SD-JWT VC as issued (with every disclosure). */
  credential: string
  /** The claim names to reveal; every other disclosure is withheld. */
  disclose: readonly string[]
  /** The verifier (`aud` of the key-binding JWT). */
  audience: string
  nonce: string
  /** Signs with the holder key of `cnf.jwk`. */
  sign: Signer
  alg: Algorithm
  now: Date
}

/**
 * Presents a subset of an SD-JWT VC's claims with a key-binding JWT
 * (`typ: kb+jwt`, `iat`, `aud`, `nonce`, `sd_hash`), via `@sd-jwt/sd-jwt-vc`.
 *
 * @example
 * const presentation = await presentSdJwtVc({ credential, disclose: ['resident_of', 'age_over_16'],
 *   audience: 'https://shop.example', nonce, sign: holderSign, alg: 'ES256', now })
 */
export async function presentSdJwtVc(p: PresentSdJwtVcParameters): Promise<string> {
  const instance = new SDJwtVcInstance({ hasher: sdJwtHasher, kbSigner: sdJwtSigner(p.sign), kbSignAlg: p.alg })
  const frame = Object.fromEntries(p.disclose.map((name) => [name, true]))
  return instance.present(p.credential, frame, {
    kb: { payload: { iat: toNumericDate(p.now), aud: p.audience, nonce: p.nonce } },
  })
}
