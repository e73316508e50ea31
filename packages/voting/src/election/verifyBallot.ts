import { jsEngine, type VotingEngine } from '../engine/votingEngine.js'
import { VotingError } from '../errors.js'
import { addMembership } from '../proofs/membership.js'
import { createProofBatch, type ProofBatch } from '../proofs/proofBatch.js'
import {
  type EncryptedBallot,
  needsSumProof,
  OPTION_VALUES,
  optionTranscript,
  sumTerms,
  sumTranscript,
  sumValues,
} from './ballot.js'
import { type Ciphertext, type EncodedCiphertext, readCiphertext } from './ciphertext.js'
import { type ElectionParameters, encodedPublicKey } from './electionParameters.js'
import type { RandomBytes } from './group.js'

/**
 * Verifies an encrypted ballot from public data alone, treating it as hostile:
 * it must name this election (`WRONG_ELECTION`), hold one well-formed
 * ciphertext per option (`MALFORMED_INPUT`), prove each encrypts 0 or 1
 * (`INVALID_OPTION_PROOF`) and that the selections are within [min, max]
 * (`INVALID_SUM_PROOF`). All the proofs' equations are checked in one
 * multi-scalar multiplication by `engine` (pure JS by default; a node passes
 * `nodeEngine`). Returns the ballot's ciphertexts, now verified.
 *
 * @example const ciphertexts = verifyBallot({ election, ballot })
 */
export function verifyBallot(params: {
  election: ElectionParameters
  ballot: unknown
  engine?: VotingEngine
  random?: RandomBytes
}): Ciphertext[] {
  const { election, engine = jsEngine, random } = params
  const batch = createProofBatch({ engine, ...(random === undefined ? {} : { random }) })
  const { ballot } = addBallotProofs(batch, election, params.ballot)
  batch.check()
  return ballot.ciphertexts
}

/**
 * Checks a ballot's shape and adds its proofs to `batch` (the arithmetic waits
 * for `batch.check()`); returns the ballot and its ciphertexts' encodings, for
 * proofs about them (the participatory-budget rule).
 *
 * @example const { ciphertexts } = addBallotProofs(batch, election, ballot); batch.check()
 */
export function addBallotProofs(
  batch: ProofBatch,
  election: ElectionParameters,
  value: unknown,
): { ballot: EncryptedBallot; ciphertexts: EncodedCiphertext[] } {
  const publicKey = encodedPublicKey(election)
  const ballot = assertShape(value, election)
  const ciphertexts = ballot.ciphertexts.map((ct, i) => readCiphertext(ct, `ciphertexts[${i}]`))
  ciphertexts.forEach((ciphertext, i) => {
    addMembership(
      batch,
      {
        publicKey,
        terms: [{ ...ciphertext, k: 1n }],
        values: OPTION_VALUES,
        transcript: optionTranscript(election, ballot.context, i),
        proof: ballot.optionProofs[i],
        what: `optionProofs[${i}]`,
      },
      { code: 'INVALID_OPTION_PROOF', message: `the proof that option ${i} encrypts 0 or 1 does not verify` },
    )
  })
  if (!needsSumProof(election)) return { ballot, ciphertexts }
  if (ballot.sumProof === undefined) throw new VotingError('INVALID_SUM_PROOF', 'the ballot has no sum proof')
  addMembership(
    batch,
    {
      publicKey,
      terms: sumTerms(ciphertexts),
      values: sumValues(election),
      transcript: sumTranscript(election, ballot.context),
      proof: ballot.sumProof,
      what: 'sumProof',
    },
    {
      code: 'INVALID_SUM_PROOF',
      message: `the proof that between ${election.min} and ${election.max} options are selected does not verify`,
    },
  )
  return { ballot, ciphertexts }
}

function assertShape(value: unknown, election: ElectionParameters): EncryptedBallot {
  if (typeof value !== 'object' || value === null) throw new VotingError('MALFORMED_INPUT', 'ballot must be an object')
  const ballot = value as EncryptedBallot
  if (ballot.electionId !== election.id) {
    throw new VotingError('WRONG_ELECTION', 'the ballot is for another election', {
      details: { expected: election.id, got: String(ballot.electionId).slice(0, 256) },
    })
  }
  if (typeof ballot.context !== 'string' || ballot.context.length > 1024) {
    throw new VotingError('MALFORMED_INPUT', 'context must be a string of at most 1024 characters')
  }
  const n = election.options
  if (!Array.isArray(ballot.ciphertexts) || ballot.ciphertexts.length !== n) {
    throw new VotingError('MALFORMED_INPUT', `the ballot must hold ${n} ciphertexts`)
  }
  if (!Array.isArray(ballot.optionProofs) || ballot.optionProofs.length !== n) {
    throw new VotingError('MALFORMED_INPUT', `the ballot must hold ${n} option proofs`)
  }
  return ballot
}
