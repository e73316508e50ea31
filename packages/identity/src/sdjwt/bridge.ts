import type { Hasher, SaltGenerator, Signer as SdJwtSigner } from '@sd-jwt/types'
import { sha256, toBase64Url, utf8 } from '@tabularium/core'
import type { Signer } from '../jwt/signer.js'

/**
 * The SD-JWT hasher over core's SHA-256 (the only `_sd_alg` Tabularium
 * issues or accepts).
 *
 * @example await sdJwtHasher('WyJzYWx0Ii…', 'sha-256') // Uint8Array(32)
 */
export const sdJwtHasher: Hasher = (data, alg) => {
  if (alg.toLowerCase() !== 'sha-256') throw new Error(`unsupported _sd_alg ${alg}`)
  return sha256(typeof data === 'string' ? utf8(data) : new Uint8Array(data))
}

/** Random salts of `length` bytes (128 bits by default, RFC 9901 §9.3), base64url. */
export const sdJwtSaltGenerator: SaltGenerator = (length) =>
  toBase64Url(crypto.getRandomValues(new Uint8Array(length > 0 ? length : 16)))

/** Adapts a byte `Signer` to the string signer of the `@sd-jwt` libraries. */
export function sdJwtSigner(sign: Signer): SdJwtSigner {
  return async (data) => toBase64Url(await sign(utf8(data)))
}
