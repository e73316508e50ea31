import { buildTransaction, signTransaction } from '@tabularium/sdk'
import { submitTransaction } from '../api/client.js'
import type { SubmitResult } from '../api/types.js'
import { fetchFinalReceipt } from '../lib/finalReceipt.js'
import { type StoredKey, signBytes } from '../lib/keys.js'

/** Options of `signAndSubmit`. */
export interface SignAndSubmitParameters {
  key: StoredKey
  network: string
  module: string
  action: string
  args: Record<string, unknown>
  /** Wait for a receipt against a checkpoint cosigned by a quorum of members (see `needsFinalReceipt`). */
  final?: boolean
}

/**
 * Builds a transaction, signs it in this browser with the stored WebCrypto
 * key (the private key never leaves WebCrypto), submits it and waits for the
 * receipt — with `final`, the final one, asking again a few times when the
 * node's own wait ran out; if the members still have not cosigned, the
 * result keeps the node's receipt and says `final: false`.
 */
export async function signAndSubmit({
  key,
  network,
  module,
  action,
  args,
  final = false,
}: SignAndSubmitParameters): Promise<SubmitResult> {
  const tx = buildTransaction({ network, module, action, args, signer: key.did })
  const signed = await signTransaction({ tx, sign: (bytes) => signBytes(key, bytes) })
  const result = await submitTransaction(signed, { final })
  if (!final || !result.ok || result.final !== false) return result
  try {
    return { ...result, receipt: await fetchFinalReceipt({ index: result.index }), final: true }
  } catch {
    // The transaction is recorded either way: the caller gets the node's own
    // receipt with `final: false`, and the receipt page asks again later.
    return result
  }
}
