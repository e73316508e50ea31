import { type BlindRSA, RSABSSA } from '@cloudflare/blindrsa-ts'
import { fromBase64Url } from '@tabularium/core'
import { VotingError } from '../errors.js'

/** The RFC 9474 §5 named variants. Ballot tokens use the first (RECOMMENDED) one. */
export const TOKEN_VARIANTS = {
  'RSABSSA-SHA384-PSS-Randomized': () => RSABSSA.SHA384.PSS.Randomized(),
  'RSABSSA-SHA384-PSSZERO-Randomized': () => RSABSSA.SHA384.PSSZero.Randomized(),
  'RSABSSA-SHA384-PSS-Deterministic': () => RSABSSA.SHA384.PSS.Deterministic(),
  'RSABSSA-SHA384-PSSZERO-Deterministic': () => RSABSSA.SHA384.PSSZero.Deterministic(),
} as const

/** A named RFC 9474 variant. */
export type TokenVariant = keyof typeof TOKEN_VARIANTS

/** The issuer's public key: the variant and the RSA modulus and exponent (base64url, as in a JWK). */
export type TokenPublicKey = { variant: TokenVariant; n: string; e: string }

/** The issuer's private key as a JWK (keep it in the issuer's vault). */
export type TokenPrivateKey = { variant: TokenVariant; jwk: JsonWebKey }

/** Modulus sizes accepted, in bits. */
export const TOKEN_MODULUS_BITS = [2048, 3072, 4096] as const

/** The library suite of a variant; `INVALID_ISSUER_KEY` for an unknown one. */
export function suiteOf(variant: unknown): BlindRSA {
  const make = TOKEN_VARIANTS[variant as TokenVariant]
  if (make === undefined) throw new VotingError('INVALID_ISSUER_KEY', 'unknown RFC 9474 variant')
  return make()
}

/** The modulus length in bytes (kLen), after checking the size is supported. */
export function modulusBytes(publicKey: TokenPublicKey): number {
  let n: Uint8Array
  try {
    n = fromBase64Url(publicKey.n)
  } catch (cause) {
    throw new VotingError('INVALID_ISSUER_KEY', 'modulus is not base64url', { cause })
  }
  const bits = n.length * 8
  if (n[0] === 0 || !(TOKEN_MODULUS_BITS as readonly number[]).includes(bits)) {
    throw new VotingError('INVALID_ISSUER_KEY', `modulus must be ${TOKEN_MODULUS_BITS.join(', ')} bits`)
  }
  return n.length
}

const PSS = { name: 'RSA-PSS', hash: 'SHA-384' } as const
const cache = new Map<string, CryptoKey>()

/** Imports (and caches) a public key as an extractable WebCrypto RSA-PSS SHA-384 key. */
export async function importPublicKey(publicKey: TokenPublicKey): Promise<CryptoKey> {
  modulusBytes(publicKey)
  return importCached(`pub:${publicKey.n}:${publicKey.e}`, { kty: 'RSA', n: publicKey.n, e: publicKey.e, ext: true }, [
    'verify',
  ])
}

/** Imports (and caches) a private key JWK. */
export async function importPrivateKey(privateKey: TokenPrivateKey): Promise<CryptoKey> {
  const { n, e } = privateKey.jwk
  modulusBytes({ variant: privateKey.variant, n: n ?? '', e: e ?? '' })
  return importCached(`priv:${n}:${privateKey.jwk.d}`, { ...privateKey.jwk, ext: true, key_ops: ['sign'] }, ['sign'])
}

async function importCached(id: string, jwk: JsonWebKey, usages: KeyUsage[]): Promise<CryptoKey> {
  const hit = cache.get(id)
  if (hit !== undefined) return hit
  let key: CryptoKey
  try {
    key = await crypto.subtle.importKey('jwk', { ...jwk, alg: 'PS384' }, PSS, true, usages)
  } catch (cause) {
    throw new VotingError('INVALID_ISSUER_KEY', 'not an RSA key', { cause })
  }
  if (cache.size >= 64) cache.delete(cache.keys().next().value as string)
  cache.set(id, key)
  return key
}
