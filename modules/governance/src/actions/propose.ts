import { defineAction } from '@tabularium/ledger'
import { checkChange } from '../checkChange.js'
import { fail, invalidArgs } from '../fail.js'
import { MEMBER_ROLE, proposalKey } from '../keys.js'
import { proposalIdOf, requireMember } from '../proposals.js'
import { type ProposeArgs, ProposeArgsSchema } from '../schemas.js'
import { recordApproval } from '../tally.js'
import type { Change, Proposal } from '../types.js'

/**
 * `governance.propose`: a member proposes a change; its own approval counts,
 * so with a threshold of 1 the change is made at once.
 *
 * @example
 * // args of a signed transaction { module: 'governance', action: 'propose', args }
 * { kind: 'grantRole', role: 'notary:stamper', did: 'did:key:z6Mk…', reason: 'registry clerk' }
 */
export const propose = defineAction({
  description: 'Proposes a change of members, roles or threshold; the proposer approves it.',
  args: ProposeArgsSchema,
  access: { roles: [MEMBER_ROLE] },
  execute(ctx, args) {
    const proposer = requireMember(ctx)
    if (args.expiresAt !== undefined && Date.parse(args.expiresAt) <= Date.parse(ctx.time)) {
      invalidArgs('expiresAt', 'expiresAt must be after the time of the transaction')
    }
    const change = toChange(args)
    checkChange(ctx, change)
    const id = proposalIdOf(ctx.txid)
    if (ctx.get(proposalKey(id)) !== undefined) fail('ALREADY_EXISTS', `proposal ${id} exists`, { id })
    const proposal: Proposal = {
      id,
      txid: ctx.txid,
      index: ctx.index,
      createdAt: ctx.time,
      proposer,
      proposerDid: ctx.signer,
      change,
      reason: args.reason ?? null,
      // Normalised (UTC, ms) so that it compares as text in the projection.
      expiresAt: args.expiresAt === undefined ? null : new Date(args.expiresAt).toISOString(),
      status: 'open',
      approvals: [],
      rejections: [],
      closedAt: null,
    }
    ctx.emit('proposed', {
      id,
      proposer,
      proposerDid: ctx.signer,
      change,
      reason: proposal.reason,
      expiresAt: proposal.expiresAt,
    })
    recordApproval(ctx, { proposal, member: proposer })
  },
})

// Rebuilds the change field by field: parsed arguments may carry optional
// members as `undefined`, which state (JSON) cannot hold.
function toChange(args: ProposeArgs): Change {
  switch (args.kind) {
    case 'addMember': {
      const { id, name, did, logKey, witnessKey, url } = args.member
      return { kind: 'addMember', member: { id, name, did, logKey, witnessKey, ...(url === undefined ? {} : { url }) } }
    }
    case 'removeMember':
      return { kind: 'removeMember', id: args.id }
    case 'grantRole':
    case 'revokeRole':
      return { kind: args.kind, role: args.role, did: args.did }
    case 'setThreshold':
      return { kind: 'setThreshold', threshold: args.threshold }
  }
}
