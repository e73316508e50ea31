import {
  canonicalBytes,
  fromBase64Url,
  jwkFromDidKey,
  sha256,
  signingInput,
  toHex,
  verifyBytes,
} from '@tabularium/core'
import type { LogEntry } from '../api/types.js'
import type { Receipt } from './receipt.js'

/**
 * Checks that a receipt's leaf is the transaction it names: the leaf is a log
 * entry, its txid is the receipt's, the txid is the hash of the signed
 * transaction (docs/architecture.md: SHA-256 of JCS({ tx, sig })), and the
 * signature verifies with the signer's did:key. Returns the failure, if any.
 */
export function checkEntry(
  receipt: Receipt,
  entry: LogEntry | undefined,
): { code: string; detail: string } | undefined {
  if (!entry || typeof entry !== 'object' || typeof entry.tx !== 'object' || typeof entry.sig !== 'string') {
    return { code: 'LEAF_NOT_ENTRY', detail: 'the leaf is not a log entry' }
  }
  if (entry.txid !== receipt.txid) {
    return { code: 'TXID_MISMATCH', detail: `the receipt names ${receipt.txid} but its leaf is ${entry.txid}` }
  }
  const txid = toHex(sha256(canonicalBytes({ tx: entry.tx, sig: entry.sig })))
  if (txid !== entry.txid)
    return { code: 'TXID_MISMATCH', detail: 'the entry’s txid is not the hash of its transaction' }
  try {
    const ok = verifyBytes({
      publicJwk: jwkFromDidKey(entry.tx.signer),
      data: signingInput('transaction', canonicalBytes(entry.tx)),
      signature: fromBase64Url(entry.sig),
    })
    if (!ok) return { code: 'TX_SIGNATURE_INVALID', detail: 'the transaction signature does not verify' }
  } catch (error) {
    return { code: 'TX_SIGNATURE_INVALID', detail: String((error as Error).message) }
  }
  return undefined
}
