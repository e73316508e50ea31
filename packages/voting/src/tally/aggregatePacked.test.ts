import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { encodeCiphertext, encryptPoints } from '../election/ciphertext.js'
import { decodePoint, randomScalar } from '../election/group.js'
import { aggregateParallel } from '../node/aggregateParallel.js'
import { dealShares } from '../trustees/dealShares.js'
import { addCiphertexts } from './addCiphertexts.js'
import { aggregatePacked, packBallots } from './aggregatePacked.js'

const { commitments } = dealShares({ threshold: 1, trustees: 1 })
const publicKey = decodePoint(commitments[0])

function ballots(count: number) {
  const pool = Array.from({ length: 7 }, (_, i) =>
    [0, 1].map((k) =>
      encodeCiphertext(encryptPoints({ publicKey, message: BigInt((i + k) % 2), nonce: randomScalar() })),
    ),
  )
  // Repeats (including a ballot added to itself) exercise the doubling path of the tree.
  return Array.from({ length: count }, (_, i) => pool[i % pool.length] as never)
}

describe('bulk aggregation', () => {
  it('packed tree sums equal point-by-point sums, in one thread and in workers', async () => {
    for (const count of [1, 2, 3, 14, 101]) {
      const list = ballots(count)
      const expected = addCiphertexts(list)
      const bytes = packBallots(list, 2)
      assert.deepEqual(aggregatePacked({ bytes, options: 2 }), expected)
      assert.deepEqual(await aggregateParallel({ bytes, options: 2, workers: 2 }), expected)
    }
  })

  it('rejects a packed point off the curve with MALFORMED_INPUT naming the ballot', async () => {
    const bytes = packBallots(ballots(5), 2)
    bytes[3 * 260 + 70] = (bytes[3 * 260 + 70] as number) ^ 1
    assert.throws(() => aggregatePacked({ bytes, options: 2 }), { code: 'MALFORMED_INPUT', message: /ballot 3/ })
    await assert.rejects(aggregateParallel({ bytes, options: 2, workers: 2 }), { code: 'MALFORMED_INPUT' })
  })

  it('refuses to pack a point that is not 65 bytes, naming the ballot', () => {
    const list = ballots(3).map((ballot) => structuredClone(ballot) as { alpha: string; beta: string }[])
    const point = list[2]?.[1] as { beta: string }
    const bytes = Buffer.from(point.beta, 'base64url')
    for (const wrong of [bytes.subarray(0, 64), Buffer.concat([bytes, Buffer.alloc(3)])]) {
      point.beta = wrong.toString('base64url')
      assert.throws(() => packBallots(list, 2), { code: 'MALFORMED_INPUT', message: /ballot 2/ })
    }
  })
})
