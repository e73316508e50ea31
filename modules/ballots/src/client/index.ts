// @tabularium/module-ballots/client: what a wallet, a portal and the CLI
// need — prepare a ballot, recount from exported entries, check a receipt.
// Browser-safe: no node: imports, no ledger.

export { budgetRuleOf, electionOf } from '../rules/questions.js'
export type {
  BallotRecord,
  BallotResult,
  CensusDef,
  OptionDef,
  PetitionRecord,
  QuestionDef,
  QuestionType,
} from '../types.js'
export type { BallotReceiptCheck } from './checkBallotReceipt.js'
export { checkBallotReceipt } from './checkBallotReceipt.js'
export { prepareBallot } from './prepareBallot.js'
export type { CountedBallot, ExportedEntry, RecountResult } from './recountFromEntries.js'
export { answersDigest, recountFromEntries } from './recountFromEntries.js'
