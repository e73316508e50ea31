import { RSABSSA } from '@cloudflare/blindrsa-ts'
import { VotingError } from '../errors.js'
import {
  suiteOf,
  TOKEN_MODULUS_BITS,
  type TokenPrivateKey,
  type TokenPublicKey,
  type TokenVariant,
} from './tokenKeys.js'

/**
 * Generates a token issuer's RSA key pair (WebCrypto, e = 65537) for one
 * ballot: RFC 9474 §7.4 asks that a signing key serve one purpose only, so a
 * token for one ballot is never valid for another.
 *
 * @example const { publicKey, privateKey } = await createTokenIssuer({ modulusLength: 2048 })
 */
export async function createTokenIssuer(
  params: { variant?: TokenVariant; modulusLength?: (typeof TOKEN_MODULUS_BITS)[number] } = {},
): Promise<{ publicKey: TokenPublicKey; privateKey: TokenPrivateKey }> {
  const { variant = 'RSABSSA-SHA384-PSS-Randomized', modulusLength = 2048 } = params
  suiteOf(variant)
  if (!(TOKEN_MODULUS_BITS as readonly number[]).includes(modulusLength)) {
    throw new VotingError('INVALID_PARAMETERS', `modulusLength must be one of ${TOKEN_MODULUS_BITS.join(', ')}`)
  }
  const pair = await RSABSSA.SHA384.generateKey({ modulusLength, publicExponent: Uint8Array.from([1, 0, 1]) })
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey)
  return {
    publicKey: { variant, n: jwk.n as string, e: jwk.e as string },
    privateKey: { variant, jwk },
  }
}
