export { SdkError } from './errors.js'
export type { SdkErrorCode } from './errors.js'
export { createClient } from './client/createClient.js'
export type { Client, CreateClientParameters, QueryParameters } from './client/createClient.js'
export type { FetchLike, QueryValue } from './client/request.js'
export type { SubmitParameters, SubmitBatchParameters, SubmitBatchResult } from './client/submit.js'
export type { EventsParameters } from './client/events.js'
export { parseEventStream } from './client/parseEventStream.js'
export type { ServerSentEvent } from './client/parseEventStream.js'
export { buildTransaction, randomNonce } from './transaction/buildTransaction.js'
export type { BuildTransactionParameters } from './transaction/buildTransaction.js'
export { signTransaction } from './transaction/signTransaction.js'
export type { SignFunction } from './transaction/signTransaction.js'
export { createJwkSigner } from './transaction/createJwkSigner.js'
export type { JwkSigner } from './transaction/createJwkSigner.js'
export { trustFromGenesis } from './verify/trustFromGenesis.js'
export type { GenesisTrust } from './verify/trustFromGenesis.js'
export { verifyReceiptAgainstGenesis, verifyReceiptWithGenesis } from './verify/verifyReceiptAgainstGenesis.js'
export type { VerifiedReceipt } from './verify/verifyReceiptAgainstGenesis.js'
export { decodeLeaf } from './verify/decodeLeaf.js'
export { checkConsistency } from './verify/checkConsistency.js'
export type { CheckConsistencyParameters, TreeHead } from './verify/checkConsistency.js'
export { checkInclusion } from './verify/checkInclusion.js'
export type { CheckInclusionParameters } from './verify/checkInclusion.js'
export type { HashInput } from './verify/toBytes.js'
export { transactionId } from '@tabularium/protocol'
export type {
  ErrorBody,
  SubmitResult,
  CommittedResult,
  TransactionView,
  EntrySummary,
  EntriesPage,
  EntryView,
  CheckpointView,
  InclusionProofView,
  ConsistencyProofView,
  NetworkView,
  ModulesView,
  CommittedEvent,
  Receipt,
} from './wire.js'
