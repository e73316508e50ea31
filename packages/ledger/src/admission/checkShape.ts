import {
  formatIssues,
  LIMITS,
  ProtocolError,
  type SignedTransaction,
  SignedTransactionSchema,
} from '@tabularium/protocol'
import { fastCanonicalize } from '../executor/fastCanonicalize.js'

/**
 * The largest leaf a C2SP tlog-tiles entry bundle can carry (a uint16 length
 * prefix), less room for what the entry adds around the signed transaction
 * (block, outcome, state, time, txid). Transactions are bounded by both this
 * and LIMITS.maxTransactionBytes, so that every leaf can be served as a tile.
 */
export const MAX_SIGNED_BYTES = Math.min(LIMITS.maxTransactionBytes, 65_535 - 1_535)

/** A transaction whose shape and size are checked, with its JCS forms. */
export interface ShapedTransaction {
  signed: SignedTransaction
  /** JCS of `tx`: the signed message (after the domain prefix) and part of the leaf. */
  txJcs: string
  /** JCS of `{ tx, sig }`: hashed into the txid. */
  signedJcs: string
}

/**
 * Parses an untrusted value as a signed transaction (every bad field listed in
 * `details.issues`) and bounds the size of its JCS form.
 *
 * @example const { signed, txJcs } = checkShape(JSON.parse(body))
 */
export function checkShape(value: unknown): ShapedTransaction {
  const parsed = SignedTransactionSchema.safeParse(value)
  if (!parsed.success) {
    throw new ProtocolError('INVALID_REQUEST', 'the transaction does not match its schema', {
      details: { issues: formatIssues(parsed.error) },
    })
  }
  const signed = parsed.data
  const txJcs = canonicalJson(signed.tx)
  // JCS orders members by name: "sig" before "tx".
  const signedJcs = `{"sig":${JSON.stringify(signed.sig)},"tx":${txJcs}}`
  const size = Buffer.byteLength(signedJcs)
  if (size > MAX_SIGNED_BYTES) {
    throw new ProtocolError('PAYLOAD_TOO_LARGE', `the transaction is ${size} bytes; the limit is ${MAX_SIGNED_BYTES}`, {
      details: { size, limit: MAX_SIGNED_BYTES },
    })
  }
  return { signed, txJcs, signedJcs }
}

function canonicalJson(value: unknown): string {
  try {
    return fastCanonicalize(value)
  } catch (cause) {
    throw new ProtocolError('INVALID_JSON', 'the transaction holds values JSON cannot carry', { cause })
  }
}
