import { ed25519 } from '@noble/curves/ed25519.js'
import { p256 } from '@noble/curves/nist.js'
import { concatBytes, fromBase64Url } from './bytes.js'
import { CoreError } from './errors.js'

/** Signature algorithms Tabularium accepts (JOSE names). */
export type Algorithm = 'EdDSA' | 'ES256'

/** A public key as a JWK (RFC 7517): Ed25519 (RFC 8037) or P-256. */
export type PublicJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string } | { kty: 'EC'; crv: 'P-256'; x: string; y: string }

/** A private key as a JWK: the public members plus `d`. */
export type PrivateJwk = PublicJwk & { d: string }

/** The JOSE algorithm of a key. */
export function algorithmOf(jwk: PublicJwk): Algorithm {
  return jwk.kty === 'OKP' ? 'EdDSA' : 'ES256'
}

/** Strips a JWK to its public members in canonical order of fields. */
export function publicJwkOf(jwk: PublicJwk | PrivateJwk): PublicJwk {
  return jwk.kty === 'OKP' ? { kty: 'OKP', crv: 'Ed25519', x: jwk.x } : { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }
}

/**
 * Checks that an untrusted value is a supported public JWK with members of the
 * right length; throws `INVALID_KEY` otherwise.
 */
export function assertPublicJwk(value: unknown): PublicJwk {
  const jwk = value as Record<string, unknown> | null
  if (jwk === null || typeof jwk !== 'object') throw new CoreError('INVALID_KEY', 'key is not a JWK object')
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && byteLength(jwk.x) === 32) {
    return { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string }
  }
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && byteLength(jwk.x) === 32 && byteLength(jwk.y) === 32) {
    return { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string }
  }
  throw new CoreError('INVALID_KEY', 'key must be an Ed25519 (OKP) or P-256 (EC) public JWK')
}

function byteLength(value: unknown): number {
  if (typeof value !== 'string') return -1
  try {
    return fromBase64Url(value).length
  } catch {
    return -1
  }
}

/** Raw public key bytes: 32 bytes for Ed25519, uncompressed SEC1 (65 bytes) for P-256. */
export function rawPublicKey(jwk: PublicJwk): Uint8Array {
  if (jwk.kty === 'OKP') return fromBase64Url(jwk.x)
  return concatBytes(new Uint8Array([4]), fromBase64Url(jwk.x), fromBase64Url(jwk.y))
}

/**
 * Verifies a signature with pure-JS curves, so that it runs in a browser and
 * offline. ES256 signatures are raw `r‖s` (JWS form). The server's hot path
 * uses `@tabularium/core/node` instead, which is an order of magnitude faster.
 *
 * @example verifyBytes({ publicJwk, data, signature }) // true | false
 */
export function verifyBytes(p: { publicJwk: PublicJwk; data: Uint8Array; signature: Uint8Array }): boolean {
  try {
    if (p.publicJwk.kty === 'OKP') return ed25519.verify(p.signature, p.data, rawPublicKey(p.publicJwk))
    return p256.verify(p.signature, p.data, rawPublicKey(p.publicJwk), { prehash: true, lowS: false })
  } catch {
    // A malformed signature or key is simply a signature that does not verify.
    return false
  }
}
