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

const PIN_VERIFIER = 'tabularium/vouchers/pin-verifier/v1\n'
const VOUCHER_ID = 'tabularium/vouchers/voucher-id/v1\n'
const RECEIPT = 'tabularium/vouchers/receipt/v1\n'

/** The salted PIN hash the ledger keeps with a card (`pinVerifier`). */
export function pinVerifier(salt: string, proof: string): string {
  return toHex(sha256(utf8(`${PIN_VERIFIER}${salt}\n${proof}`)))
}

/** The default voucher id of a beneficiary in a fund (`voucherIdOf`), known before the transaction commits. */
export function voucherIdOf(fund: string, beneficiary: string): string {
  return `v-${toHex(sha256(utf8(`${VOUCHER_ID}${fund}\n${beneficiary}`))).slice(0, 24)}`
}

// `count` decimal digits, each unbiased (bytes ≥ 250 are drawn again).
function randomDigits(count: number): string {
  let digits = ''
  while (digits.length < count) {
    for (const byte of crypto.getRandomValues(new Uint8Array(count * 2))) {
      if (byte < 250 && digits.length < count) digits += String(byte % 10)
    }
  }
  return digits
}

/** A new printed card: a 16-digit number, a 4-digit PIN. Neither is ever sent anywhere. */
export function newCard(): { number: string; pin: string } {
  return { number: randomDigits(16), pin: randomDigits(4) }
}

/** What `issueVouchers` takes for a printed card: its handle, and the PIN's salt and verifier. */
export function cardForLedger(card: { number: string; pin: string }): {
  handle: string
  pin: { salt: string; verifier: string }
} {
  const salt = toHex(crypto.getRandomValues(new Uint8Array(32)))
  return {
    handle: cardHandle(card.number),
    pin: { salt, verifier: pinVerifier(salt, pinProof(card.number, card.pin)) },
  }
}

/** A card number in groups of four, as printed. */
export const groupDigits = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1 ')

/**
 * The receipt digest of a reimbursement request: the photo's SHA-256 bound to
 * the shop and date, so the paper receipt can be checked against the ledger
 * while neither photo, shop nor date reaches it.
 */
export async function receiptDigest(p: { photo: ArrayBuffer; shop: string; date: string }): Promise<string> {
  const photo = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', p.photo)))
  return toHex(sha256(utf8(`${RECEIPT}${photo}\n${p.shop.trim()}\n${p.date}`)))
}
