import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { readProposal, statusAt } from '../proposals.js'
import { ProposalIdSchema } from '../schemas.js'
import { TimeSchema } from './params.js'

/**
 * `proposal`: one proposal by id from state, with who approved and who
 * rejected; `PROPOSAL_NOT_FOUND` otherwise. `at` (default: now) decides
 * whether an open proposal shows as `expired`.
 *
 * @example GET /v1/modules/governance/queries/proposal?id=9f86d081884c7d65
 */
export const proposal = defineQuery({
  description: 'One proposal by id, with its votes.',
  params: z.strictObject({ id: ProposalIdSchema, at: TimeSchema.optional() }),
  run(ctx, p) {
    const found = readProposal(ctx, p.id)
    // Queries are outside execution, so the wall clock is a fair default.
    return { ...found, status: statusAt(found, p.at ?? new Date().toISOString()) }
  },
})
