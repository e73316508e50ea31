import { toBase64Url } from '@tabularium/core'
import { type SignedTransaction, type TransactionEnvelope, transactionSigningInput } from '@tabularium/protocol'

/**
 * Signs bytes with the author's key. Sync or async, so that node:crypto
 * (`signBytes` of `@tabularium/core/node`), WebCrypto, a hardware token or a
 * wallet all fit. EdDSA signatures are 64 bytes; ES256 are raw `r‖s`.
 */
export type SignFunction = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>

/**
 * Signs an envelope over its domain-separated JCS bytes
 * (`"tabularium/transaction/v1\n" ‖ JCS(tx)`).
 *
 * @example
 * const signed = await signTransaction({ tx, sign: (bytes) => signBytes({ privateJwk, data: bytes }) })
 */
export async function signTransaction({
  tx,
  sign,
}: {
  tx: TransactionEnvelope
  sign: SignFunction
}): Promise<SignedTransaction> {
  const signature = await sign(transactionSigningInput(tx))
  return { tx, sig: toBase64Url(signature) }
}
