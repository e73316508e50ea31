import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { nodeEngine } from '../node/nodeEngine.js'
import { proveMembership } from '../proofs/membership.js'
import { dealShares } from '../trustees/dealShares.js'
import { OPTION_VALUES, optionTranscript, sumTerms, sumTranscript } from './ballot.js'
import { encodeCiphertext, encodedCiphertextOf, encryptPoints } from './ciphertext.js'
import { assertElectionParameters, type ElectionParameters } from './electionParameters.js'
import { encryptVote } from './encryptVote.js'
import { encodePoint, G, randomScalar } from './group.js'
import { verifyBallot } from './verifyBallot.js'

const { commitments } = dealShares({ threshold: 1, trustees: 1 })
const election: ElectionParameters = {
  id: 'ballot-7/q1',
  publicKey: commitments[0] as string,
  options: 4,
  min: 1,
  max: 2,
}
const publicKey = assertElectionParameters(election)

// A cheating voter's ballot: option `cheat` encrypts `value`, with a proof
// made as if it encrypted 1 (the prover's nonce is right, the value is not).
function forgedBallot(cheat: number, value: bigint, choices: number[]) {
  const nonces = choices.map(() => randomScalar())
  const points = choices.map((c, i) =>
    encryptPoints({ publicKey, message: i === cheat ? value : BigInt(c), nonce: nonces[i] as bigint }),
  )
  const encoded = points.map((ct) => encodedCiphertextOf(ct))
  const optionProofs = points.map((_, i) =>
    proveMembership({
      publicKey,
      terms: [{ ...encoded[i]!, k: 1n }],
      values: OPTION_VALUES,
      value: i === cheat ? 1n : BigInt(choices[i] as number),
      nonce: nonces[i] as bigint,
      transcript: optionTranscript(election, '', i),
    }),
  )
  return {
    electionId: election.id,
    context: '',
    ciphertexts: points.map(encodeCiphertext),
    optionProofs,
    points,
    nonces,
    encoded,
  }
}

describe('verifyBallot', () => {
  it('accepts an honest ballot, from public data alone', () => {
    const ballot = encryptVote({ election, choices: [0, 1, 1, 0], context: 'n-1' })
    assert.equal(verifyBallot({ election, ballot: JSON.parse(JSON.stringify(ballot)) }).length, 4)
  })

  it('refuses to encrypt a choice vector that breaks the rules, with INVALID_CHOICE', () => {
    for (const choices of [
      [0, 0, 0, 0],
      [1, 1, 1, 0],
      [0, 2, 0, 0],
      [1, 0, 0],
    ]) {
      assert.throws(() => encryptVote({ election, choices }), { code: 'INVALID_CHOICE' })
    }
  })

  it('rejects a ballot for another election with WRONG_ELECTION', () => {
    const ballot = encryptVote({ election: { ...election, id: 'ballot-8/q1' }, choices: [1, 0, 0, 0] })
    assert.throws(() => verifyBallot({ election, ballot }), { code: 'WRONG_ELECTION' })
  })

  it('rejects proofs made for another election even under this election id, with INVALID_OPTION_PROOF', () => {
    const ballot = encryptVote({ election: { ...election, id: 'ballot-8/q1' }, choices: [1, 0, 0, 0] })
    assert.throws(() => verifyBallot({ election, ballot: { ...ballot, electionId: election.id } }), {
      code: 'INVALID_OPTION_PROOF',
    })
  })

  it('rejects a ballot copied under another voter context, with INVALID_OPTION_PROOF', () => {
    const ballot = encryptVote({ election, choices: [1, 0, 0, 0], context: 'n-1' })
    assert.throws(() => verifyBallot({ election, ballot: { ...ballot, context: 'n-2' } }), {
      code: 'INVALID_OPTION_PROOF',
    })
  })

  it('rejects an option that encrypts 2, with INVALID_OPTION_PROOF', () => {
    const { points, nonces, encoded, ...ballot } = forgedBallot(1, 2n, [0, 0, 0, 0])
    const sumProof = proveMembership({
      publicKey,
      terms: sumTerms(encoded),
      values: [1n, 2n],
      value: 2n,
      nonce: nonces.reduce((a, b) => a + b, 0n),
      transcript: sumTranscript(election, ''),
    })
    assert.throws(() => verifyBallot({ election, ballot: { ...ballot, sumProof } }), { code: 'INVALID_OPTION_PROOF' })
  })

  it('rejects a ballot with more selections than max, with INVALID_SUM_PROOF', () => {
    const choices = [1, 1, 1, 0]
    const { points, nonces, encoded, ...ballot } = forgedBallot(-1, 0n, choices)
    // The voter cannot prove 3 is in [1, 2]; the best they can do is a proof for a value they do not hold.
    const sumProof = proveMembership({
      publicKey,
      terms: sumTerms(encoded),
      values: [1n, 2n],
      value: 2n,
      nonce: nonces.reduce((a, b) => a + b, 0n),
      transcript: sumTranscript(election, ''),
    })
    assert.throws(() => verifyBallot({ election, ballot: { ...ballot, sumProof } }), { code: 'INVALID_SUM_PROOF' })
    assert.throws(() => verifyBallot({ election, ballot }), { code: 'INVALID_SUM_PROOF' })
  })

  it('rejects malformed ballots with MALFORMED_INPUT, never crashing', () => {
    const ballot = encryptVote({ election, choices: [1, 0, 0, 0] })
    const badPoint = {
      ...ballot,
      ciphertexts: ballot.ciphertexts.map((c, i) => (i === 0 ? { ...c, alpha: `${c.beta.slice(0, -2)}AA` } : c)),
    }
    for (const bad of [
      null,
      'x',
      { ...ballot, ciphertexts: ballot.ciphertexts.slice(1) },
      { ...ballot, optionProofs: [] },
      { ...ballot, ciphertexts: [{ alpha: 'A'.repeat(5000), beta: '' }, ...ballot.ciphertexts.slice(1)] },
      badPoint,
      { ...ballot, optionProofs: ballot.optionProofs.map(() => ({ challenges: ['x'], responses: [] })) },
    ]) {
      assert.throws(
        () => verifyBallot({ election, ballot: bad }),
        (e: { code?: string }) => ['MALFORMED_INPUT', 'WRONG_ELECTION'].includes(e.code ?? ''),
      )
    }
  })
})

// The same ballots through the OpenSSL engine: the ledger's outcome may not
// depend on which engine a node runs.
describe('verifyBallot with nodeEngine (OpenSSL) gives the pure-JS answer', () => {
  const engines = [undefined, nodeEngine]
  const codeOf = (ballot: unknown, engine: (typeof engines)[number]) => {
    try {
      verifyBallot({ election, ballot, ...(engine === undefined ? {} : { engine }) })
      return 'ok'
    } catch (error) {
      return (error as { code: string }).code
    }
  }
  const honest = encryptVote({ election, choices: [0, 1, 0, 1], context: 'n-9' })
  const proof = honest.optionProofs[2]!
  const cases: Record<string, unknown> = {
    honest,
    // A valid point in the place of a commitment: the equations fail.
    'another commitment': {
      ...honest,
      optionProofs: honest.optionProofs.map((p, i) =>
        i === 2 ? { ...p, commitments: [encodePoint(G.multiply(5n)), ...p.commitments.slice(1)] } : p,
      ),
    },
    // A response changed: the challenge still matches, one equation does not.
    'another response': {
      ...honest,
      optionProofs: honest.optionProofs.map((p, i) =>
        i === 2 ? { ...p, responses: [p.responses[1], p.responses[0]] } : p,
      ),
    },
    // The sum proof of another ballot of the same voter context.
    'another sum proof': {
      ...honest,
      sumProof: encryptVote({ election, choices: [1, 0, 0, 0], context: 'n-9' }).sumProof,
    },
    // A commitment off the curve (last byte of y flipped), or the v1 format without commitments.
    'commitment off the curve': {
      ...honest,
      optionProofs: honest.optionProofs.map((p, i) =>
        i === 2 ? { ...p, commitments: [flipLast(proof.commitments[0]!), ...p.commitments.slice(1)] } : p,
      ),
    },
    'v1 proof': {
      ...honest,
      optionProofs: honest.optionProofs.map(({ challenges, responses }) => ({ challenges, responses })),
    },
  }
  const expected: Record<string, string> = {
    honest: 'ok',
    'another commitment': 'INVALID_OPTION_PROOF',
    'another response': 'INVALID_OPTION_PROOF',
    'another sum proof': 'INVALID_SUM_PROOF',
    'commitment off the curve': 'MALFORMED_INPUT',
    'v1 proof': 'MALFORMED_INPUT',
  }
  for (const [name, ballot] of Object.entries(cases)) {
    it(`${name}: ${expected[name]} with either engine`, () => {
      for (const engine of engines) assert.equal(codeOf(ballot, engine), expected[name], engine?.name ?? 'noble')
    })
  }

  it('names the failing option in the message', () => {
    assert.throws(() => verifyBallot({ election, ballot: cases['another response'], engine: nodeEngine }), {
      code: 'INVALID_OPTION_PROOF',
      message: 'the proof that option 2 encrypts 0 or 1 does not verify',
    })
  })
})

function flipLast(text: string): string {
  const bytes = Buffer.from(text, 'base64url')
  bytes[64] = (bytes[64] as number) ^ 1
  return bytes.toString('base64url')
}
