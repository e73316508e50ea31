/** A receipt as the node returns it (docs/architecture.md, "Receipts"). */
export interface Receipt {
  v: 1
  txid: string
  /** Base64 of the exact leaf bytes: UTF-8 of JCS(LogEntry). */
  leaf: string
  index: number
  treeSize: number
  inclusionProof: string[]
  /** The C2SP signed note of the checkpoint, with cosignature lines. */
  checkpoint: string
}

/** Thrown when a text is not a receipt at all (before any cryptography). */
export class ReceiptFormatError extends Error {
  override name = 'ReceiptFormatError'
}

/**
 * Parses untrusted text into a receipt shape. Only checks types; the
 * cryptographic checks are `verifyReceipt`'s job.
 */
export function parseReceipt(text: string): Receipt {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ReceiptFormatError('not-json')
  }
  return assertReceipt(value)
}

/** Checks that an untrusted value has the receipt's fields with the right types. */
export function assertReceipt(value: unknown): Receipt {
  const r = value as Record<string, unknown> | null
  if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new ReceiptFormatError('not-object')
  const ok =
    typeof r.txid === 'string' &&
    typeof r.leaf === 'string' &&
    Number.isSafeInteger(r.index) &&
    Number.isSafeInteger(r.treeSize) &&
    Array.isArray(r.inclusionProof) &&
    r.inclusionProof.every((h) => typeof h === 'string') &&
    typeof r.checkpoint === 'string'
  if (!ok) throw new ReceiptFormatError('missing-fields')
  return r as unknown as Receipt
}
