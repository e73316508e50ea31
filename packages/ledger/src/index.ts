export { createLedger } from './createLedger.js'
export type {
  CreateLedgerParameters,
  Ledger,
  LedgerStats,
  NodeKeys,
  SubmitResult,
  EntryRecord,
  CheckpointRecord,
  CommittedEvent,
  SignedTransaction,
  Json,
} from './types.js'
export { defineModule, defineAction, defineQuery } from './module/defineModule.js'
export type {
  StateReader,
  ActionContext,
  Access,
  ActionDefinition,
  QueryContext,
  QueryDefinition,
  ProjectedEvent,
  ProjectionDefinition,
  ModuleDefinition,
} from './module/defineModule.js'
export { GOVERNANCE_MODULE, roleKey } from './executor/roles.js'
export { MAX_SIGNED_BYTES } from './admission/checkShape.js'
export type { LedgerLogger } from './sequencer/logger.js'
export { auditLedger } from './audit/auditLedger.js'
export type { AuditLedgerParameters, AuditResult } from './audit/auditLedger.js'
