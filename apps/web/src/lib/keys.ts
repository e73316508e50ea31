import { assertPublicJwk, didKeyFromJwk, type PublicJwk } from '@tabularium/core'
import { deleteItem, getItem, putItem } from './store.js'

/** A signing key kept in IndexedDB: a WebCrypto key, with its public JWK and DID. */
export interface StoredKey {
  key: CryptoKey
  publicJwk: PublicJwk
  did: string
  createdAt: string
}

/** Thrown for a key file that is not an Ed25519 or P-256 private JWK. */
export class KeyFileError extends Error {
  override name = 'KeyFileError'
}

/** The WebCrypto algorithm of a JWK. */
export function algorithmFor(jwk: PublicJwk): EcKeyImportParams | Algorithm {
  return jwk.kty === 'OKP' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' }
}

/**
 * Imports a private JWK file's text as a signing key. With `extractable:
 * false` (the console) the private key can sign but never be read back out,
 * not even by this app.
 */
export async function importPrivateJwk(text: string, { extractable = false } = {}): Promise<StoredKey> {
  let value: Record<string, unknown>
  try {
    value = JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new KeyFileError('not-json')
  }
  let publicJwk: PublicJwk
  try {
    publicJwk = assertPublicJwk(value)
  } catch {
    throw new KeyFileError('not-a-key')
  }
  if (typeof value.d !== 'string') throw new KeyFileError('public-only')
  let key: CryptoKey
  try {
    key = await crypto.subtle.importKey(
      'jwk',
      { ...publicJwk, d: value.d } as JsonWebKey,
      algorithmFor(publicJwk),
      extractable,
      ['sign'],
    )
  } catch {
    throw new KeyFileError('not-a-key')
  }
  return { key, publicJwk, did: didKeyFromJwk(publicJwk), createdAt: new Date().toISOString() }
}

/**
 * Generates a new key pair in this browser, as a wallet's `did:key`:
 * Ed25519, or P-256 (`ES256`, the EBSI profile's choice, what OpenID4VCI
 * proofs and SD-JWT key binding use with EBSI wallets and verifiers).
 */
export async function generateKey({
  extractable,
  algorithm = 'EdDSA',
}: {
  extractable: boolean
  algorithm?: 'EdDSA' | 'ES256'
}): Promise<StoredKey> {
  const params = algorithm === 'ES256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' }
  const pair = (await crypto.subtle.generateKey(params, extractable, ['sign', 'verify'])) as CryptoKeyPair
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey)
  const publicJwk = assertPublicJwk(
    algorithm === 'ES256'
      ? { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }
      : { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
  )
  return { key: pair.privateKey, publicJwk, did: didKeyFromJwk(publicJwk), createdAt: new Date().toISOString() }
}

/** Signs bytes; EdDSA gives 64 bytes, ECDSA P-256 gives raw `r‖s` (JWS form). */
export async function signBytes(stored: StoredKey, data: Uint8Array): Promise<Uint8Array> {
  const algorithm = stored.publicJwk.kty === 'OKP' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' }
  return new Uint8Array(await crypto.subtle.sign(algorithm, stored.key, data as BufferSource))
}

/** Loads a stored key by slot (`console`, `wallet`). */
export function loadKey(slot: 'console' | 'wallet'): Promise<StoredKey | undefined> {
  return getItem<StoredKey>('keys', slot)
}

/** Stores a key in a slot. */
export function storeKey(slot: 'console' | 'wallet', key: StoredKey): Promise<void> {
  return putItem('keys', slot, key)
}

/** Forgets a stored key. */
export function forgetKey(slot: 'console' | 'wallet'): Promise<void> {
  return deleteItem('keys', slot)
}
