import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto'
import { CoreError } from '../errors.js'
import { type Algorithm, type PrivateJwk, type PublicJwk, publicJwkOf } from '../keys.js'

/** A key pair as JWKs. */
export interface KeyPair {
  privateJwk: PrivateJwk
  publicJwk: PublicJwk
}

/**
 * Generates a key pair with node:crypto.
 *
 * @example const { privateJwk, publicJwk } = generateKeyPair({ algorithm: 'EdDSA' })
 */
export function generateKeyPair({ algorithm = 'EdDSA' }: { algorithm?: Algorithm } = {}): KeyPair {
  // The JWK is exported by the key generation job itself. Exporting the
  // returned KeyObject afterwards can deadlock Node 20: a GC during the export
  // may destroy the finished job, whose destructor takes the lock the export
  // holds (seen as a hang in futex_wait under ~KeyGenJob).
  const encoding = { publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } } as const
  const pair =
    algorithm === 'EdDSA'
      ? generateKeyPairSync('ed25519', encoding)
      : generateKeyPairSync('ec', { namedCurve: 'P-256', ...encoding })
  const privateJwk = pair.privateKey as unknown as PrivateJwk
  return { privateJwk, publicJwk: publicJwkOf(privateJwk) }
}

// Importing a JWK costs more than verifying with it; keys repeat (a signer
// sends many transactions), so the KeyObjects are cached by their JWK text.
const publicCache = new Map<string, KeyObject>()
const privateCache = new Map<string, KeyObject>()
const CACHE_LIMIT = 10_000

function cached(cache: Map<string, KeyObject>, key: string, make: () => KeyObject): KeyObject {
  let value = cache.get(key)
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    value = make()
    cache.set(key, value)
  }
  return value
}

/** The node:crypto KeyObject of a public JWK (cached); throws `INVALID_KEY`. */
export function publicKeyObject(jwk: PublicJwk): KeyObject {
  const id = jwk.kty === 'OKP' ? jwk.x : `${jwk.x}.${jwk.y}`
  return cached(publicCache, id, () => {
    try {
      return createPublicKey({ key: publicJwkOf(jwk), format: 'jwk' })
    } catch (cause) {
      throw new CoreError('INVALID_KEY', 'public key cannot be imported', { cause })
    }
  })
}

function privateKeyObject(jwk: PrivateJwk): KeyObject {
  return cached(privateCache, jwk.d, () => {
    try {
      return createPrivateKey({ key: jwk, format: 'jwk' })
    } catch (cause) {
      throw new CoreError('INVALID_KEY', 'private key cannot be imported', { cause })
    }
  })
}

/** Signs bytes: Ed25519, or ES256 as raw `r‖s` (JWS form). */
export function signBytes({ privateJwk, data }: { privateJwk: PrivateJwk; data: Uint8Array }): Uint8Array {
  const key = privateKeyObject(privateJwk)
  const signature =
    privateJwk.kty === 'OKP' ? sign(null, data, key) : sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
  return new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength)
}

/** Verifies with node:crypto (the server's hot path); false on any malformed input. */
export function verifyBytesFast(p: { publicJwk: PublicJwk; data: Uint8Array; signature: Uint8Array }): boolean {
  try {
    const key = publicKeyObject(p.publicJwk)
    if (p.publicJwk.kty === 'OKP') return verify(null, p.data, key, p.signature)
    return verify('sha256', p.data, { key, dsaEncoding: 'ieee-p1363' }, p.signature)
  } catch {
    return false
  }
}
