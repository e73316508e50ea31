import {
  type Ciphertext,
  type CiphertextPoints,
  decodeCiphertext,
  encodeCiphertext,
  sumPoints,
} from '../election/ciphertext.js'
import { VotingError } from '../errors.js'

/**
 * Homomorphic aggregation: the option-wise sum of ballots' ciphertexts, an
 * encryption of the option-wise sum of the votes. Each ciphertext is parsed
 * as hostile input. For a million ballots use `aggregatePacked` (or its
 * worker-thread version in `@tabularium/voting/node`).
 *
 * @example const tally = addCiphertexts(ballots.map((b) => b.ciphertexts))
 */
export function addCiphertexts(ballots: Ciphertext[][]): Ciphertext[] {
  const options = ballots[0]?.length ?? 0
  if (options === 0) throw new VotingError('MALFORMED_INPUT', 'nothing to add')
  const sums: CiphertextPoints[] = []
  for (let k = 0; k < options; k++) {
    const column = ballots.map((ballot, i) => {
      if (ballot.length !== options)
        throw new VotingError('MALFORMED_INPUT', `ballot ${i} has ${ballot.length} options`)
      return decodeCiphertext(ballot[k], `ballots[${i}][${k}]`)
    })
    sums.push(sumPoints(column))
  }
  return sums.map(encodeCiphertextChecked)
}

/** Encodes a tally ciphertext; the identity (probability ~2^-256 for honest ballots) is refused. */
export function encodeCiphertextChecked(ct: CiphertextPoints): Ciphertext {
  if (ct.a.is0() || ct.b.is0()) throw new VotingError('MALFORMED_INPUT', 'a tally component is the identity')
  return encodeCiphertext(ct)
}
