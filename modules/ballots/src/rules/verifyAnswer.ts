import { canonicalize, sha256, toHex, utf8 } from '@tabularium/core'
import type { Json } from '@tabularium/ledger'
import { type ElectionParameters, verifyBallot, verifyBudgetBallot } from '@tabularium/voting'

/** What an answer is verified against: the question's election and, for a budget, its rule. */
export type AnswerStatement = {
  election: ElectionParameters
  rule: { costs: number[]; budget: number; minimum: number } | undefined
  answer: unknown
}

// Verification is a pure function of (statement, answer), so a result proved
// earlier — e.g. by `createAnswerVerifier`'s worker threads before the
// transaction was submitted — may be remembered instead of recomputed. The
// outcome of an action never depends on the cache, only its speed: a miss
// verifies inline, on every node and in every audit replay.
const verified = new Set<string>()
const MAX_REMEMBERED = 200_000

/** The cache key of a statement: hex SHA-256 of its JCS. */
export function statementDigest(s: AnswerStatement): string {
  return toHex(
    sha256(utf8(canonicalize({ election: s.election, rule: s.rule ?? null, answer: s.answer } as unknown as Json))),
  )
}

/** Records that a statement verified (called with the digest a worker thread proved). */
export function rememberVerified(digest: string): void {
  if (verified.size >= MAX_REMEMBERED) verified.clear()
  verified.add(digest)
}

/**
 * Verifies one encrypted answer (0/1 per option, the [min, max] rule and,
 * for a participatory budget, the budget proofs), unless the same statement
 * was already proved; throws the voting package's VotingError.
 *
 * @example verifyAnswer({ election, rule, answer })
 */
export function verifyAnswer(s: AnswerStatement): void {
  const digest = statementDigest(s)
  if (verified.delete(digest)) return
  if (s.rule === undefined) verifyBallot({ election: s.election, ballot: s.answer })
  else verifyBudgetBallot({ election: s.election, rule: s.rule, ballot: s.answer })
}
