import { hash } from 'node:crypto'
import { canonicalize, fromBase64Url, jwkFromDidKey, type PublicJwk } from '@tabularium/core'
import { type LogEntry, transactionId } from '@tabularium/protocol'
import type { VerifyItem } from '../workers/verifyPacked.js'
import { check } from './auditFailure.js'

/** A stored entry row as the audit reads it. */
export interface StoredEntry {
  idx: number
  txid: Buffer
  block: number
  leaf: Buffer
}

/** An entry whose bytes are consistent with themselves, ready to be re-executed. */
export interface CheckedEntry {
  index: number
  entry: LogEntry
  text: string
  leafHash: Buffer
  txJcs: string
  signature: VerifyItem
}

const LEAF_PREFIX = Buffer.from([0])
const SIGNING_PREFIX = Buffer.from('tabularium/transaction/v1\n')

/**
 * Checks one stored entry on its own: its index is the next one, its leaf
 * hash is the stored level-0 node, its bytes are the JCS of a log entry whose
 * txid is that of its transaction and whose block is the row's.
 * The leaf is untrusted input here: it is parsed, never evaluated.
 *
 * @example const checked = checkEntry({ row, expectedIndex, storedLeafHash })
 */
export function checkEntry(p: {
  row: StoredEntry
  expectedIndex: number
  storedLeafHash: Buffer | undefined
}): CheckedEntry {
  const { row } = p
  const index = p.expectedIndex
  check(row.idx === index, index, `entry ${index} is missing (found ${row.idx} next)`)
  const leafHash = hash('sha256', Buffer.concat([LEAF_PREFIX, row.leaf]), 'buffer')
  check(
    p.storedLeafHash !== undefined && leafHash.equals(p.storedLeafHash),
    index,
    'the leaf does not hash to the stored tree leaf',
  )
  const text = row.leaf.toString('utf8')
  let entry: LogEntry
  try {
    entry = JSON.parse(text) as LogEntry
  } catch {
    throw check(false, index, 'the leaf is not JSON')
  }
  check(isEntryShape(entry), index, 'the leaf is not a log entry')
  check(canonicalize(entry) === text, index, 'the leaf is not in JCS form')
  check(entry.txid === row.txid.toString('hex'), index, 'the stored txid differs from the entry')
  check(
    transactionId({ tx: entry.tx, sig: entry.sig }) === entry.txid,
    index,
    'the txid is not that of the transaction',
  )
  check(entry.block === row.block, index, 'the stored block differs from the entry')
  const txJcs = canonicalize(entry.tx)
  return { index, entry, text, leafHash, txJcs, signature: signatureOf(entry, txJcs, index) }
}

function signatureOf(entry: LogEntry, txJcs: string, index: number): VerifyItem {
  let publicJwk: PublicJwk
  let signature: Uint8Array
  try {
    publicJwk = jwkFromDidKey(entry.tx.signer)
    signature = fromBase64Url(entry.sig)
  } catch {
    throw check(false, index, 'the signer or signature cannot be decoded')
  }
  return { publicJwk, data: Buffer.concat([SIGNING_PREFIX, Buffer.from(txJcs)]), signature }
}

function isEntryShape(value: unknown): value is LogEntry {
  const e = value as Partial<LogEntry> | null
  return (
    typeof e === 'object' &&
    e !== null &&
    e.v === 1 &&
    typeof e.txid === 'string' &&
    typeof e.sig === 'string' &&
    typeof e.time === 'string' &&
    typeof e.state === 'string' &&
    Number.isSafeInteger(e.block) &&
    typeof e.tx === 'object' &&
    e.tx !== null &&
    typeof e.tx.signer === 'string' &&
    typeof e.outcome === 'object' &&
    e.outcome !== null
  )
}
