import { PROOF_DOMAINS, type TranscriptPart } from '../proofs/challenge.js'
import type { CiphertextTerm, MembershipProof } from '../proofs/membership.js'
import type { Ciphertext, EncodedCiphertext } from './ciphertext.js'
import type { ElectionParameters } from './electionParameters.js'

/**
 * An encrypted answer to one question: one ciphertext per option, a proof for
 * each that it encrypts 0 or 1, and a proof that their sum lies in
 * [min, max] (absent when the range is [0, options], which the option proofs
 * already imply). `context` is bound into every proof: the ballots module
 * puts the token's nullifier there, so a ballot's ciphertexts cannot be
 * copied into another voter's ballot.
 */
export type EncryptedBallot = {
  electionId: string
  context: string
  ciphertexts: Ciphertext[]
  optionProofs: MembershipProof[]
  sumProof?: MembershipProof
}

/** True when [min, max] says more than the option proofs already do. */
export function needsSumProof(election: ElectionParameters): boolean {
  return election.min > 0 || election.max < election.options
}

/** The values an option may encrypt. */
export const OPTION_VALUES: bigint[] = [0n, 1n]

/** The values the sum of a ballot's options may take. */
export function sumValues(election: ElectionParameters): bigint[] {
  const values: bigint[] = []
  for (let v = election.min; v <= election.max; v++) values.push(BigInt(v))
  return values
}

/** Transcript prefix of an option proof: domain, election, key, context, option. */
export function optionTranscript(election: ElectionParameters, context: string, option: number): TranscriptPart[] {
  return [PROOF_DOMAINS.option, election.id, election.publicKey, context, `option/${option}`]
}

/** Transcript prefix of the sum proof. */
export function sumTranscript(election: ElectionParameters, context: string): TranscriptPart[] {
  return [PROOF_DOMAINS.sum, election.id, election.publicKey, context, `${election.min}..${election.max}`]
}

/** The sum of a ballot's option ciphertexts, as the sum proof names it. */
export function sumTerms(ciphertexts: EncodedCiphertext[]): CiphertextTerm[] {
  return ciphertexts.map((ct) => ({ ...ct, k: 1n }))
}
