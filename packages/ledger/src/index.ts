export { MAX_SIGNED_BYTES } from './admission/checkShape.js'
export type { AuditLedgerParameters, AuditResult } from './audit/auditLedger.js'
export { auditLedger } from './audit/auditLedger.js'
export { nodeVerifierKeys } from './checkpoints/nodeVerifierKeys.js'
export { createLedger } from './createLedger.js'
export { GOVERNANCE_MODULE, roleKey } from './executor/roles.js'
export type {
  Access,
  ActionContext,
  ActionDefinition,
  ModuleDefinition,
  ProjectedEvent,
  ProjectionDefinition,
  QueryContext,
  QueryDefinition,
  StateReader,
} from './module/defineModule.js'
export { defineAction, defineModule, defineQuery } from './module/defineModule.js'
export { embeddedOrderer } from './orderer/embeddedOrderer.js'
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
  SubmitResult,
} from './types.js'
