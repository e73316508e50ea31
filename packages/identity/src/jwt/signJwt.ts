import { type Algorithm, toBase64Url, utf8 } from '@tabularium/core'
import type { Signer } from './signer.js'

/** Parameters of `signJwt`. */
export interface SignJwtParameters {
  /** Protected header; `alg` is set from `alg`. */
  header: Record<string, unknown>
  payload: Record<string, unknown>
  alg: Algorithm
  sign: Signer
}

/**
 * Signs a JWS in compact serialisation (RFC 7515 §7.1). `jose` cannot sign
 * with an external byte signer (it wants a key object), so the three
 * base64url parts are assembled here; verification goes through `jose`.
 *
 * @example
 * const jwt = await signJwt({ header: { typ: 'JWT', kid }, payload: { iss }, alg: 'ES256', sign })
 */
export async function signJwt({ header, payload, alg, sign }: SignJwtParameters): Promise<string> {
  const input = `${encodePart({ ...header, alg })}.${encodePart(payload)}`
  const signature = await sign(utf8(input))
  return `${input}.${toBase64Url(signature)}`
}

function encodePart(value: Record<string, unknown>): string {
  return toBase64Url(utf8(JSON.stringify(value)))
}
