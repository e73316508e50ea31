import { toBase64Url } from '@tabularium/core'
import { VotingError } from '../errors.js'
import { type BlindingState, bytesOf } from './blindToken.js'
import { importPublicKey, modulusBytes, suiteOf, type TokenPublicKey } from './tokenKeys.js'

/** An anonymous eligibility token: the prepared message and its RSA-PSS signature (base64url). */
export type Token = { message: string; signature: string }

/**
 * Voter side (Finalize, RFC 9474 §4.4): unblinds the issuer's answer and
 * checks it is a valid RSASSA-PSS signature on the token message; a bad
 * answer from the issuer throws `INVALID_TOKEN`.
 *
 * @example const token = await finalizeToken({ publicKey, state, blindSignature })
 */
export async function finalizeToken(params: {
  publicKey: TokenPublicKey
  state: BlindingState
  blindSignature: string
}): Promise<Token> {
  const { publicKey, state } = params
  const suite = suiteOf(publicKey.variant)
  const kLen = modulusBytes(publicKey)
  const blindSig = bytesOf(params.blindSignature, 'blindSignature', kLen)
  const inv = bytesOf(state.inv, 'state.inv', kLen)
  const message = bytesOf(state.message, 'state.message')
  if (blindSig.length !== kLen || inv.length !== kLen)
    throw new VotingError('MALFORMED_INPUT', `inputs must be ${kLen} bytes`)
  const key = await importPublicKey(publicKey)
  try {
    const signature = await suite.finalize(key, message, blindSig, inv)
    return { message: state.message, signature: toBase64Url(signature) }
  } catch (cause) {
    throw new VotingError('INVALID_TOKEN', 'the blind signature does not unblind to a valid signature', { cause })
  }
}
