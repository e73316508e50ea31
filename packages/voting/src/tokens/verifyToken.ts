import { concatBytes, sha256, toHex, utf8 } from '@tabularium/core'
import { VotingError } from '../errors.js'
import { bytesOf, TOKEN_MESSAGE_BYTES } from './blindToken.js'
import type { Token } from './finalizeToken.js'
import { importPublicKey, modulusBytes, suiteOf, type TokenPublicKey } from './tokenKeys.js'

/** Domain tag of nullifiers. */
export const NULLIFIER_DOMAIN = 'tabularium/nullifier/v1'

/**
 * Checks a token presented with a ballot: an RSASSA-PSS (SHA-384, MGF1)
 * signature by the ballot's issuer key on the token message — a standard
 * RSA-PSS verification (RFC 9474 §4.5), done by WebCrypto. Hostile input:
 * anything malformed or not verifying throws `INVALID_TOKEN`.
 *
 * @example await verifyToken({ publicKey, token })
 */
export async function verifyToken(params: { publicKey: TokenPublicKey; token: Token }): Promise<void> {
  const { publicKey, token } = params
  const suite = suiteOf(publicKey.variant)
  const kLen = modulusBytes(publicKey)
  let valid = false
  try {
    const signature = bytesOf(token?.signature, 'token.signature', kLen)
    const message = bytesOf(token?.message, 'token.message')
    valid = signature.length === kLen && (await suite.verify(await importPublicKey(publicKey), signature, message))
  } catch (cause) {
    throw new VotingError('INVALID_TOKEN', 'the token cannot be read', { cause })
  }
  if (!valid) throw new VotingError('INVALID_TOKEN', 'the token signature does not verify')
}

/**
 * The token's nullifier for a ballot: hex SHA-256("tabularium/nullifier/v1"
 * ‖ ballotId ‖ token message). Spending a token twice gives the same
 * nullifier, so a second ballot is refused (or replaces the first); the
 * issuer, who never saw the message, cannot link it to the voter. The token
 * message has a fixed length (32 bytes, plus the 32-byte prefix of the
 * Randomized variants), which keeps the concatenation unambiguous.
 *
 * @example const nullifier = tokenNullifier({ ballotId: 'ballot-7', token })
 */
export function tokenNullifier(params: { ballotId: string; token: Token }): string {
  const { ballotId, token } = params
  const message = bytesOf(token?.message, 'token.message')
  if (message.length !== TOKEN_MESSAGE_BYTES && message.length !== 2 * TOKEN_MESSAGE_BYTES) {
    throw new VotingError('MALFORMED_INPUT', 'a ballot token message is 32 or 64 bytes')
  }
  if (typeof ballotId !== 'string' || ballotId.length === 0 || ballotId.length > 256) {
    throw new VotingError('MALFORMED_INPUT', 'ballotId must be 1–256 characters')
  }
  return toHex(sha256(concatBytes(utf8(NULLIFIER_DOMAIN), utf8(ballotId), message)))
}
