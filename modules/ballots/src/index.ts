export { cast } from './actions/cast.js'
export { addCensusCodes, issueToken } from './actions/census.js'
export { confirmShares, registerCeremonyKey, submitDealing } from './actions/ceremony.js'
export { closeCeremony } from './actions/closeCeremony.js'
export { complainDealing } from './actions/complaints.js'
export { createBallot } from './actions/createBallot.js'
export { publishPartial, publishTally } from './actions/decryption.js'
export { createPetition, signPetition } from './actions/petitions.js'
export { ballotsModule } from './ballots.js'
export type { BallotReceiptCheck, CountedBallot, ExportedEntry, RecountResult } from './client/index.js'
export { answersDigest, checkBallotReceipt, prepareBallot, recountFromEntries } from './client/index.js'
export { BALLOTS, ISSUER_ROLE, ORGANISER_ROLE } from './keys.js'
export type { CastJob, CastPrecheckResult } from './precheck/castPrecheck.js'
export { castPrecheck } from './precheck/castPrecheck.js'
export { ballotsProjection } from './projection.js'
export { ballot, ballots, castStatus, entries, result, turnout } from './queries/ballotQueries.js'
export { encryptedShares } from './queries/encryptedShares.js'
export { encryptedTally } from './queries/encryptedTally.js'
export { petition, petitions } from './queries/petitionQueries.js'
export type { BudgetRuleDef } from './rules/questions.js'
export { budgetRuleOf, electionOf, normaliseQuestion } from './rules/questions.js'
export type { AnswerStatement } from './rules/verifyAnswer.js'
export { verifyAnswer } from './rules/verifyAnswer.js'
export { CastArgsSchema, CreateBallotArgsSchema, CreatePetitionArgsSchema, LIMITS } from './schemas.js'
export type {
  BallotRecord,
  BallotResult,
  CastRecord,
  CensusDef,
  Ceremony,
  Counters,
  Disqualification,
  OptionDef,
  PetitionRecord,
  QuestionDef,
  QuestionType,
} from './types.js'
