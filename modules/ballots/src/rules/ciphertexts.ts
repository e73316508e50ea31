import { fromBase64Url, toBase64Url } from '@tabularium/core'
import { addCiphertexts, type Ciphertext, jsEngine, type VotingEngine } from '@tabularium/voting'

// The field prime of P-256: the negation of an uncompressed point (x, y) is (x, p − y).
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn

/**
 * The running encrypted tally after a ballot is counted (and, with
 * vote-again, the replaced one taken out): Enc(t) + Enc(new) − Enc(old),
 * still an encryption, so nothing is revealed before the trustees decrypt.
 * `engine` adds the points (the ledger passes `nodeEngine`).
 *
 * @example nextTally(tally, answers, replaced)
 */
export function nextTally(
  tally: Ciphertext[][] | null,
  added: Ciphertext[][],
  removed: Ciphertext[][] | null,
  engine: VotingEngine = jsEngine,
): Ciphertext[][] {
  return added.map((answer, q) => {
    const parts = [answer]
    const current = tally?.[q]
    if (current !== undefined) parts.unshift(current)
    const old = removed?.[q]
    if (old !== undefined) parts.push(old.map(negate))
    return parts.length === 1 ? answer : addCiphertexts(parts, { engine })
  })
}

function negate(ct: Ciphertext): Ciphertext {
  return { alpha: negatePoint(ct.alpha), beta: negatePoint(ct.beta) }
}

function negatePoint(encoded: string): string {
  const bytes = fromBase64Url(encoded)
  let y = 0n
  for (let i = 33; i < 65; i++) y = (y << 8n) | BigInt(bytes[i] as number)
  let ny = (P - y) % P
  for (let i = 64; i >= 33; i--) {
    bytes[i] = Number(ny & 0xffn)
    ny >>= 8n
  }
  return toBase64Url(bytes)
}
