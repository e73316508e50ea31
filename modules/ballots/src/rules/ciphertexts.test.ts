import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { p256 } from '@noble/curves/nist.js'
import { toBase64Url } from '@tabularium/core'
import { addCiphertexts, type Ciphertext, encryptVote, jsEngine } from '@tabularium/voting'
import { nodeEngine } from '@tabularium/voting/node'
import { nextTally, readTally } from './ciphertexts.js'

const election = {
  id: 'b/q1',
  publicKey: toBase64Url(p256.Point.BASE.multiply(987654321n).toBytes(false)),
  options: 3,
  min: 1,
  max: 1,
}
const ballot = (choice: number): Ciphertext[][] => [
  encryptVote({ election, choices: [0, 1, 2].map((k) => (k === choice ? 1 : 0)) }).ciphertexts,
]

describe('the packed running tally', () => {
  for (const engine of [jsEngine, nodeEngine]) {
    it(`adds ballots as addCiphertexts does, and takes a replaced one out (${engine.name})`, () => {
      const [a, b, c] = [ballot(0), ballot(1), ballot(2)]
      let tally = nextTally(null, a, null, engine)
      assert.deepEqual(readTally(tally), a)
      tally = nextTally(tally, b, null, engine)
      tally = nextTally(tally, c, null, engine)
      const expected = addCiphertexts([a[0], b[0], c[0]] as Ciphertext[][], { engine })
      assert.deepEqual(readTally(tally), [expected])
      // Vote-again: c replaced by a new ballot d leaves a + b + d.
      const d = ballot(0)
      const replaced = nextTally(tally, d, c, engine)
      assert.deepEqual(readTally(replaced), [addCiphertexts([a[0], b[0], d[0]] as Ciphertext[][], { engine })])
    })

    it(`refuses a point off the curve and a sum that is the identity, with MALFORMED_INPUT (${engine.name})`, () => {
      const a = ballot(1)
      const tally = nextTally(null, a, null, engine)
      const bad = structuredClone(a)
      const option = (bad[0] as Ciphertext[])[1] as Ciphertext
      const broken = Buffer.from(option.beta, 'base64url')
      broken[64] = (broken[64] as number) ^ 1
      option.beta = broken.toString('base64url')
      assert.throws(() => nextTally(tally, bad, null, engine), { code: 'MALFORMED_INPUT' })
      // a + b − (a + b) is the identity, which has no encoding.
      const b = ballot(0)
      const sum = [addCiphertexts([a[0], b[0]] as Ciphertext[][], { engine })]
      assert.throws(() => nextTally(tally, b, sum, engine), { code: 'MALFORMED_INPUT' })
    })
  }
})
