import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { holdsRole } from '../roles.js'
import { DidSchema, RoleNameSchema } from '../schemas.js'

/**
 * `hasRole`: whether a DID holds a role, read from the same state key the
 * ledger authorises with.
 *
 * @example GET /v1/modules/governance/queries/hasRole?did=did:key:z6Mk…&role=notary:stamper
 * // { did, role, hasRole: true }
 */
export const hasRole = defineQuery({
  description: 'Whether a DID holds a role.',
  params: z.strictObject({ did: DidSchema, role: RoleNameSchema }),
  run(ctx, { did, role }) {
    return { did, role, hasRole: holdsRole(ctx, role, did) }
  },
})
