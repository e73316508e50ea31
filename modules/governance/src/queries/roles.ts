import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { DidSchema, RoleNameSchema } from '../schemas.js'
import { statement } from '../sqlite.js'
import { limitSchema } from './params.js'

type Row = { role: string; did: string; granted_at: string; proposal: string | null }

/**
 * `roles`: the grants of one DID or of one role (exactly one of them), from
 * the `governance_roles` projection, paged by `cursor`.
 *
 * @example GET /v1/modules/governance/queries/roles?role=notary:stamper&limit=100
 * // { grants: [{ role, did, grantedAt, proposal }], nextCursor: null }
 */
export const roles = defineQuery({
  description: 'Role grants of one DID or of one role.',
  params: z
    .strictObject({
      did: DidSchema.optional(),
      role: RoleNameSchema.optional(),
      limit: limitSchema(1000, 100),
      cursor: z.string().max(700).optional(),
    })
    .refine((p) => (p.did === undefined) !== (p.role === undefined), 'give exactly one of `did` and `role`'),
  run(ctx, p) {
    // Rows are ordered by the other column, which is unique within the filter,
    // so it doubles as the cursor. Column names come from these constants,
    // never from input; values are bound parameters.
    const [column, other, value] = p.did === undefined ? ['role', 'did', p.role] : ['did', 'role', p.did]
    const rows = statement(
      ctx.db,
      `SELECT role, did, granted_at, proposal FROM governance_roles
       WHERE ${column} = ? AND ${other} > ? ORDER BY ${other} LIMIT ?`,
    ).all(value, p.cursor ?? '', p.limit + 1) as Row[]
    const page = rows.slice(0, p.limit)
    const last = page.at(-1)
    return {
      grants: page.map((r) => ({ role: r.role, did: r.did, grantedAt: r.granted_at, proposal: r.proposal })),
      nextCursor: rows.length > p.limit && last !== undefined ? (p.did === undefined ? last.did : last.role) : null,
    }
  },
})
