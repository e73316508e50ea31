import { VotingError } from '../errors.js'
import { verifyMembership } from '../proofs/membership.js'
import {
  type EncryptedBallot,
  needsSumProof,
  OPTION_VALUES,
  optionTranscript,
  sumTranscript,
  sumValues,
} from './ballot.js'
import { type CiphertextPoints, decodeCiphertext, sumPoints } from './ciphertext.js'
import { assertElectionParameters, type ElectionParameters } from './electionParameters.js'

/**
 * Verifies an encrypted ballot from public data alone, treating it as hostile:
 * it must name this election (`WRONG_ELECTION`), hold one well-formed
 * ciphertext per option (`MALFORMED_INPUT`), prove each encrypts 0 or 1
 * (`INVALID_OPTION_PROOF`) and that the selections are within [min, max]
 * (`INVALID_SUM_PROOF`). Returns the parsed ciphertexts for the running tally.
 *
 * @example const points = verifyBallot({ election, ballot })
 */
export function verifyBallot(params: { election: ElectionParameters; ballot: unknown }): CiphertextPoints[] {
  const { election } = params
  const publicKey = assertElectionParameters(election)
  const ballot = assertShape(params.ballot, election)
  const ciphertexts = ballot.ciphertexts.map((ct, i) => decodeCiphertext(ct, `ciphertexts[${i}]`))
  ciphertexts.forEach((ciphertext, i) => {
    verifyMembership(
      {
        publicKey,
        ciphertext,
        values: OPTION_VALUES,
        transcript: optionTranscript(election, ballot.context, i),
        proof: ballot.optionProofs[i],
      },
      'INVALID_OPTION_PROOF',
    )
  })
  if (!needsSumProof(election)) return ciphertexts
  if (ballot.sumProof === undefined) throw new VotingError('INVALID_SUM_PROOF', 'the ballot has no sum proof')
  verifyMembership(
    {
      publicKey,
      ciphertext: sumPoints(ciphertexts),
      values: sumValues(election),
      transcript: sumTranscript(election, ballot.context),
      proof: ballot.sumProof,
    },
    'INVALID_SUM_PROOF',
  )
  return ciphertexts
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
