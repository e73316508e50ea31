import {
  type BudgetRule,
  type EncryptedBallot,
  encryptBudgetVote,
  encryptVote,
  type Token,
  tokenNullifier,
} from '@tabularium/voting'
import { budgetRuleOf, electionOf } from '../rules/questions.js'
import type { QuestionDef } from '../types.js'

/**
 * The wallet's side of `ballots.cast`: encrypts one choice vector per
 * question to the election key, each bound to the token's nullifier, and
 * returns the action's arguments. A choice that breaks a rule (too many
 * options, over the budget…) throws `INVALID_CHOICE` with the rule in words,
 * before anything is sent. Sign the result with a fresh did:key, never the
 * voter's own: the transaction's signer is public.
 *
 * @example const args = prepareBallot({ ballot, publicKey, token, choices: [[0, 1, 0], [1, 1, 0, 0]] })
 */
export function prepareBallot(p: {
  ballot: { id: string; questions: QuestionDef[] }
  publicKey: string
  token: Token
  choices: number[][]
}): { ballot: string; token: Token; answers: EncryptedBallot[] } {
  const { ballot, publicKey, token } = p
  const context = tokenNullifier({ ballotId: ballot.id, token })
  const answers = ballot.questions.map((question, i) => {
    const election = electionOf(ballot.id, question, publicKey)
    const choices = p.choices[i] ?? []
    const rule: BudgetRule | undefined = budgetRuleOf(question)
    return rule === undefined
      ? encryptVote({ election, choices, context })
      : encryptBudgetVote({ election, rule, choices, context })
  })
  return { ballot: ballot.id, token, answers }
}
