import { type Algorithm, assertPublicJwk, type PublicJwk, sha256, toBase64Url } from '@tabularium/core'
import { IdentityError } from '../errors.js'
import { decodeJwt } from '../jwt/decodeJwt.js'
import { verifyJws } from '../jwt/verifyJws.js'
import type { KeyBindingExpectation } from '../verify/types.js'

/** Parameters of `verifyKeyBinding`. */
export interface VerifyKeyBindingParameters {
  /** The presentation up to and including its last `~` (what `sd_hash` covers). */
  presented: string
  kbJwt: string
  cnf: unknown
  expected: KeyBindingExpectation
  now: Date
  clockTolerance: number
  algorithms?: readonly Algorithm[]
}

/**
 * Verifies an SD-JWT key-binding JWT (RFC 9901 §7.3): signed by the key in
 * `cnf.jwk`, `typ: kb+jwt`, the expected `aud` and `nonce`, a fresh `iat`,
 * and `sd_hash` over the presentation. Every failure is
 * `HOLDER_BINDING_INVALID`. (`@sd-jwt/core` 0.19 does not compare `aud`.)
 *
 * @example const holderJwk = await verifyKeyBinding({ presented, kbJwt, cnf: payload.cnf, expected, now, clockTolerance: 0 })
 */
export async function verifyKeyBinding(p: VerifyKeyBindingParameters): Promise<PublicJwk> {
  const holderJwk = holderKey(p.cnf)
  const { header, payload } = decode(p.kbJwt)
  if (header.typ !== 'kb+jwt') fail('key-binding JWT must have typ kb+jwt')
  try {
    await verifyJws({
      jws: p.kbJwt,
      publicJwk: holderJwk,
      ...(p.algorithms === undefined ? {} : { algorithms: p.algorithms }),
    })
  } catch (cause) {
    fail('key-binding JWT is not signed by the holder key', cause)
  }
  if (payload.aud !== p.expected.audience) fail('key-binding JWT is for another audience')
  if (payload.nonce !== p.expected.nonce) fail('key-binding JWT has another nonce')
  const now = p.now.getTime() / 1000
  const iat = payload.iat
  if (
    typeof iat !== 'number' ||
    iat > now + p.clockTolerance ||
    iat < now - (p.expected.maxAge ?? 300) - p.clockTolerance
  ) {
    fail('key-binding JWT iat is missing, in the future or too old')
  }
  if (payload.sd_hash !== toBase64Url(sha256(p.presented)))
    fail('key-binding JWT sd_hash does not cover this presentation')
  return holderJwk
}

function holderKey(cnf: unknown): PublicJwk {
  try {
    return assertPublicJwk((cnf as { jwk?: unknown } | undefined)?.jwk)
  } catch (cause) {
    return fail('credential has no usable cnf.jwk holder key', cause)
  }
}

function decode(kbJwt: string) {
  try {
    return decodeJwt(kbJwt)
  } catch (cause) {
    return fail('key-binding JWT is malformed', cause)
  }
}

function fail(message: string, cause?: unknown): never {
  throw new IdentityError('HOLDER_BINDING_INVALID', message, cause === undefined ? {} : { cause })
}
