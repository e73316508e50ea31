import {
  type ElectionParameters,
  jsEngine,
  type VotingEngine,
  verifyBallot,
  verifyBudgetBallot,
} from '@tabularium/voting'
import { answerStatement, takeVerified } from './prechecked.js'
import type { BudgetRuleDef } from './questions.js'

/** What an answer is verified against: the question's election and, for a budget, its rule. */
export type AnswerStatement = {
  election: ElectionParameters
  rule: BudgetRuleDef | undefined
  answer: unknown
}

/**
 * Verifies one encrypted answer (0/1 per option, the [min, max] rule and,
 * for a participatory budget, the budget proofs) with `engine`, unless a
 * worker thread already verified this very answer against the same
 * statement (the cast precheck); throws the voting package's VotingError.
 *
 * @example verifyAnswer({ election, rule, answer }, nodeEngine)
 */
export function verifyAnswer(s: AnswerStatement, engine: VotingEngine = jsEngine): void {
  if (typeof s.answer === 'object' && s.answer !== null && takeVerified(s.answer, answerStatement(s.election, s.rule)))
    return
  if (s.rule === undefined) verifyBallot({ election: s.election, ballot: s.answer, engine })
  else verifyBudgetBallot({ election: s.election, rule: s.rule, ballot: s.answer, engine })
}
