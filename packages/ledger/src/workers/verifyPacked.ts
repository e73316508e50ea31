import type { PublicJwk } from '@tabularium/core'
import { verifySignature } from './verifySignature.js'

/** Signature checks packed into one buffer, so a batch crosses threads as one transfer. */
export interface PackedBatch {
  /** The distinct keys of the batch (signers repeat), and each item's key. */
  keys: PublicJwk[]
  keyIndex: Uint32Array
  /** Message i is `bytes[bounds[2i] .. bounds[2i+1])`, its signature `bytes[bounds[2i+1] .. bounds[2i+2])`. */
  bytes: Uint8Array
  bounds: Uint32Array
}

/** One signature to check. */
export interface VerifyItem {
  publicJwk: PublicJwk
  data: Uint8Array
  signature: Uint8Array
}

/**
 * Packs signature checks for a worker.
 *
 * @example const batch = packBatch(items); worker.postMessage(batch, [batch.bytes.buffer, batch.bounds.buffer])
 */
export function packBatch(items: readonly VerifyItem[]): PackedBatch {
  let length = 0
  for (const item of items) length += item.data.length + item.signature.length
  const bytes = new Uint8Array(length)
  const bounds = new Uint32Array(items.length * 2 + 1)
  let offset = 0
  items.forEach((item, i) => {
    bounds[2 * i] = offset
    bytes.set(item.data, offset)
    offset += item.data.length
    bounds[2 * i + 1] = offset
    bytes.set(item.signature, offset)
    offset += item.signature.length
  })
  bounds[items.length * 2] = offset
  const keys: PublicJwk[] = []
  const seen = new Map<string, number>()
  const keyIndex = new Uint32Array(items.length)
  items.forEach((item, i) => {
    const jwk = item.publicJwk
    const id = jwk.kty === 'OKP' ? jwk.x : `${jwk.x}.${jwk.y}`
    let at = seen.get(id)
    if (at === undefined) {
      at = keys.push(jwk) - 1
      seen.set(id, at)
    }
    keyIndex[i] = at
  })
  return { keys, keyIndex, bytes, bounds }
}

/** Verifies a packed batch; result i is 1 when signature i verifies. */
export function verifyPacked({ keys, keyIndex, bytes, bounds }: PackedBatch): Uint8Array {
  const results = new Uint8Array(keyIndex.length)
  for (let i = 0; i < keyIndex.length; i++) {
    const data = bytes.subarray(bounds[2 * i] as number, bounds[2 * i + 1] as number)
    const signature = bytes.subarray(bounds[2 * i + 1] as number, bounds[2 * i + 2] as number)
    results[i] = verifySignature({ publicJwk: keys[keyIndex[i] as number] as PublicJwk, data, signature }) ? 1 : 0
  }
  return results
}
