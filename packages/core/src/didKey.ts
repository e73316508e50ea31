import { base58 } from '@scure/base'
import { concatBytes, fromBase64Url, fromUtf8, toBase64Url, utf8 } from './bytes.js'
import { CoreError } from './errors.js'
import { canonicalize } from './jcs.js'
import { assertPublicJwk, type PublicJwk } from './keys.js'

// Multicodec varints: ed25519-pub (0xed) and jwk_jcs-pub (0xeb51), the latter
// being the EBSI profile for natural persons' P-256 keys.
const ED25519_PUB = new Uint8Array([0xed, 0x01])
const JWK_JCS_PUB = new Uint8Array([0xd1, 0xd6, 0x03])

/**
 * The `did:key` of a public key: multicodec `ed25519-pub` for Ed25519, and the
 * EBSI `jwk_jcs-pub` form for P-256.
 *
 * @example didKeyFromJwk({ kty: 'OKP', crv: 'Ed25519', x }) // 'did:key:z6Mk…'
 */
export function didKeyFromJwk(jwk: PublicJwk): string {
  const body =
    jwk.kty === 'OKP'
      ? concatBytes(ED25519_PUB, fromBase64Url(jwk.x))
      : concatBytes(JWK_JCS_PUB, utf8(canonicalize({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })))
  return `did:key:z${base58.encode(body)}`
}

/** Resolves a `did:key` to its public JWK; throws `INVALID_DID` for anything else. */
export function jwkFromDidKey(did: string): PublicJwk {
  if (typeof did !== 'string' || !did.startsWith('did:key:z') || did.length > 512) {
    throw new CoreError('INVALID_DID', 'expected a did:key in base58btc (did:key:z…)')
  }
  let body: Uint8Array
  try {
    body = base58.decode(did.slice('did:key:z'.length).split('#')[0] as string)
  } catch (cause) {
    throw new CoreError('INVALID_DID', 'did:key is not valid base58btc', { cause })
  }
  if (startsWith(body, ED25519_PUB) && body.length === 34) {
    return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(body.subarray(2)) }
  }
  if (startsWith(body, JWK_JCS_PUB)) return parseJcsJwk(body.subarray(3))
  throw new CoreError('INVALID_DID', 'did:key uses an unsupported key type')
}

function parseJcsJwk(bytes: Uint8Array): PublicJwk {
  try {
    return assertPublicJwk(JSON.parse(fromUtf8(bytes)))
  } catch (cause) {
    throw new CoreError('INVALID_DID', 'did:key holds no valid JWK', { cause })
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}
