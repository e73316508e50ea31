import { toBase64Url } from '@tabularium/core'
import { VotingError } from '../errors.js'
import { bytesOf } from './blindToken.js'
import { importPrivateKey, modulusBytes, suiteOf, type TokenPrivateKey } from './tokenKeys.js'

/**
 * Issuer side (BlindSign, RFC 9474 §4.3): signs a blinded message after the
 * census check. The issuer learns nothing about the token it signs. Input
 * is hostile: a blinded message of the wrong length or not below n is
 * refused with `MALFORMED_INPUT`. On a server, `signBlindedFast` from
 * `@tabularium/voting/node` gives the same bytes ~100× faster.
 *
 * @example const blindSignature = await signBlinded({ privateKey, blindedMessage })
 */
export async function signBlinded(params: { privateKey: TokenPrivateKey; blindedMessage: string }): Promise<string> {
  const { privateKey } = params
  const suite = suiteOf(privateKey.variant)
  const kLen = modulusBytes({ variant: privateKey.variant, n: privateKey.jwk.n ?? '', e: privateKey.jwk.e ?? '' })
  const blinded = bytesOf(params.blindedMessage, 'blindedMessage', kLen)
  if (blinded.length !== kLen) throw new VotingError('MALFORMED_INPUT', `blindedMessage must be ${kLen} bytes`)
  const key = await importPrivateKey(privateKey)
  try {
    return toBase64Url(await suite.blindSign(key, blinded))
  } catch (cause) {
    // The library's RSAVP1 check fails when the input is not below n.
    throw new VotingError('MALFORMED_INPUT', 'blindedMessage is not a valid RSA input', { cause })
  }
}
