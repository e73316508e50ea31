export { MAX_SIGNED_BYTES } from './admission/checkShape.js'
export type { AuditLedgerParameters, AuditResult } from './audit/auditLedger.js'
export { auditLedger } from './audit/auditLedger.js'
export { nodeVerifierKeys } from './checkpoints/nodeVerifierKeys.js'
export { createLedger } from './createLedger.js'
export { GOVERNANCE_MODULE, roleKey } from './executor/roles.js'
export type { Claim, Finality } from './finality/createFinality.js'
export type { HaltReason, NodeHealth } from './finality/createHealth.js'
export type { FinalCheckpoint } from './finality/finalStore.js'
export type { NetworkMember } from './finality/members.js'
export type { MemberView } from './finality/memberViews.js'
export type { AlterationReport, AlteredTable } from './integrity/alteration.js'
export type { IntegrityResult } from './integrity/checkIntegrity.js'
export { checkIntegrity } from './integrity/checkIntegrity.js'
export type { NoteKeys } from './integrity/createNoteVerifier.js'
export type {
  IntegrityProgress,
  IntegrityScrubber,
  StartIntegrityScrubberParameters,
} from './integrity/startIntegrityScrubber.js'
export { startIntegrityScrubber } from './integrity/startIntegrityScrubber.js'
export type { BackupLedgerFileParameters, BackupLedgerFileResult } from './joining/backupLedgerFile.js'
export { backupLedgerFile } from './joining/backupLedgerFile.js'
export { checkEtcdHistory } from './joining/checkEtcdHistory.js'
export type { InstallSnapshotParameters, InstallSnapshotResult } from './joining/installSnapshot.js'
export { installSnapshot, NODE_LOCAL_TABLES } from './joining/installSnapshot.js'
export type { VerifiedSnapshot, VerifySnapshotParameters } from './joining/verifySnapshot.js'
export { verifySnapshot } from './joining/verifySnapshot.js'
export type {
  Access,
  ActionContext,
  ActionDefinition,
  ModuleDefinition,
  Precheck,
  ProjectedEvent,
  ProjectionDefinition,
  QueryContext,
  QueryDefinition,
  StateReader,
} from './module/defineModule.js'
export { defineAction, defineModule, defineQuery } from './module/defineModule.js'
export { embeddedOrderer } from './orderer/embeddedOrderer.js'
export type { EtcdMemberArgsParameters, EtcdMemberSpec } from './orderer/etcd/etcdMemberArgs.js'
export { ETCD_ELECTION_TIMEOUT_MS, ETCD_HEARTBEAT_MS, etcdMemberArgs } from './orderer/etcd/etcdMemberArgs.js'
export type { EtcdOrdererParameters } from './orderer/etcd/etcdOrderer.js'
export { etcdOrderer, MIN_ETCD_VERSION } from './orderer/etcd/etcdOrderer.js'
export type { OrdererErrorCode } from './orderer/ordererError.js'
export { OrdererError } from './orderer/ordererError.js'
export type { Orderer, OrdererContext, OrdererDefinition, StartOrderer } from './orderer/types.js'
export type { LedgerLogger } from './sequencer/logger.js'
export type {
  CheckpointRecord,
  CommittedEvent,
  CreateLedgerParameters,
  EntryRecord,
  Json,
  Ledger,
  LedgerStats,
  NodeKeys,
  SignedTransaction,
  SubmitOptions,
  SubmitResult,
} from './types.js'
