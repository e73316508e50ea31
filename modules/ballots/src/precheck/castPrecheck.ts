import type { Json, Precheck } from '@tabularium/ledger'
import type { ElectionParameters, Token, TokenPublicKey } from '@tabularium/voting'
import { getCeremony } from '../actions/read.js'
import { ballotKey } from '../keys.js'
import { answerStatement, markVerified, tokenStatement } from '../rules/prechecked.js'
import { type BudgetRuleDef, budgetRuleOf, electionOf } from '../rules/questions.js'
import type { CastArgs } from '../schemas.js'
import type { BallotRecord } from '../types.js'

/** What a worker verifies for one cast: the token under the issuer key, each answer against its question. */
export type CastJob = {
  issuerKey: TokenPublicKey
  token: Token
  answers: { election: ElectionParameters; rule: BudgetRuleDef | null; answer: Json }[]
}

/** What the worker found: which parts verified. */
export type CastPrecheckResult = { token: boolean; answers: boolean[] }

/**
 * The cast action's precheck: the token and the proofs (~all of a cast's
 * cost) are verified in the ledger's worker threads while the transaction's
 * signature is; the action then skips exactly the parts that verified
 * against the statement it executes with, and checks the rest inline.
 *
 * @example defineAction({ …, precheck: castPrecheck })
 */
export const castPrecheck: Precheck<CastArgs> = {
  worker: new URL('./castWorker.js', import.meta.url).href,
  job(state, args) {
    const ballot = state.get<never>(ballotKey(args.ballot)) as BallotRecord | undefined
    const publicKey = ballot === undefined ? null : getCeremony(state, args.ballot).publicKey
    if (ballot === undefined || publicKey == null || args.answers.length !== ballot.questions.length) return undefined
    const job: CastJob = {
      issuerKey: ballot.issuerKey,
      token: args.token,
      answers: ballot.questions.map((question, i) => ({
        election: electionOf(ballot.id, question, publicKey),
        rule: budgetRuleOf(question) ?? null,
        answer: args.answers[i] as unknown as Json,
      })),
    }
    return job as unknown as Json
  },
  accept(args, job, result) {
    const { issuerKey, answers } = job as unknown as CastJob
    const found = result as unknown as CastPrecheckResult
    if (found.token === true) markVerified(args.token, tokenStatement(issuerKey))
    answers.forEach(({ election, rule }, i) => {
      const answer = args.answers[i]
      if (found.answers?.[i] === true && answer !== undefined)
        markVerified(answer, answerStatement(election, rule ?? undefined))
    })
  },
}
