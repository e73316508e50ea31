import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { listMembers, readConfig } from '../members.js'

/**
 * `members`: the current members and the governance parameters.
 *
 * @example GET /v1/modules/governance/queries/members
 * // { members: [{ id, name, did, … }], governanceThreshold: 2, witnessQuorum: 2 }
 */
export const members = defineQuery({
  description: 'The current member organisations and the governance threshold.',
  params: z.strictObject({}),
  run(ctx) {
    const { governanceThreshold, witnessQuorum } = readConfig(ctx)
    return { members: listMembers(ctx), governanceThreshold, witnessQuorum }
  },
})
