import { didKeyFromJwk, type PrivateJwk, publicJwkOf } from '@tabularium/core'
import type { SignFunction } from './signTransaction.js'

/** A signer: its `did:key` and a `sign` function. */
export interface JwkSigner {
  did: string
  sign: SignFunction
}

/**
 * A signer over WebCrypto, for browsers and Node alike (Node's global
 * `crypto.subtle`). The key is imported non-extractable on first use.
 * Servers that sign in bulk should prefer `signBytes` of
 * `@tabularium/core/node`, which is synchronous and faster.
 *
 * @example
 * const { did, sign } = createJwkSigner({ privateJwk })
 * const signed = await signTransaction({ tx: buildTransaction({ …, signer: did }), sign })
 */
export function createJwkSigner({ privateJwk }: { privateJwk: PrivateJwk }): JwkSigner {
  const subtle = globalThis.crypto.subtle
  const ed = privateJwk.kty === 'OKP'
  let key: Promise<CryptoKey> | undefined
  const sign: SignFunction = async (bytes) => {
    key ??= subtle.importKey(
      'jwk',
      privateJwk as JsonWebKey,
      ed ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    )
    // WebCrypto's ECDSA output is already the raw r‖s form that JWS (and we) use.
    const algorithm = ed ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' }
    return new Uint8Array(await subtle.sign(algorithm, await key, bytes as BufferSource))
  }
  return { did: didKeyFromJwk(publicJwkOf(privateJwk)), sign }
}
