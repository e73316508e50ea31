import {
  constants,
  createPrivateKey,
  createPublicKey,
  type JsonWebKey as NodeJwk,
  privateDecrypt,
  publicEncrypt,
} from 'node:crypto'
import { equalBytes, toBase64Url } from '@tabularium/core'
import { VotingError } from '../errors.js'
import { bytesOf } from '../tokens/blindToken.js'
import { modulusBytes, type TokenPrivateKey } from '../tokens/tokenKeys.js'

/**
 * BlindSign (RFC 9474 §4.3) with OpenSSL through node:crypto: the raw RSA
 * private operation (RSASP1, CRT, OpenSSL's own blinding) instead of the
 * pure-JS big integers of the browser path; same output bytes. As the RFC
 * asks, the result is checked with the public operation before it leaves
 * (a fault in the CRT would otherwise leak a factor of n).
 *
 * @example const blindSignature = signBlindedFast({ privateKey, blindedMessage })
 */
export function signBlindedFast(params: { privateKey: TokenPrivateKey; blindedMessage: string }): string {
  const { privateKey } = params
  const kLen = modulusBytes({ variant: privateKey.variant, n: privateKey.jwk.n ?? '', e: privateKey.jwk.e ?? '' })
  const blinded = bytesOf(params.blindedMessage, 'blindedMessage', kLen)
  if (blinded.length !== kLen) throw new VotingError('MALFORMED_INPUT', `blindedMessage must be ${kLen} bytes`)
  const key = keyOf(privateKey)
  let signature: Uint8Array
  try {
    signature = new Uint8Array(privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, blinded))
  } catch (cause) {
    throw new VotingError('MALFORMED_INPUT', 'blindedMessage is not a valid RSA input', { cause })
  }
  const check = new Uint8Array(
    publicEncrypt({ key: createPublicKey(key), padding: constants.RSA_NO_PADDING }, signature),
  )
  if (!equalBytes(check, blinded)) throw new VotingError('MALFORMED_INPUT', 'signing failure')
  return toBase64Url(signature)
}

const keys = new Map<string, ReturnType<typeof createPrivateKey>>()

function keyOf(privateKey: TokenPrivateKey) {
  const id = `${privateKey.jwk.n}:${privateKey.jwk.d}`
  let key = keys.get(id)
  if (key === undefined) {
    key = createPrivateKey({ key: privateKey.jwk as NodeJwk, format: 'jwk' })
    if (keys.size >= 16) keys.delete(keys.keys().next().value as string)
    keys.set(id, key)
  }
  return key
}
