import { defineAction } from '@tabularium/ledger'
import { MEMBER_ROLE } from '../keys.js'
import { loadOpenProposal, requireMember } from '../proposals.js'
import { VoteArgsSchema } from '../schemas.js'
import { recordRejection } from '../tally.js'
import { refuseSecondVote } from './approve.js'

/**
 * `governance.reject`: a member rejects an open proposal; it closes as
 * rejected once the threshold can no longer be reached.
 *
 * @example { id: '9f86d081884c7d65' } // args
 */
export const reject = defineAction({
  description: 'Rejects an open proposal; it closes once the threshold is out of reach.',
  args: VoteArgsSchema,
  access: { roles: [MEMBER_ROLE] },
  execute(ctx, args) {
    const member = requireMember(ctx)
    const proposal = loadOpenProposal(ctx, args.id)
    refuseSecondVote(proposal, member)
    recordRejection(ctx, { proposal, member })
  },
})
