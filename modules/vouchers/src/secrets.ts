import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  canonicalize,
  concatBytes,
  fromBase64Url,
  jwkFromDidKey,
  type PrivateJwk,
  sha256,
  toBase64Url,
  toHex,
  utf8,
} from '@tabularium/core'
import { signBytes, verifyBytesFast } from '@tabularium/core/node'

// Domain-separation prefixes, so that no hash or signature made for one
// purpose can stand for another.
const CARD = 'tabularium/vouchers/card/v1\n'
const PIN_PROOF = 'tabularium/vouchers/pin-proof/v1\n'
const PIN_VERIFIER = 'tabularium/vouchers/pin-verifier/v1\n'
const PSEUDONYM = 'tabularium/vouchers/pseudonym/v1\n'
const AUTHORISATION = 'tabularium/vouchers/authorisation/v1\n'

/**
 * The handle of a printed card on the ledger: SHA-256 of its number. The
 * number itself never reaches the ledger.
 *
 * @example cardHandle('6012 3456 7890 1234')
 */
export function cardHandle(cardNumber: string): string {
  return toHex(sha256(utf8(CARD + cardNumber.replace(/\s/g, ''))))
}

/**
 * What the provider's till sends instead of the PIN: a hash of card number
 * and PIN. Without the card number it reveals nothing about the PIN.
 *
 * @example pinProof({ cardNumber: '6012345678901234', pin: '4821' })
 */
export function pinProof(p: { cardNumber: string; pin: string }): string {
  return toHex(sha256(utf8(`${PIN_PROOF}${p.cardNumber.replace(/\s/g, '')}\n${p.pin}`)))
}

/**
 * The salted PIN hash stored with the voucher: SHA-256(salt ‖ pin proof).
 *
 * @example pinVerifier({ salt, proof: pinProof({ cardNumber, pin }) })
 */
export function pinVerifier(p: { salt: string; proof: string }): string {
  return toHex(sha256(utf8(`${PIN_VERIFIER}${p.salt}\n${p.proof}`)))
}

/** Constant-time comparison of two hex digests (never short-circuits on the first difference). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The pseudonymous id of a beneficiary in one fund: HMAC-SHA-256 under the
 * municipality's secret key of the fund and the municipal id. Without the
 * key nobody can tell whose pseudonym it is, and a resident's pseudonyms in
 * two funds cannot be linked.
 *
 * @example pseudonymOf({ key, fund: 'kindpakket-2026', id: '123456789' })
 */
export function pseudonymOf(p: { key: Uint8Array; fund: string; id: string }): string {
  return createHmac('sha256', p.key).update(`${PSEUDONYM}${p.fund}\n${p.id.trim()}`).digest('hex')
}

/** What a wallet signs for its QR code. */
export type AuthorisationPayload = {
  v: 1
  voucher: string
  nonce: string
  expires: string
  maxAmount?: number | undefined
}

function authorisationInput(payload: AuthorisationPayload): Uint8Array {
  return concatBytes(utf8(AUTHORISATION), utf8(canonicalize(payload)))
}

/**
 * Signs the authorisation a wallet shows as a QR code: the provider puts it
 * in `redeem`'s `authorisation`.
 *
 * @example signVoucherAuthorisation({ privateJwk, payload: { v: 1, voucher, nonce, expires } })
 */
export function signVoucherAuthorisation(p: { privateJwk: PrivateJwk; payload: AuthorisationPayload }): {
  payload: AuthorisationPayload
  sig: string
} {
  return {
    payload: p.payload,
    sig: toBase64Url(signBytes({ privateJwk: p.privateJwk, data: authorisationInput(p.payload) })),
  }
}

/** True when `sig` is the holder's signature of the payload (node:crypto; false on any malformed input). */
export function verifyVoucherAuthorisation(p: { holder: string; payload: AuthorisationPayload; sig: string }): boolean {
  try {
    const publicJwk = jwkFromDidKey(p.holder)
    return verifyBytesFast({ publicJwk, data: authorisationInput(p.payload), signature: fromBase64Url(p.sig) })
  } catch {
    return false
  }
}
