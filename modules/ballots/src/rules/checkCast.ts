import { type Ciphertext, jsEngine, tokenNullifier, type VotingEngine, VotingError } from '@tabularium/voting'
import { fail } from '../fail.js'
import type { CastArgs } from '../schemas.js'
import type { BallotRecord, Ceremony, QuestionDef } from '../types.js'
import { takeVerified, tokenStatement } from './prechecked.js'
import { budgetRuleOf, electionOf } from './questions.js'
import { assertOpen } from './schedule.js'
import { verifyAnswer } from './verifyAnswer.js'

/**
 * Every check a cast ballot must pass, shared by the ledger action and the
 * recount so that both apply the same rules: the ballot is open and has its
 * election key; the token verifies under the ballot's issuer key (RFC 9474);
 * each answer is bound to the token's nullifier and proves its rules.
 * Returns the nullifier and the answers' ciphertexts. `engine` does the
 * cryptography (pure JS by default; the ledger passes `nodeEngine`).
 *
 * @example const { nullifier, ciphertexts } = checkCast({ ballot, ceremony, args, time: ctx.time })
 */
export function checkCast(p: {
  ballot: BallotRecord
  ceremony: Pick<Ceremony, 'publicKey' | 'failed'> | undefined
  args: CastArgs
  time: string
  engine?: VotingEngine
}): {
  nullifier: string
  ciphertexts: Ciphertext[][]
} {
  const { ballot, ceremony, args, engine = jsEngine } = p
  assertOpen(ballot, p.time)
  const publicKey = ceremony?.publicKey
  if (ceremony?.failed)
    fail('BALLOT_NOT_READY', `${ballot.id} has no election key: its key ceremony failed (${ceremony.failed})`, {
      ballot: ballot.id,
    })
  if (publicKey == null) fail('BALLOT_NOT_READY', `${ballot.id} has no election key yet`, { ballot: ballot.id })
  if (args.answers.length !== ballot.questions.length) {
    fail('INVALID_BALLOT', `the ballot must answer ${ballot.questions.length} questions`, {
      expected: ballot.questions.length,
    })
  }
  const nullifier = nullifierOf(ballot, args, engine)
  for (const [i, question] of ballot.questions.entries())
    checkAnswer({ ballotId: ballot.id, question, publicKey, nullifier, answer: args.answers[i], engine })
  return { nullifier, ciphertexts: args.answers.map((a) => a.ciphertexts) }
}

function nullifierOf(
  ballot: { id: string; issuerKey: BallotRecord['issuerKey'] },
  args: { token: CastArgs['token'] },
  engine: VotingEngine,
): string {
  try {
    if (!takeVerified(args.token, tokenStatement(ballot.issuerKey))) {
      engine.verifyToken({ publicKey: ballot.issuerKey, token: args.token })
    }
    return tokenNullifier({ ballotId: ballot.id, token: args.token })
  } catch (error) {
    if (!(error instanceof VotingError)) throw error
    return fail('INVALID_TOKEN', `the token is not signed by the issuer of ${ballot.id}`, { reason: error.code })
  }
}

/** The nullifier of a valid token for a process; INVALID_TOKEN otherwise. Used by petitions too. */
export function checkToken(
  process: { id: string; issuerKey: BallotRecord['issuerKey'] },
  token: CastArgs['token'],
  engine: VotingEngine = jsEngine,
): string {
  return nullifierOf(process, { token }, engine)
}

function checkAnswer(p: {
  ballotId: string
  question: QuestionDef
  publicKey: string
  nullifier: string
  answer: CastArgs['answers'][number] | undefined
  engine: VotingEngine
}): void {
  const { ballotId, question, publicKey, nullifier, answer } = p
  const election = electionOf(ballotId, question, publicKey)
  const rule = budgetRuleOf(question)
  if (answer === undefined || answer.context !== nullifier) {
    fail('INVALID_BALLOT', `question ${question.id}: the answer is not bound to this token`, { question: question.id })
  }
  if (rule === undefined && answer.budgetProof !== undefined) {
    fail('INVALID_BALLOT', `question ${question.id}: only a participatory-budget answer carries a budget proof`, {
      question: question.id,
    })
  }
  try {
    verifyAnswer({ election, rule, answer }, p.engine)
  } catch (error) {
    if (!(error instanceof VotingError)) throw error
    refuse(question, error)
  }
}

// Translates the cryptographic failure into the rule the voter broke.
function refuse(question: QuestionDef, error: VotingError): never {
  const q = question.id
  if (error.code !== 'INVALID_SUM_PROOF') {
    return fail('INVALID_BALLOT', `question ${q}: ${error.message}`, { question: q, reason: error.code })
  }
  const rule = (error.details as { rule?: string } | undefined)?.rule ?? 'choices'
  const message =
    rule === 'budget'
      ? `question ${q}: the ballot does not prove that the selected projects cost at most the budget of ${question.budget}`
      : rule === 'minimum'
        ? `question ${q}: the ballot does not prove that the selected projects cost at least ${question.minimumBudget}`
        : `question ${q}: the ballot does not prove that between ${question.min} and ${question.max} options are selected`
  return fail('BALLOT_RULES_BROKEN', message, { question: q, rule })
}
