import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodePoint, encodePoint, G, randomScalar } from '../election/group.js'
import { verifyDealerKnowledge } from './dealerProof.js'
import { dealShares } from './dealShares.js'

describe('dealer proof of knowledge (rogue-key guard of the joint-Feldman DKG)', () => {
  const leuven = dealShares({ threshold: 2, trustees: 3, context: 'pb-2026/leuven' })
  const gent = dealShares({ threshold: 2, trustees: 3, context: 'pb-2026/gent' })

  it('verifies an honest dealing for its ballot and dealer only', () => {
    verifyDealerKnowledge({ commitment: leuven.commitments[0], proof: leuven.proof, context: 'pb-2026/leuven' })
    for (const context of ['pb-2026/gent', 'pb-2027/leuven']) {
      assert.throws(() => verifyDealerKnowledge({ commitment: leuven.commitments[0], proof: leuven.proof, context }), {
        code: 'INVALID_DEALING',
        message: 'the dealing does not prove knowledge of its secret',
      })
    }
    assert.equal(dealShares({ threshold: 1, trustees: 1 }).proof, undefined)
  })

  it('refuses a rogue key: a first commitment chosen to cancel the others, whose log the dealer does not know', () => {
    // g^y − C_gent: the joint key would be g^y, known to the rogue dealer alone.
    const y = randomScalar()
    const rogue = encodePoint(G.multiply(y).subtract(decodePoint(gent.commitments[0])))
    for (const proof of [leuven.proof, gent.proof]) {
      assert.throws(() => verifyDealerKnowledge({ commitment: rogue, proof, context: 'pb-2026/leuven' }), {
        code: 'INVALID_DEALING',
      })
    }
  })

  it('refuses malformed proofs and commitments with MALFORMED_INPUT', () => {
    for (const [commitment, proof] of [
      [leuven.commitments[0], null],
      [leuven.commitments[0], { challenge: 'x', response: leuven.proof?.response }],
      ['AAAA', leuven.proof],
      [undefined, leuven.proof],
    ]) {
      assert.throws(() => verifyDealerKnowledge({ commitment, proof, context: 'pb-2026/leuven' }), {
        code: 'MALFORMED_INPUT',
      })
    }
  })
})
