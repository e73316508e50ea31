import { canonicalize, concatBytes, fromBase64Url, sha256, toBase64Url, toHex, utf8 } from '@tabularium/core'
import { type StoredKey, signBytes } from '../lib/keys.js'

// Browser twins of modules/vouchers/src/secrets.ts: the same domain-separated
// inputs, so the ledger checks what the wallet and the till make here.
const AUTHORISATION = 'tabularium/vouchers/authorisation/v1\n'
const CARD = 'tabularium/vouchers/card/v1\n'
const PIN_PROOF = 'tabularium/vouchers/pin-proof/v1\n'

/** What the wallet signs for a QR code (see `signVoucherAuthorisation`). */
export interface AuthorisationPayload {
  v: 1
  voucher: string
  nonce: string
  expires: string
  maxAmount?: number
}

/** A signed authorisation: the QR code's content, as JSON. */
export interface Authorisation {
  payload: AuthorisationPayload
  sig: string
}

/** Signs a fresh authorisation (random nonce, valid `minutes`) with the wallet key. */
export async function signAuthorisation(key: StoredKey, voucher: string, minutes = 10): Promise<Authorisation> {
  const payload: AuthorisationPayload = {
    v: 1,
    voucher,
    nonce: toBase64Url(crypto.getRandomValues(new Uint8Array(16))),
    expires: new Date(Date.now() + minutes * 60_000).toISOString(),
  }
  const sig = await signBytes(key, concatBytes(utf8(AUTHORISATION), utf8(canonicalize(payload))))
  return { payload, sig: toBase64Url(sig) }
}

/** The authorisation in a scanned text, or undefined when it is something else. */
export function parseAuthorisation(text: string): Authorisation | undefined {
  try {
    const value = JSON.parse(text) as Authorisation
    const p = value?.payload
    if (p?.v !== 1 || typeof p.voucher !== 'string' || typeof p.nonce !== 'string' || typeof p.expires !== 'string')
      return undefined
    if (typeof value.sig !== 'string' || fromBase64Url(value.sig).length < 32) return undefined
    return { payload: p, sig: value.sig }
  } catch {
    return undefined
  }
}

/** The ledger handle of a printed card's number (`cardHandle`). */
export function cardHandle(cardNumber: string): string {
  return toHex(sha256(utf8(CARD + cardNumber.replace(/\s/g, ''))))
}

/** What the till sends instead of the PIN (`pinProof`). */
export function pinProof(cardNumber: string, pin: string): string {
  return toHex(sha256(utf8(`${PIN_PROOF}${cardNumber.replace(/\s/g, '')}\n${pin}`)))
}
