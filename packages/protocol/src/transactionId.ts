import { canonicalBytes, sha256, signingInput, toHex } from '@tabularium/core'
import type { SignedTransaction, TransactionEnvelope } from './envelope.js'

/**
 * The transaction id: hex SHA-256 of the JCS form of the signed transaction
 * `{ tx, sig }` (DESIGN §2.1).
 *
 * @example transactionId({ tx, sig }) // '9f86d0…'
 */
export function transactionId(signed: SignedTransaction): string {
  return toHex(sha256(canonicalBytes({ tx: signed.tx, sig: signed.sig })))
}

/** The exact bytes a transaction's author signs. */
export function transactionSigningInput(tx: TransactionEnvelope): Uint8Array {
  return signingInput('transaction', canonicalBytes(tx))
}
