import { defineQuery } from '@tabularium/ledger'
import { MemberSchema } from '@tabularium/protocol'
import { z } from 'zod'
import { fail } from '../fail.js'
import { memberKey } from '../keys.js'
import { rolesOf } from '../roles.js'
import type { MemberRecord } from '../types.js'

/**
 * `member`: one member by id, with the roles its DID holds; `NOT_FOUND`
 * for an id that is not (or no longer) a member.
 *
 * @example GET /v1/modules/governance/queries/member?id=org-1
 */
export const member = defineQuery({
  description: 'One member organisation by id, with its roles.',
  params: z.strictObject({ id: MemberSchema.shape.id }),
  run(ctx, { id }) {
    const record = ctx.get<MemberRecord>(memberKey(id)) ?? fail('NOT_FOUND', `no member ${id}`, { id })
    return { ...record, roles: rolesOf(ctx, record.did) }
  },
})
