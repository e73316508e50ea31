import type { ElectionParameters } from '@tabularium/voting'
import type { BudgetRuleDef } from './questions.js'

// Answers and tokens that a worker thread already verified (the cast
// action's precheck), keyed by the very argument objects the action then
// executes — the ledger executes the arguments it admitted — each with the
// statement it was verified against. The outcome never depends on this: a
// miss (another node, an audit, a changed statement) verifies inline.
const verified = new WeakMap<object, string>()

/** Records that `value`, an answer or token of admitted arguments, verified against `statement`. */
export function markVerified(value: object, statement: string): void {
  verified.set(value, statement)
}

/** True, once, when `value` was verified against this same `statement`. */
export function takeVerified(value: object, statement: string): boolean {
  const hit = verified.get(value) === statement
  if (hit) verified.delete(value)
  return hit
}

/** What an answer is verified against: its election and budget rule. */
export function answerStatement(election: ElectionParameters, rule: BudgetRuleDef | undefined): string {
  return JSON.stringify([election.id, election.publicKey, election.options, election.min, election.max, rule ?? null])
}

/** What a token is verified against: the issuer's key. */
export function tokenStatement(key: { variant: string; n: string; e: string }): string {
  return JSON.stringify([key.variant, key.n, key.e])
}
