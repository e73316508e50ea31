import { canonicalize, fromBase64, fromUtf8 } from '@tabularium/core'
import { type LogEntry, SignedTransactionSchema, transactionId } from '@tabularium/protocol'
import { SdkError } from '../errors.js'

const HEX64 = /^[0-9a-f]{64}$/

/**
 * Decodes a leaf (base64 or bytes) into its log entry, treating it as hostile:
 * it must be UTF-8 JSON in exactly its JCS form (so no two leaves decode to
 * the same entry), carry a well-formed signed transaction, and hash to the
 * txid it claims (docs/architecture.md, "Log entries").
 *
 * @example const entry = decodeLeaf({ leaf: receipt.leaf }) // { v: 1, txid, tx, sig, … }
 */
export function decodeLeaf({ leaf }: { leaf: string | Uint8Array }): LogEntry {
  let text: string
  let value: unknown
  try {
    text = fromUtf8(typeof leaf === 'string' ? fromBase64(leaf) : leaf)
    value = JSON.parse(text)
  } catch (cause) {
    throw new SdkError('INVALID_LEAF', 'the leaf is not base64 of UTF-8 JSON', { cause })
  }
  if (canonicalizeOrNull(value) !== text) throw new SdkError('INVALID_LEAF', 'the leaf is not in JCS (RFC 8785) form')
  const entry = assertEntryShape(value)
  const computed = transactionId({ tx: entry.tx, sig: entry.sig })
  if (computed !== entry.txid) {
    throw new SdkError('TXID_MISMATCH', `the leaf's transaction hashes to ${computed}, not to its txid ${entry.txid}`)
  }
  return entry
}

function canonicalizeOrNull(value: unknown): string | null {
  try {
    return canonicalize(value)
  } catch {
    return null
  }
}

function assertEntryShape(value: unknown): LogEntry {
  const entry = value as Partial<Record<keyof LogEntry, unknown>> | null
  const bad = (field: string) => new SdkError('INVALID_LEAF', `the leaf's entry has no valid ${field}`)
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw bad('object')
  if (entry.v !== 1) throw bad('version (v: 1)')
  if (typeof entry.txid !== 'string' || !HEX64.test(entry.txid)) throw bad('txid')
  if (!SignedTransactionSchema.safeParse({ tx: entry.tx, sig: entry.sig }).success) throw bad('signed transaction')
  if (typeof entry.time !== 'string') throw bad('time')
  if (!Number.isSafeInteger(entry.block)) throw bad('block')
  if (!isOutcome(entry.outcome)) throw bad('outcome')
  if (typeof entry.state !== 'string') throw bad('state')
  return entry as LogEntry
}

function isOutcome(value: unknown): boolean {
  const o = value as { status?: unknown; events?: unknown; code?: unknown } | null
  if (o === null || typeof o !== 'object') return false
  if (o.status === 'accepted') return typeof o.events === 'string'
  return o.status === 'rejected' && typeof o.code === 'string'
}
