import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addCiphertexts } from '../tally/addCiphertexts.js'
import { combineShares, interpolate } from '../tally/combineShares.js'
import { decodeTally } from '../tally/decodeTally.js'
import { decryptTally } from '../tally/decryptTally.js'
import { dealShares } from '../trustees/dealShares.js'
import { partialDecrypt } from '../trustees/partialDecrypt.js'
import { combineDealings, sumShares, verifyShare } from '../trustees/verifyShare.js'
import type { ElectionParameters } from './electionParameters.js'
import { encryptVote } from './encryptVote.js'
import { verifyBallot } from './verifyBallot.js'

// A small seeded generator (xorshift) so voters' choices are random yet reproducible.
function seeded(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
}

function randomChoices(rand: () => number, options: number, min: number, max: number): number[] {
  for (;;) {
    const choices = Array.from({ length: options }, () => (rand() < 0.4 ? 1 : 0))
    const n = choices.reduce<number>((a, b) => a + b, 0)
    if (n >= min && n <= max) return choices
  }
}

function runElection(params: {
  threshold: number
  trustees: number
  voters: number
  min: number
  max: number
  seed: number
}) {
  const { threshold, trustees, voters, min, max, seed } = params
  // Distributed key generation: every trustee deals, every share is checked.
  const dealings = Array.from({ length: trustees }, () => dealShares({ threshold, trustees }))
  for (const d of dealings) for (const s of d.shares) verifyShare({ share: s, commitments: d.commitments })
  const { publicKey, commitments } = combineDealings({ commitments: dealings.map((d) => d.commitments) })
  const shares = Array.from({ length: trustees }, (_, i) => sumShares(dealings.map((d) => d.shares[i] as never)))
  for (const share of shares) verifyShare({ share, commitments })
  const election: ElectionParameters = { id: `election-${seed}`, publicKey, options: 4, min, max }
  const rand = seeded(seed)
  const expected = [0, 0, 0, 0]
  const ballots = Array.from({ length: voters }, (_, v) => {
    const choices = randomChoices(rand, 4, min, max)
    choices.forEach((c, k) => {
      expected[k] = (expected[k] as number) + c
    })
    const ballot = encryptVote({ election, choices, context: `nullifier-${v}` })
    verifyBallot({ election, ballot })
    return ballot
  })
  const tally = addCiphertexts(ballots.map((b) => b.ciphertexts))
  return { election, shares, commitments, tally, expected, ballots }
}

describe('threshold election', () => {
  for (const [threshold, trustees] of [
    [2, 3],
    [3, 5],
  ] as const) {
    it(`${threshold}-of-${trustees}: any ${threshold} trustees decrypt a tally equal to the plaintext count`, () => {
      const run = runElection({ threshold, trustees, voters: 12, min: 1, max: 2, seed: threshold * 7 + trustees })
      const { election, shares, commitments, tally, expected } = run
      const partials = shares.map((share) => partialDecrypt({ election, tally, share }))
      const subsets = [
        partials.slice(0, threshold),
        partials.slice(-threshold),
        partials.filter((_, i) => i % 2 === 0).slice(0, threshold),
      ]
      for (const subset of subsets) {
        assert.equal(subset.length, threshold)
        assert.deepEqual(decryptTally({ election, tally, partials: subset, commitments, maxVotes: 12 }), expected)
      }
    })
  }

  it('fewer than t trustees cannot decrypt: refused, and the interpolation is not the tally', () => {
    const { election, shares, commitments, tally } = runElection({
      threshold: 3,
      trustees: 5,
      voters: 5,
      min: 1,
      max: 1,
      seed: 3,
    })
    const partials = shares.slice(0, 2).map((share) => partialDecrypt({ election, tally, share }))
    assert.throws(() => combineShares({ tally, partials, threshold: commitments.length }), {
      code: 'NOT_ENOUGH_SHARES',
    })
    assert.throws(() => decryptTally({ election, tally, partials, commitments, maxVotes: 5 }), {
      code: 'NOT_ENOUGH_SHARES',
    })
    // Interpolating two shares of a degree-2 polynomial gives an unrelated point: no count up to a million matches.
    assert.throws(() => decodeTally({ points: interpolate(tally, partials), maxVotes: 1_000_000 }), {
      code: 'TALLY_OUT_OF_RANGE',
    })
    assert.throws(
      () =>
        combineShares({
          tally,
          partials: [partials[0] as never, partials[0] as never, partials[1] as never],
          threshold: 3,
        }),
      {
        code: 'DUPLICATE_SHARE',
      },
    )
  })

  it('rejects a tampered partial decryption with INVALID_DECRYPTION_PROOF', () => {
    const { election, shares, commitments, tally } = runElection({
      threshold: 2,
      trustees: 3,
      voters: 3,
      min: 0,
      max: 4,
      seed: 5,
    })
    const good = partialDecrypt({ election, tally, share: shares[0] as never })
    const other = partialDecrypt({ election, tally, share: shares[1] as never })
    const swapped = {
      ...good,
      shares: good.shares.map((s, k) => (k === 1 ? { ...s, point: other.shares[1]?.point as string } : s)),
    }
    assert.throws(() => decryptTally({ election, tally, partials: [swapped, other], commitments, maxVotes: 3 }), {
      code: 'INVALID_DECRYPTION_PROOF',
    })
    const relabelled = { ...good, index: 3 }
    assert.throws(() => decryptTally({ election, tally, partials: [relabelled, other], commitments, maxVotes: 3 }), {
      code: 'INVALID_DECRYPTION_PROOF',
    })
  })

  it('rejects a share that does not match the dealer commitments with INVALID_SHARE', () => {
    const a = dealShares({ threshold: 2, trustees: 3 })
    const b = dealShares({ threshold: 2, trustees: 3 })
    assert.throws(() => verifyShare({ share: b.shares[0] as never, commitments: a.commitments }), {
      code: 'INVALID_SHARE',
    })
    assert.throws(() => dealShares({ threshold: 4, trustees: 3 }), { code: 'INVALID_PARAMETERS' })
  })
})
