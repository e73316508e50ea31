/**
 * Signs bytes and returns the raw JWS signature: 64 bytes of Ed25519, or
 * ES256 as `r‖s` (not DER). Node keys (`signBytes` of `@tabularium/core/node`),
 * browser WebCrypto keys (`webCryptoSigner`) and remote HSMs all fit.
 *
 * @example const sign: Signer = (data) => signBytes({ privateJwk, data })
 */
export type Signer = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>

/**
 * A `Signer` over a WebCrypto private key (ECDSA P-256 or Ed25519), so that a
 * wallet's non-extractable key never leaves the browser. WebCrypto's ECDSA
 * output is already the raw `r‖s` form that JWS needs.
 *
 * @example
 * const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
 * const sign = webCryptoSigner(privateKey)
 */
export function webCryptoSigner(key: CryptoKey): Signer {
  const algorithm = key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: key.algorithm.name }
  return async (data) => new Uint8Array(await crypto.subtle.sign(algorithm, key, data as Uint8Array<ArrayBuffer>))
}
