import { chacha20poly1305 } from '@noble/ciphers/chacha.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { concatBytes, utf8 } from '@tabularium/core'
import { decodeBase64Url, encodeBase64Url } from '../election/base64url.js'
import { bytesToBigInt, type GroupPoint, ORDER, type RandomBytes, scalarBytes } from '../election/group.js'
import { VotingError } from '../errors.js'
import { transcriptBytes } from '../proofs/challenge.js'

// An encrypted key share is ChaCha20-Poly1305 (RFC 8439) of the 32-byte
// share under a key derived with HKDF-SHA256 (RFC 5869) from the static-static
// Diffie–Hellman point of the dealer's and the recipient's ceremony keys.
// The nonce is random (96 bits) and sent with the ciphertext: a dealer whose
// dealing was refused deals again under the same key, and a fixed nonce
// would then encrypt two shares with one keystream.

/** Bytes of an encrypted share: nonce (12) ‖ ciphertext (32) ‖ Poly1305 tag (16). */
export const SHARE_CIPHERTEXT_BYTES = 60
const NONCE_BYTES = 12
const SHARE_DOMAIN = 'tabularium/voting/v1/share'

/** Who sends a share to whom in which ballot: bound into the key (HKDF info) and the AEAD's associated data. */
export type ShareRoute = { ballot: string; dealer: string; recipient: string }

/**
 * The symmetric key of one route, from K = e_dealer·E_recipient
 * (= e_recipient·E_dealer). Its x-coordinate is the ECDH shared secret
 * (SEC 1 §3.3.1); the route in HKDF's info makes the key of dealer → recipient
 * differ from that of recipient → dealer and from any other ballot's.
 *
 * @example const key = shareKey(K, { ballot: 'pb-2026', dealer: 'leuven', recipient: 'gent' })
 */
export function shareKey(point: GroupPoint, route: ShareRoute): Uint8Array {
  const ikm = point.toBytes(true).subarray(1)
  return hkdf(sha256, ikm, utf8(SHARE_DOMAIN), routeBytes(route), 32)
}

/**
 * Encrypts share `secret` (a scalar) for one route; returns base64url of
 * nonce ‖ ciphertext ‖ tag.
 *
 * @example sealShare({ point: K, route, secret, random })
 */
export function sealShare(p: { point: GroupPoint; route: ShareRoute; secret: bigint; random: RandomBytes }): string {
  const nonce = p.random(NONCE_BYTES)
  const aead = chacha20poly1305(shareKey(p.point, p.route), nonce, routeBytes(p.route))
  return encodeBase64Url(concatBytes(nonce, aead.encrypt(scalarBytes(p.secret))))
}

/**
 * Decrypts an encrypted share as hostile input. Throws `MALFORMED_INPUT` for
 * text that is not base64url of 60 bytes, `UNDECRYPTABLE_SHARE` when the tag
 * does not verify under this route's key, `INVALID_SHARE` when the plaintext
 * is not a scalar below the group order.
 *
 * @example const secret = openShare({ point: K, route, ciphertext })
 */
export function openShare(p: { point: GroupPoint; route: ShareRoute; ciphertext: unknown }): bigint {
  const bytes = shareCiphertextBytes(p.ciphertext)
  const aead = chacha20poly1305(shareKey(p.point, p.route), bytes.subarray(0, NONCE_BYTES), routeBytes(p.route))
  let plain: Uint8Array
  try {
    plain = aead.decrypt(bytes.subarray(NONCE_BYTES))
  } catch (cause) {
    const { dealer, recipient } = p.route
    throw new VotingError('UNDECRYPTABLE_SHARE', `the share from ${dealer} to ${recipient} does not decrypt`, { cause })
  }
  const value = bytesToBigInt(plain)
  if (value >= ORDER) throw new VotingError('INVALID_SHARE', 'the decrypted share is not below the group order')
  return value
}

/** The bytes of an encrypted share, or `MALFORMED_INPUT` unless base64url of exactly 60 bytes. */
export function shareCiphertextBytes(text: unknown): Uint8Array {
  // 80 characters encode 60 bytes: check the length before decoding anything.
  if (typeof text !== 'string' || text.length !== 80) {
    throw new VotingError('MALFORMED_INPUT', `an encrypted share is base64url of ${SHARE_CIPHERTEXT_BYTES} bytes`)
  }
  try {
    return decodeBase64Url(text)
  } catch (cause) {
    throw new VotingError('MALFORMED_INPUT', 'an encrypted share is not base64url', { cause })
  }
}

function routeBytes(route: ShareRoute): Uint8Array {
  return transcriptBytes([SHARE_DOMAIN, route.ballot, route.dealer, route.recipient])
}
