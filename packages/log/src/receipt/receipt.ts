import { fromBase64, toBase64 } from '@tabularium/core'
import { LogError } from '../errors.js'
import { MAX_NOTE_SIZE } from '../note/noteText.js'
import { MAX_PROOF_LENGTH } from '../proof/assertProof.js'
import { isTreeSize } from '../tree/bits.js'

/** Largest leaf a receipt may carry, in bytes. */
export const MAX_RECEIPT_LEAF_SIZE = 1_048_576

/**
 * Proof that one transaction is in the log: the exact leaf bytes, their
 * inclusion proof, and the signed (and cosigned) checkpoint the proof leads
 * to. Verifiable offline with {@link verifyReceipt}.
 */
export interface Receipt {
  v: 1
  txid: string
  /** Standard base64 of the exact leaf bytes. */
  leaf: string
  index: number
  treeSize: number
  /** Standard base64 of each 32-byte hash, leaf side first (RFC 9162 §2.1.3.1). */
  inclusionProof: string[]
  /** The signed note of the checkpoint, cosignature lines included. */
  checkpoint: string
}

const FIELDS = ['v', 'txid', 'leaf', 'index', 'treeSize', 'inclusionProof', 'checkpoint']

/**
 * Checks that an untrusted value has the shape of a {@link Receipt}, reporting
 * every bad field at once in `details.errors`; unknown fields are refused.
 * Throws `RECEIPT_MALFORMED`.
 *
 * @example const receipt = assertReceipt(JSON.parse(text))
 */
export function assertReceipt(value: unknown): Receipt {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LogError('RECEIPT_MALFORMED', 'a receipt must be a JSON object', {
      details: { errors: [{ path: '', message: 'not an object' }] },
    })
  }
  const r = value as Record<string, unknown>
  const errors: { path: string; message: string }[] = []
  const fail = (path: string, message: string) => errors.push({ path, message })
  for (const key of Object.keys(r)) if (!FIELDS.includes(key)) fail(key, 'unknown field')
  if (r.v !== 1) fail('v', 'must be 1')
  if (typeof r.txid !== 'string' || r.txid.length === 0 || r.txid.length > 256)
    fail('txid', 'must be a string of 1 to 256 characters')
  if (!isBase64(r.leaf, Math.ceil(MAX_RECEIPT_LEAF_SIZE / 3) * 4))
    fail('leaf', 'must be standard base64 of at most 1 MiB')
  if (!isTreeSize(r.treeSize) || r.treeSize < 1) fail('treeSize', 'must be an integer from 1 to 2^53 - 1')
  if (!isTreeSize(r.index)) fail('index', 'must be an integer from 0 to 2^53 - 1')
  else if (isTreeSize(r.treeSize) && r.index >= r.treeSize) fail('index', 'must be below treeSize')
  if (!Array.isArray(r.inclusionProof) || r.inclusionProof.length > MAX_PROOF_LENGTH) {
    fail('inclusionProof', `must be an array of at most ${MAX_PROOF_LENGTH} hashes`)
  } else {
    r.inclusionProof.forEach((hash, i) => {
      if (!isBase64(hash, 44) || fromBase64(hash).length !== 32)
        fail(`inclusionProof[${i}]`, 'must be the base64 of a 32-byte hash')
    })
  }
  if (typeof r.checkpoint !== 'string' || r.checkpoint.length === 0 || r.checkpoint.length > MAX_NOTE_SIZE)
    fail('checkpoint', 'must be a signed note')
  if (errors.length > 0) {
    throw new LogError(
      'RECEIPT_MALFORMED',
      `the receipt is malformed: ${errors.map((e) => `${e.path || 'receipt'} ${e.message}`).join('; ')}`,
      {
        details: { errors },
      },
    )
  }
  return r as unknown as Receipt
}

/**
 * Builds a receipt from binary parts, the one place where receipts are encoded.
 *
 * @example createReceipt({ txid, leaf, index, treeSize, inclusionProof: proof, checkpoint: cosignedNote })
 */
export function createReceipt(p: {
  txid: string
  leaf: Uint8Array
  index: number
  treeSize: number
  inclusionProof: Uint8Array[]
  checkpoint: string
}): Receipt {
  return assertReceipt({
    v: 1,
    txid: p.txid,
    leaf: toBase64(p.leaf),
    index: p.index,
    treeSize: p.treeSize,
    inclusionProof: p.inclusionProof.map(toBase64),
    checkpoint: p.checkpoint,
  })
}

function isBase64(value: unknown, maxLength: number): value is string {
  if (typeof value !== 'string' || value.length > maxLength) return false
  try {
    fromBase64(value)
    return true
  } catch {
    return false
  }
}
