// @tabularium/module-ballots/client: what a wallet, a portal and the CLI
// need — prepare a ballot, recount from exported entries, check a receipt.
// Browser-safe: no node: imports, no ledger.

export { absentTrustees, awaitedDealers, ceremonyDeadlineOf } from '../rules/absence.js'
export { budgetRuleOf, electionOf } from '../rules/questions.js'
export type {
  BallotRecord,
  BallotResult,
  CensusDef,
  Ceremony,
  Disqualification,
  OptionDef,
  PetitionRecord,
  QuestionDef,
  QuestionType,
} from '../types.js'
export type { BallotReceiptCheck } from './checkBallotReceipt.js'
export { checkBallotReceipt } from './checkBallotReceipt.js'
export { dealToRegistered } from './dealToRegistered.js'
export { prepareBallot } from './prepareBallot.js'
export type { CountedBallot, ExportedEntry, RecountResult } from './recountFromEntries.js'
export { answersDigest, recountFromEntries } from './recountFromEntries.js'
