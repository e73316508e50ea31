import { createHash } from 'node:crypto'

/** Most bytes one `random` call returns. */
export const MAX_RANDOM_BYTES = 1024

/**
 * Deterministic randomness for an action (docs/leaf-encoding.md §random): the
 * concatenation of SHA-256(`tabularium/random/v1\n<txid>\n<label>\n<counter>`)
 * for counter = 0, 1, …, cut to `length`. Every node derives the same bytes.
 *
 * @example deriveRandom({ txid, label: 'ballot-order', length: 16 })
 */
export function deriveRandom({
  txid,
  label,
  length = 32,
}: {
  txid: string
  label: string
  length?: number
}): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > MAX_RANDOM_BYTES) {
    throw new RangeError(`random length must be an integer in 0..${MAX_RANDOM_BYTES}`)
  }
  const out = new Uint8Array(length)
  for (let counter = 0, offset = 0; offset < length; counter++, offset += 32) {
    const block = createHash('sha256').update(`tabularium/random/v1\n${txid}\n${label}\n${counter}`).digest()
    out.set(block.subarray(0, Math.min(32, length - offset)), offset)
  }
  return out
}
