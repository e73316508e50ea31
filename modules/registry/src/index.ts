export {
  addKey,
  addService,
  deactivateDid,
  registerDid,
  removeKey,
  removeService,
  rotateKey,
  setControllers,
} from './did/didActions.js'
export { DID_CONTEXTS } from './did/document.js'
export { documentAt, isActiveAt } from './did/documentAt.js'
export { DID_PREFIX, keys, LIMITS, REGISTRY, ROLES } from './keys.js'
export { dids, history, schemas, trustedIssuers } from './queries/listQueries.js'
export {
  accreditation,
  accreditations,
  isAccredited,
  resolve,
  schema,
  statusList,
  statusLists,
} from './queries/registryQueries.js'
export { registry } from './registry.js'
export { accreditationIdOf, createRegistryIsAccredited } from './resolver/createRegistryIsAccredited.js'
export { createRegistryResolver } from './resolver/createRegistryResolver.js'
export { createRegistrySchemas } from './resolver/createRegistrySchemas.js'
export type { IssueRegistryStatusListParameters } from './resolver/issueRegistryStatusList.js'
export { issueRegistryStatusList } from './resolver/issueRegistryStatusList.js'
export type { RegistryReader } from './resolver/registryReader.js'
export { registerSchema } from './schemas/registerSchema.js'
export {
  AccreditArgsSchema,
  CreateStatusListArgsSchema,
  RegisterDidArgsSchema,
  RegisterSchemaArgsSchema,
  SetStatusArgsSchema,
  TabDidSchema,
} from './schemas.js'
export { allocateStatus, createStatusList, revoke, suspend, unsuspend } from './status/statusActions.js'
export type { ChainResult } from './tir/chain.js'
export { checkChain, findIssuerAccreditation } from './tir/chain.js'
export { accredit, revokeAccreditation } from './tir/tirActions.js'
export type {
  Accreditation,
  AccreditationKind,
  DidRecord,
  DidVersion,
  SchemaRecord,
  StatusListRecord,
  StoredDocument,
} from './types.js'
