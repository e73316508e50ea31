import { type Algorithm, algorithmOf, type PublicJwk } from '@tabularium/core'
import { compactVerify, errors, importJWK } from 'jose'
import { IdentityError } from '../errors.js'

/** The algorithms Tabularium accepts by default. */
export const DEFAULT_ALGORITHMS: readonly Algorithm[] = ['ES256', 'EdDSA']

/** Parameters of `verifyJws`. */
export interface VerifyJwsParameters {
  jws: string
  publicJwk: PublicJwk
  /** Allowed `alg` values (never `none`, never HMAC). */
  algorithms?: readonly Algorithm[]
}

// Importing a JWK into WebCrypto costs more than a verification; issuers
// repeat, so keys are cached by their coordinates (bounded).
const keys = new Map<string, Promise<CryptoKey | Uint8Array>>()
const KEY_CACHE_LIMIT = 1_000

/**
 * Verifies a compact JWS with `jose` against one public key, allowing only
 * the listed algorithms and only the algorithm that fits the key. Returns
 * the payload bytes; throws `INVALID_SIGNATURE` or `UNSUPPORTED_ALGORITHM`.
 *
 * @example const payload = await verifyJws({ jws, publicJwk })
 */
export async function verifyJws({
  jws,
  publicJwk,
  algorithms = DEFAULT_ALGORITHMS,
}: VerifyJwsParameters): Promise<Uint8Array> {
  const alg = algorithmOf(publicJwk)
  if (!algorithms.includes(alg)) {
    throw new IdentityError('UNSUPPORTED_ALGORITHM', `algorithm ${alg} is not allowed here`)
  }
  try {
    const { payload } = await compactVerify(jws, await importKey(publicJwk, alg), { algorithms: [alg] })
    return payload
  } catch (cause) {
    if (cause instanceof errors.JOSEAlgNotAllowed) {
      throw new IdentityError('UNSUPPORTED_ALGORITHM', 'JWS alg does not match the signer key', { cause })
    }
    throw new IdentityError('INVALID_SIGNATURE', 'JWS signature does not verify', { cause })
  }
}

function importKey(jwk: PublicJwk, alg: Algorithm): Promise<CryptoKey | Uint8Array> {
  const id = jwk.kty === 'OKP' ? jwk.x : `${jwk.x}.${jwk.y}`
  let key = keys.get(id)
  if (key === undefined) {
    if (keys.size >= KEY_CACHE_LIMIT) keys.clear()
    key = importJWK({ ...jwk }, alg)
    key.catch(() => keys.delete(id))
    keys.set(id, key)
  }
  return key
}
