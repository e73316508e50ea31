import { type Ciphertext, decodeCiphertext } from '../election/ciphertext.js'
import { decodePoint, type GroupPoint, mod, ORDER } from '../election/group.js'
import { VotingError } from '../errors.js'
import type { PartialDecryption } from '../trustees/partialDecrypt.js'
import { assertIndex } from '../trustees/verifyShare.js'

/**
 * Combines the decryption shares of `threshold` distinct trustees into the
 * plaintext points g^m_k = β_k / Π_i D_ik^λ_i, with Lagrange coefficients
 * λ_i at 0 (Shamir). Fewer than `threshold` trustees: `NOT_ENOUGH_SHARES`;
 * a trustee twice: `DUPLICATE_SHARE`. Check each partial with
 * `verifyDecryption` first; `decryptTally` does both.
 *
 * @example const points = combineShares({ tally, partials, threshold: 2 })
 */
export function combineShares(params: {
  tally: Ciphertext[]
  partials: PartialDecryption[]
  threshold: number
}): GroupPoint[] {
  const { tally, partials, threshold } = params
  const indices = partials.map((p) => p.index)
  indices.forEach(assertIndex)
  if (new Set(indices).size !== indices.length) throw new VotingError('DUPLICATE_SHARE', 'a trustee appears twice')
  if (!Number.isInteger(threshold) || threshold < 1 || partials.length < threshold) {
    throw new VotingError('NOT_ENOUGH_SHARES', `need ${threshold} trustees, got ${partials.length}`)
  }
  const used = partials.slice(0, threshold)
  return interpolate(tally, used)
}

/**
 * β_k minus the Lagrange interpolation at 0 of the given shares. With fewer
 * than the threshold of shares this is not g^m but an unrelated point —
 * exported for the test that shows exactly that.
 */
export function interpolate(tally: Ciphertext[], partials: PartialDecryption[]): GroupPoint[] {
  const lambdas = lagrangeAtZero(partials.map((p) => BigInt(p.index)))
  return tally.map((ct, k) => {
    const { b } = decodeCiphertext(ct, `tally[${k}]`)
    return partials.reduce((acc, p, i) => {
      const d = decodePoint(p.shares[k]?.point, `shares[${k}].point`)
      return acc.subtract(d.multiplyUnsafe(lambdas[i] as bigint))
    }, b)
  })
}

// λ_i = Π_{j≠i} x_j / (x_j − x_i) mod q.
function lagrangeAtZero(xs: bigint[]): bigint[] {
  return xs.map((xi, i) => {
    let num = 1n
    let den = 1n
    xs.forEach((xj, j) => {
      if (j === i) return
      num = mod(num * xj)
      den = mod(den * (xj - xi))
    })
    return mod(num * invert(den))
  })
}

// Fermat inversion: den^(q-2) mod q (q is prime; den is never 0 for distinct indices).
function invert(value: bigint): bigint {
  let result = 1n
  let base = mod(value)
  let e = ORDER - 2n
  while (e > 0n) {
    if (e & 1n) result = (result * base) % ORDER
    base = (base * base) % ORDER
    e >>= 1n
  }
  return result
}
