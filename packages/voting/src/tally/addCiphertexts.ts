import { encodeBase64Url } from '../election/base64url.js'
import type { Ciphertext } from '../election/ciphertext.js'
import { POINT_BYTES, readEncodedPoint } from '../election/group.js'
import { jsEngine, type VotingEngine } from '../engine/votingEngine.js'
import { VotingError } from '../errors.js'

/**
 * Homomorphic aggregation: the option-wise sum of ballots' ciphertexts, an
 * encryption of the option-wise sum of the votes. Each ciphertext is parsed
 * as hostile input (`MALFORMED_INPUT` names the first bad point). `engine`
 * does the arithmetic (a node's ledger passes `nodeEngine` for its running
 * tally). For a million ballots use `aggregatePacked` (or its worker-thread
 * version in `@tabularium/voting/node`).
 *
 * @example const tally = addCiphertexts(ballots.map((b) => b.ciphertexts))
 */
export function addCiphertexts(ballots: Ciphertext[][], options: { engine?: VotingEngine } = {}): Ciphertext[] {
  const { engine = jsEngine } = options
  const width = ballots[0]?.length ?? 0
  if (width === 0) throw new VotingError('MALFORMED_INPUT', 'nothing to add')
  const packed = new Uint8Array(ballots.length * width * 2 * POINT_BYTES)
  const names: string[] = []
  ballots.forEach((ballot, i) => {
    if (ballot.length !== width) throw new VotingError('MALFORMED_INPUT', `ballot ${i} has ${ballot.length} options`)
    ballot.forEach((ct, k) => {
      const what = `ballots[${i}][${k}]`
      for (const [side, text] of [
        ['alpha', ct?.alpha],
        ['beta', ct?.beta],
      ] as const) {
        packed.set(readEncodedPoint(text, `${what}.${side}`).bytes, names.length * POINT_BYTES)
        names.push(`${what}.${side}`)
      }
    })
  })
  const sums = engine.group.sumSlots(packed, 2 * width)
  if (typeof sums === 'number') throw new VotingError('MALFORMED_INPUT', `${names[-sums - 1]} is not on the curve`)
  return Array.from({ length: width }, (_, k) => ({
    alpha: encodeSum(sums, 2 * k),
    beta: encodeSum(sums, 2 * k + 1),
  }))
}

// An identity sum (probability ~2^-256 for honest ballots) has no encoding; it is refused.
function encodeSum(sums: Uint8Array, slot: number): string {
  const bytes = sums.subarray(slot * POINT_BYTES, (slot + 1) * POINT_BYTES)
  if (bytes[0] !== 0x04) throw new VotingError('MALFORMED_INPUT', 'a tally component is the identity')
  return encodeBase64Url(bytes)
}
