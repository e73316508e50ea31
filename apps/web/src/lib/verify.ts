import type { LogEntry, NetworkInfo } from '../api/types.js'
import { base64ToBytes } from './base64.js'
import { parseCheckpointNote, parseVerifierKey } from './note.js'
import { assertReceipt, type Receipt, ReceiptFormatError } from './receipt.js'

/** What the browser concluded about a receipt. */
export type VerificationOutcome =
  | {
      ok: true
      receipt: Receipt
      entry: LogEntry | undefined
      /** Member names whose node signed the checkpoint. */
      loggedBy: string[]
      /** Member names whose witness cosigned it. */
      cosignedBy: string[]
    }
  | {
      ok: false
      /** A stable code: a `@tabularium/log` error code, or `RECEIPT_MALFORMED`. */
      code: string
      /** The verifier's own message (English, technical). */
      detail: string
    }

/**
 * Verifies a receipt in this browser with `@tabularium/log`'s `verifyReceipt`
 * and the network's keys from the genesis. The node is never asked whether the
 * receipt is valid: only its genesis summary (keys, origin, quorum) is used.
 */
export async function verifyReceiptLocally(candidate: unknown, network: NetworkInfo): Promise<VerificationOutcome> {
  let receipt: Receipt
  try {
    receipt = assertReceipt(candidate)
  } catch (error) {
    return { ok: false, code: 'RECEIPT_MALFORMED', detail: String((error as Error).message) }
  }
  const [{ verifyReceipt }, { checkEntry }] = await Promise.all([import('@tabularium/log'), import('./checkEntry.js')])
  let cosigners: string[]
  try {
    cosigners = verifyReceipt({ receipt, trust: trustOf(network) }).cosigners
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown }
    return { ok: false, code: typeof e.code === 'string' ? e.code : 'RECEIPT_MALFORMED', detail: String(e.message) }
  }
  // verifyReceipt proves the leaf is in the log; these checks prove the leaf
  // is the transaction the receipt names, signed by the key of its signer.
  const entry = entryOf(receipt)
  const problem = checkEntry(receipt, entry)
  if (problem) return { ok: false, ...problem }
  const { loggedBy } = signersOf(receipt, network)
  const cosignedBy = cosigners.map(
    (name) => network.members.find((m) => parseVerifierKey(m.witnessKey).name === name)?.name ?? name,
  )
  return { ok: true, receipt, entry, loggedBy, cosignedBy }
}

/** The trust anchor `verifyReceipt` takes, from the genesis summary. */
export function trustOf(network: NetworkInfo) {
  return {
    origin: network.origin,
    logKeys: network.members.map((m) => m.logKey),
    witnessKeys: network.members.map((m) => m.witnessKey),
    witnessQuorum: network.witnessQuorum,
  }
}

/** The log entry a receipt carries, or undefined if its leaf is not JSON. */
export function entryOf(receipt: Receipt): LogEntry | undefined {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(receipt.leaf))) as LogEntry
  } catch {
    return undefined
  }
}

// Names the members whose keys appear among the checkpoint's signature lines.
// Called only after verifyReceipt accepted the receipt, which checked them.
function signersOf(receipt: Receipt, network: NetworkInfo): { loggedBy: string[]; cosignedBy: string[] } {
  const loggedBy = new Set<string>()
  const cosignedBy = new Set<string>()
  let signatures: ReturnType<typeof parseCheckpointNote>['signatures'] = []
  try {
    signatures = parseCheckpointNote(receipt.checkpoint).signatures
  } catch {
    // verifyReceipt accepted it, so this does not happen; show no names then.
  }
  for (const member of network.members) {
    const log = parseVerifierKey(member.logKey)
    const witness = parseVerifierKey(member.witnessKey)
    for (const s of signatures) {
      if (s.name === log.name && s.keyId === log.keyId) loggedBy.add(member.name)
      if (s.name === witness.name && s.keyId === witness.keyId) cosignedBy.add(member.name)
    }
  }
  return { loggedBy: [...loggedBy], cosignedBy: [...cosignedBy] }
}

export { ReceiptFormatError }
