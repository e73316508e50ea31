import { defineAction } from '@tabularium/ledger'
import { fail } from '../fail.js'
import { MEMBER_ROLE } from '../keys.js'
import { loadOpenProposal, requireMember } from '../proposals.js'
import { VoteArgsSchema } from '../schemas.js'
import { recordApproval } from '../tally.js'
import type { Proposal } from '../types.js'

/**
 * `governance.approve`: a member approves an open proposal; the approval that
 * reaches the threshold makes the change in the same transaction.
 *
 * @example { id: '9f86d081884c7d65' } // args
 */
export const approve = defineAction({
  description: 'Approves an open proposal; the approval that reaches the threshold executes it.',
  args: VoteArgsSchema,
  access: { roles: [MEMBER_ROLE] },
  execute(ctx, args) {
    const member = requireMember(ctx)
    const proposal = loadOpenProposal(ctx, args.id)
    refuseSecondVote(proposal, member)
    recordApproval(ctx, { proposal, member })
  },
})

/** Votes are final: a member votes once, either way. */
export function refuseSecondVote(proposal: Proposal, member: string): void {
  const details = { id: proposal.id, member }
  if (proposal.approvals.includes(member))
    fail('ALREADY_APPROVED', `${member} already approved ${proposal.id}`, details)
  if (proposal.rejections.includes(member))
    fail('ALREADY_REJECTED', `${member} already rejected ${proposal.id}`, details)
}
