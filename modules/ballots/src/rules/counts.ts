import {
  type Ciphertext,
  combineShares,
  decodeTally,
  type PartialDecryption,
  VotingError,
  verifyDecryption,
} from '@tabularium/voting'
import { fail } from '../fail.js'
import type { BallotRecord } from '../types.js'
import { electionOf } from './questions.js'

/** Verifies a trustee's partial decryptions (one per question) of the tally; INVALID_DECRYPTION otherwise. */
export function checkPartials(p: {
  ballot: BallotRecord
  publicKey: string
  commitments: string[]
  tally: Ciphertext[][]
  partials: PartialDecryption[]
}): void {
  const { ballot } = p
  if (p.partials.length !== ballot.questions.length)
    fail('INVALID_ARGS', `one partial decryption per question (${ballot.questions.length})`)
  ballot.questions.forEach((question, q) => {
    try {
      verifyDecryption({
        election: electionOf(ballot.id, question, p.publicKey),
        tally: p.tally[q] as Ciphertext[],
        partial: p.partials[q] as PartialDecryption,
        commitments: p.commitments,
      })
    } catch (error) {
      if (!(error instanceof VotingError)) throw error
      fail('INVALID_DECRYPTION', `question ${question.id}: ${error.message}`, {
        question: question.id,
        reason: error.code,
      })
    }
  })
}

/**
 * The counts from the encrypted tally and the trustees' verified partial
 * decryptions: the `threshold` lowest trustee indices are combined (any t
 * give the same counts), then decoded up to the number of counted ballots.
 * No ballots: all zeros.
 *
 * @example computeCounts({ ballot, tally, partials, counted })
 */
export function computeCounts(p: {
  ballot: BallotRecord
  tally: Ciphertext[][] | null
  partials: Record<string, PartialDecryption[]>
  counted: number
}): number[][] {
  const { ballot, tally } = p
  if (tally === null || p.counted === 0) return ballot.questions.map((q) => q.options.map(() => 0))
  const chosen = Object.values(p.partials)
    .sort((a, b) => (a[0]?.index ?? 0) - (b[0]?.index ?? 0))
    .slice(0, ballot.threshold)
  if (chosen.length < ballot.threshold) {
    fail('CONFLICT', `need partial decryptions from ${ballot.threshold} trustees, have ${chosen.length}`, {
      threshold: ballot.threshold,
      have: chosen.length,
    })
  }
  return ballot.questions.map((_, q) => {
    const points = combineShares({
      tally: tally[q] as Ciphertext[],
      partials: chosen.map((c) => c[q] as PartialDecryption),
      threshold: ballot.threshold,
    })
    return decodeTally({ points, maxVotes: p.counted })
  })
}
