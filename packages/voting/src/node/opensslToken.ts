import { constants, createPublicKey, type KeyObject, publicEncrypt, verify } from 'node:crypto'
import { VotingError } from '../errors.js'
import { bytesOf } from '../tokens/blindToken.js'
import type { Token } from '../tokens/finalizeToken.js'
import { modulusBytes, type TokenPublicKey } from '../tokens/tokenKeys.js'
import { type Rsavp1, SALT_LENGTH } from '../tokens/verifyTokenSync.js'

type IssuerKey = { key: KeyObject; kLen: number }
const keys = new Map<string, IssuerKey>()

/**
 * `verifyTokenSync`'s contract with OpenSSL doing all of RSASSA-PSS-VERIFY
 * (RSAVP1, EMSA-PSS with SHA-384 and MGF1-SHA-384, the exact salt length):
 * the node's engine. The key is parsed once per issuer. What OpenSSL would
 * read leniently is refused first, as the pure-JS path does: a signature
 * that is not exactly kLen bytes. The tests hold it against `verifyTokenSync`
 * on the RFC 9474 vectors and on hostile tokens.
 *
 * @example opensslVerifyToken({ publicKey, token })
 */
export function opensslVerifyToken(params: { publicKey: TokenPublicKey; token: Token }): void {
  const { publicKey, token } = params
  const saltLength = SALT_LENGTH[publicKey.variant]
  if (saltLength === undefined) throw new VotingError('INVALID_ISSUER_KEY', 'unknown RFC 9474 variant')
  const { key, kLen } = issuerKeyOf(publicKey)
  let valid: boolean
  try {
    const signature = bytesOf(token?.signature, 'token.signature', kLen)
    const message = bytesOf(token?.message, 'token.message')
    const padding = constants.RSA_PKCS1_PSS_PADDING
    valid = signature.length === kLen && verify('sha384', message, { key, padding, saltLength }, signature)
  } catch (cause) {
    throw new VotingError('INVALID_TOKEN', 'the token cannot be read', { cause })
  }
  if (!valid) throw new VotingError('INVALID_TOKEN', 'the token signature does not verify')
}

/**
 * RSAVP1 with OpenSSL: the raw public operation s^e mod n (no padding), for
 * `verifyTokenSync({ …, rsavp1: opensslRsavp1 })` — the pure-JS PSS checks
 * over OpenSSL's exponentiation.
 *
 * @example verifyTokenSync({ publicKey, token, rsavp1: opensslRsavp1 })
 */
export const opensslRsavp1: Rsavp1 = (publicKey, signature) =>
  new Uint8Array(publicEncrypt({ key: issuerKeyOf(publicKey).key, padding: constants.RSA_NO_PADDING }, signature))

function issuerKeyOf(publicKey: TokenPublicKey): IssuerKey {
  const id = `${publicKey.n}.${publicKey.e}`
  let found = keys.get(id)
  if (found === undefined) {
    const kLen = modulusBytes(publicKey) // INVALID_ISSUER_KEY for a modulus of the wrong size
    let key: KeyObject
    try {
      key = createPublicKey({ key: { kty: 'RSA', n: publicKey.n, e: publicKey.e }, format: 'jwk' })
    } catch (cause) {
      throw new VotingError('INVALID_ISSUER_KEY', 'the issuer key is not an RSA public key', { cause })
    }
    found = { key, kLen }
    if (keys.size >= 64) keys.delete(keys.keys().next().value as string)
    keys.set(id, found)
  }
  return found
}
