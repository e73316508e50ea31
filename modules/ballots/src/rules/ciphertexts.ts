import { concatBytes, fromBase64Url, toBase64Url } from '@tabularium/core'
import { type Ciphertext, jsEngine, POINT_BYTES, packBallots, type VotingEngine, VotingError } from '@tabularium/voting'

// The field prime of P-256: the negation of an uncompressed point (x, y) is (x, p − y).
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn

/**
 * The running encrypted tally as the state keeps it: per question, one
 * base64url string of its options' ciphertexts' points (α₀ β₀ α₁ β₁ …, 65
 * bytes each). One string instead of an object per option is what keeps a
 * cast's state write and the JSON work around it small.
 */
export type PackedTally = string[]

/**
 * The running encrypted tally after a ballot is counted (and, with
 * vote-again, the replaced one taken out): Enc(t) + Enc(new) − Enc(old),
 * still an encryption, so nothing is revealed before the trustees decrypt.
 * `engine` adds the points (the ledger passes `nodeEngine`), checking each.
 *
 * @example nextTally(tally, answers, replaced, nodeEngine)
 */
export function nextTally(
  tally: PackedTally | null,
  added: Ciphertext[][],
  removed: Ciphertext[][] | null,
  engine: VotingEngine = jsEngine,
): PackedTally {
  return added.map((answer, q) => {
    const rows = [packBallots([answer], answer.length)]
    const current = tally?.[q]
    if (current !== undefined) rows.push(fromBase64Url(current))
    const old = removed?.[q]
    if (old !== undefined) rows.push(negatePoints(packBallots([old], old.length)))
    if (rows.length === 1) return toBase64Url(rows[0] as Uint8Array)
    const sums = engine.group.sumSlots(concatBytes(...rows), 2 * answer.length)
    if (typeof sums === 'number') throw new VotingError('MALFORMED_INPUT', `point ${-sums - 1} is not on the curve`)
    for (let at = 0; at < sums.length; at += POINT_BYTES) {
      if (sums[at] !== 0x04) throw new VotingError('MALFORMED_INPUT', 'a tally component is the identity')
    }
    return toBase64Url(sums)
  })
}

/**
 * The tally as ciphertexts, per question and option (what trustees decrypt).
 *
 * @example readTally(ctx.get(tallyKey(id)))[0][2].alpha
 */
export function readTally(tally: PackedTally): Ciphertext[][] {
  return tally.map((packed) => {
    const bytes = fromBase64Url(packed)
    const point = (i: number) => toBase64Url(bytes.subarray(i * POINT_BYTES, (i + 1) * POINT_BYTES))
    return Array.from({ length: bytes.length / (2 * POINT_BYTES) }, (_, k) => ({
      alpha: point(2 * k),
      beta: point(2 * k + 1),
    }))
  })
}

function negatePoints(bytes: Uint8Array): Uint8Array {
  for (let at = 0; at < bytes.length; at += POINT_BYTES) {
    let y = 0n
    for (let i = at + 33; i < at + 65; i++) y = (y << 8n) | BigInt(bytes[i] as number)
    let ny = (P - y) % P
    for (let i = at + 64; i >= at + 33; i--) {
      bytes[i] = Number(ny & 0xffn)
      ny >>= 8n
    }
  }
  return bytes
}
