import { buildTransaction, signTransaction } from '@tabularium/sdk'
import { submitTransaction } from '../api/client.js'
import type { SubmitResult } from '../api/types.js'
import { type StoredKey, signBytes } from '../lib/keys.js'

/** Options of `signAndSubmit`. */
export interface SignAndSubmitParameters {
  key: StoredKey
  network: string
  module: string
  action: string
  args: Record<string, unknown>
}

/**
 * Builds a transaction, signs it in this browser with the stored WebCrypto
 * key (the private key never leaves WebCrypto), submits it and waits for the
 * receipt.
 */
export async function signAndSubmit({
  key,
  network,
  module,
  action,
  args,
}: SignAndSubmitParameters): Promise<SubmitResult> {
  const tx = buildTransaction({ network, module, action, args, signer: key.did })
  const signed = await signTransaction({ tx, sign: (bytes) => signBytes(key, bytes) })
  return submitTransaction(signed)
}
