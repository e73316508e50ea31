import { defineModule } from '@tabularium/ledger'
import {
  addKey,
  addService,
  deactivateDid,
  registerDid,
  removeKey,
  removeService,
  rotateKey,
  setControllers,
} from './did/didActions.js'
import { REGISTRY } from './keys.js'
import { dids, history, schemas, trustedIssuers } from './queries/listQueries.js'
import {
  accreditation,
  accreditations,
  isAccredited,
  resolve,
  schema,
  statusList,
  statusLists,
} from './queries/registryQueries.js'
import { registerSchema } from './schemas/registerSchema.js'
import { allocateStatus, createStatusList, revoke, suspend, unsuspend } from './status/statusActions.js'
import { accredit, revokeAccreditation } from './tir/tirActions.js'

/**
 * The registry module: organisation DID documents with history, the
 * trusted-issuers registry (accreditation chains), credential schemas, and
 * status lists for revocation and suspension — EBSI's registries, on the ledger.
 *
 * @example createLedger({ genesis, keys, path, modules: [governance, registry] })
 */
export const registry = defineModule({
  name: REGISTRY,
  description: 'DID documents, trusted issuers, credential schemas and status lists.',
  actions: {
    registerDid,
    addKey,
    rotateKey,
    removeKey,
    addService,
    removeService,
    setControllers,
    deactivateDid,
    accredit,
    revokeAccreditation,
    registerSchema,
    createStatusList,
    allocateStatus,
    revoke,
    suspend,
    unsuspend,
  },
  queries: {
    resolve,
    accreditations,
    accreditation,
    isAccredited,
    schema,
    statusList,
    statusLists,
    dids,
    history,
    trustedIssuers,
    schemas,
  },
})
