import type { Ciphertext } from '../election/ciphertext.js'
import type { ElectionParameters } from '../election/electionParameters.js'
import { type PartialDecryption, verifyDecryption } from '../trustees/partialDecrypt.js'
import { combineShares } from './combineShares.js'
import { decodeTally } from './decodeTally.js'

/**
 * The recount's last step, from public data only: verifies every trustee's
 * partial decryption against the Feldman commitments, combines any
 * threshold of them (the threshold is the number of commitments) and decodes
 * the counts.
 *
 * @example const counts = decryptTally({ election, tally, partials, commitments, maxVotes: 1_000_000 })
 */
export function decryptTally(params: {
  election: ElectionParameters
  tally: Ciphertext[]
  partials: PartialDecryption[]
  commitments: string[]
  maxVotes: number
}): number[] {
  const { election, tally, partials, commitments, maxVotes } = params
  for (const partial of partials) verifyDecryption({ election, tally, partial, commitments })
  const points = combineShares({ tally, partials, threshold: commitments.length })
  return decodeTally({ points, maxVotes })
}
