import { constants, createPublicKey, type KeyObject, publicEncrypt } from 'node:crypto'
import type { TokenPublicKey } from '../tokens/tokenKeys.js'
import type { Rsavp1 } from '../tokens/verifyTokenSync.js'

const keys = new Map<string, KeyObject>()

/**
 * RSAVP1 with OpenSSL: the raw public operation s^e mod n (no padding), for
 * `verifyTokenSync({ …, rsavp1: opensslRsavp1 })`; the PSS checks stay the
 * shared pure-JS code, so both paths accept exactly the same tokens.
 *
 * @example verifyTokenSync({ publicKey, token, rsavp1: opensslRsavp1 })
 */
export const opensslRsavp1: Rsavp1 = (publicKey, signature) =>
  new Uint8Array(publicEncrypt({ key: keyOf(publicKey), padding: constants.RSA_NO_PADDING }, signature))

function keyOf(publicKey: TokenPublicKey): KeyObject {
  const id = `${publicKey.n}.${publicKey.e}`
  let key = keys.get(id)
  if (key === undefined) {
    key = createPublicKey({ key: { kty: 'RSA', n: publicKey.n, e: publicKey.e }, format: 'jwk' })
    if (keys.size >= 64) keys.delete(keys.keys().next().value as string)
    keys.set(id, key)
  }
  return key
}
