import type { ActionContext } from '@tabularium/ledger'
import { applyChange } from './applyChange.js'
import { checkChange } from './checkChange.js'
import { proposalKey } from './keys.js'
import { listMembers, readConfig } from './members.js'
import type { Proposal } from './types.js'

// Votes count only while their member is a member: "M of N current members".
function countCurrent(ctx: ActionContext, voters: readonly string[]): { count: number; members: number } {
  const current = new Set(listMembers(ctx).map((m) => m.id))
  return { count: voters.filter((id) => current.has(id)).length, members: current.size }
}

/**
 * Records `member`'s approval; when approvals reach the threshold, checks
 * and makes the change in this same transaction. Emits `approved`, then the
 * change's own events and `executed`.
 *
 * @example recordApproval(ctx, { proposal, member: 'org-2' })
 */
export function recordApproval(ctx: ActionContext, p: { proposal: Proposal; member: string }): Proposal {
  const proposal: Proposal = { ...p.proposal, approvals: [...p.proposal.approvals, p.member] }
  const threshold = readConfig(ctx).governanceThreshold
  const { count } = countCurrent(ctx, proposal.approvals)
  ctx.emit('approved', { id: proposal.id, member: p.member, approvals: count, threshold })
  if (count >= threshold) return execute(ctx, proposal)
  ctx.put(proposalKey(proposal.id), proposal)
  return proposal
}

function execute(ctx: ActionContext, open: Proposal): Proposal {
  // The state may have moved since the proposal; a change that has become
  // impossible refuses this approval and the proposal stays open (to be rejected).
  checkChange(ctx, open.change)
  const config = applyChange(ctx, { change: open.change, proposal: open.id })
  const proposal: Proposal = { ...open, status: 'executed', closedAt: ctx.time }
  ctx.put(proposalKey(proposal.id), proposal)
  ctx.emit('executed', {
    id: proposal.id,
    change: proposal.change,
    governanceThreshold: config.governanceThreshold,
    witnessQuorum: config.witnessQuorum,
  })
  return proposal
}

/**
 * Records `member`'s rejection; the proposal closes as rejected once so many
 * members reject that the threshold can no longer be reached. Emits `rejected`.
 */
export function recordRejection(ctx: ActionContext, p: { proposal: Proposal; member: string }): Proposal {
  let proposal: Proposal = { ...p.proposal, rejections: [...p.proposal.rejections, p.member] }
  const threshold = readConfig(ctx).governanceThreshold
  const { count, members } = countCurrent(ctx, proposal.rejections)
  if (members - count < threshold) proposal = { ...proposal, status: 'rejected', closedAt: ctx.time }
  ctx.put(proposalKey(proposal.id), proposal)
  ctx.emit('rejected', { id: proposal.id, member: p.member, rejections: count, threshold, status: proposal.status })
  return proposal
}
