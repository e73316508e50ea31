import { concatBytes, fromBase64Url, toBase64Url } from '@tabularium/core'
import { cryptoRandom, type RandomBytes } from '../election/group.js'
import { VotingError } from '../errors.js'
import { importPublicKey, suiteOf, type TokenPublicKey } from './tokenKeys.js'

/** What the voter keeps between blinding and finalising (never sent to the issuer). */
export type BlindingState = { message: string; inv: string }

/** Length of a fresh token message, and of the randomising prefix (RFC 9474 §4.1). */
export const TOKEN_MESSAGE_BYTES = 32

/**
 * Voter side of RFC 9474 §4: picks a fresh 32-byte token message (or takes
 * `message`), prepends the 32-byte random prefix of the Randomized variants
 * (PrepareRandomize, §4.1), and blinds it (Blind, §4.2). Only
 * `blindedMessage` goes to the issuer; `state` stays in the wallet.
 * The prefix and message come from `random`; the PSS salt and the blinding
 * factor r come from WebCrypto's CSPRNG inside @cloudflare/blindrsa-ts.
 *
 * @example const { blindedMessage, state } = await blindToken({ publicKey })
 */
export async function blindToken(params: {
  publicKey: TokenPublicKey
  message?: Uint8Array
  random?: RandomBytes
}): Promise<{ blindedMessage: string; state: BlindingState }> {
  const { publicKey, random = cryptoRandom } = params
  const suite = suiteOf(publicKey.variant)
  const message = params.message ?? random(TOKEN_MESSAGE_BYTES)
  if (message.length === 0 || message.length > 1024)
    throw new VotingError('MALFORMED_INPUT', 'message must be 1–1024 bytes')
  const prefixLength = suite.params.prepareType
  const prepared = prefixLength > 0 ? concatBytes(random(prefixLength), message) : message
  const key = await importPublicKey(publicKey)
  const { blindedMsg, inv } = await suite.blind(key, prepared)
  return { blindedMessage: toBase64Url(blindedMsg), state: { message: toBase64Url(prepared), inv: toBase64Url(inv) } }
}

/** Parses a base64url field of a token or state, `MALFORMED_INPUT` otherwise. */
export function bytesOf(value: unknown, what: string, maxLength = 1024): Uint8Array {
  if (typeof value !== 'string' || value.length > Math.ceil((maxLength * 4) / 3)) {
    throw new VotingError('MALFORMED_INPUT', `${what} must be a base64url string`)
  }
  try {
    return fromBase64Url(value)
  } catch (cause) {
    throw new VotingError('MALFORMED_INPUT', `${what} is not base64url`, { cause })
  }
}
