import { VotingError } from '../errors.js'
import { proveMembership } from '../proofs/membership.js'
import {
  type EncryptedBallot,
  needsSumProof,
  OPTION_VALUES,
  optionTranscript,
  sumTerms,
  sumTranscript,
  sumValues,
} from './ballot.js'
import { encodeCiphertext, encodedCiphertextOf, encryptPoints } from './ciphertext.js'
import { assertElectionParameters, type ElectionParameters } from './electionParameters.js'
import { cryptoRandom, mod, type RandomBytes, randomScalar } from './group.js'

/**
 * Encrypts a voter's choices (one 0/1 per option) to the election key, with a
 * zero-knowledge proof per option that it encrypts 0 or 1 and one that the
 * number of selections is within [min, max]. A choice vector that breaks the
 * rules is refused with `INVALID_CHOICE` before anything is encrypted.
 *
 * @example
 * const ballot = encryptVote({ election, choices: [0, 1, 0, 0], context: nullifier })
 */
export function encryptVote(params: {
  election: ElectionParameters
  choices: number[]
  context?: string
  random?: RandomBytes
}): EncryptedBallot {
  const { election, choices, context = '', random = cryptoRandom } = params
  const publicKey = assertElectionParameters(election)
  assertChoices(election, choices)
  const nonces = choices.map(() => randomScalar(random))
  const points = choices.map((choice, i) =>
    encryptPoints({ publicKey, message: BigInt(choice), nonce: nonces[i] as bigint }),
  )
  const encoded = points.map((ct, i) => encodedCiphertextOf(ct, `ciphertexts[${i}]`))
  const optionProofs = points.map((_, i) =>
    proveMembership({
      publicKey,
      terms: [{ ...(encoded[i] as (typeof encoded)[number]), k: 1n }],
      values: OPTION_VALUES,
      value: BigInt(choices[i] as number),
      nonce: nonces[i] as bigint,
      transcript: optionTranscript(election, context, i),
      random,
    }),
  )
  const ballot: EncryptedBallot = {
    electionId: election.id,
    context,
    ciphertexts: points.map(encodeCiphertext),
    optionProofs,
  }
  if (!needsSumProof(election)) return ballot
  const selected = choices.reduce((a, b) => a + b, 0)
  ballot.sumProof = proveMembership({
    publicKey,
    terms: sumTerms(encoded),
    values: sumValues(election),
    value: BigInt(selected),
    nonce: mod(nonces.reduce((a, b) => a + b, 0n)),
    transcript: sumTranscript(election, context),
    random,
  })
  return ballot
}

function assertChoices(election: ElectionParameters, choices: number[]): void {
  if (!Array.isArray(choices) || choices.length !== election.options) {
    throw new VotingError('INVALID_CHOICE', `expected ${election.options} choices`)
  }
  if (!choices.every((c) => c === 0 || c === 1)) {
    throw new VotingError('INVALID_CHOICE', 'each choice must be 0 or 1')
  }
  const selected = choices.reduce<number>((a, b) => a + b, 0)
  if (selected < election.min || selected > election.max) {
    throw new VotingError('INVALID_CHOICE', `select between ${election.min} and ${election.max} options`, {
      details: { selected, min: election.min, max: election.max },
    })
  }
}
