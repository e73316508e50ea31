export { transactionId } from '@tabularium/protocol'
export type { Client, CreateClientParameters, QueryParameters } from './client/createClient.js'
export { createClient } from './client/createClient.js'
export type { EventsParameters } from './client/events.js'
export type { ServerSentEvent } from './client/parseEventStream.js'
export { parseEventStream } from './client/parseEventStream.js'
export type { FetchLike, QueryValue } from './client/request.js'
export type { SubmitBatchParameters, SubmitBatchResult, SubmitParameters } from './client/submit.js'
export type { SdkErrorCode } from './errors.js'
export { SdkError } from './errors.js'
export type { BuildTransactionParameters } from './transaction/buildTransaction.js'
export { buildTransaction, randomNonce } from './transaction/buildTransaction.js'
export type { JwkSigner } from './transaction/createJwkSigner.js'
export { createJwkSigner } from './transaction/createJwkSigner.js'
export type { SignFunction } from './transaction/signTransaction.js'
export { signTransaction } from './transaction/signTransaction.js'
export type { CheckConsistencyParameters, TreeHead } from './verify/checkConsistency.js'
export { checkConsistency } from './verify/checkConsistency.js'
export type { CheckInclusionParameters } from './verify/checkInclusion.js'
export { checkInclusion } from './verify/checkInclusion.js'
export { decodeLeaf } from './verify/decodeLeaf.js'
export type { HashInput } from './verify/toBytes.js'
export type { GenesisTrust } from './verify/trustFromGenesis.js'
export { trustFromGenesis } from './verify/trustFromGenesis.js'
export type { VerifiedReceipt } from './verify/verifyReceiptAgainstGenesis.js'
export { verifyReceiptAgainstGenesis, verifyReceiptWithGenesis } from './verify/verifyReceiptAgainstGenesis.js'
export type {
  CheckpointView,
  CommittedEvent,
  CommittedResult,
  ConsistencyProofView,
  EntriesPage,
  EntrySummary,
  EntryView,
  ErrorBody,
  InclusionProofView,
  ModulesView,
  NetworkView,
  Receipt,
  SubmitResult,
  TransactionView,
} from './wire.js'
