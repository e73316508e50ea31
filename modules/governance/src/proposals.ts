import type { ActionContext, StateReader } from '@tabularium/ledger'
import { fail } from './fail.js'
import { memberDidKey, proposalKey } from './keys.js'
import type { Proposal } from './types.js'

/**
 * The id of the proposal a transaction creates: the first 16 hex digits of
 * its txid, so a client knows it from the submission result alone.
 *
 * @example proposalIdOf('9f86d081884c7d65…') // '9f86d081884c7d65'
 */
export function proposalIdOf(txid: string): string {
  return txid.slice(0, 16)
}

/** The member id of the signer; refuses `NOT_A_MEMBER` for any other DID. */
export function requireMember(ctx: ActionContext): string {
  // Access already demands role `member`; this re-checks membership itself,
  // which is what the role stands for (defence in depth).
  return (
    ctx.get<string>(memberDidKey(ctx.signer)) ??
    fail('NOT_A_MEMBER', 'only member organisations may do this', { signer: ctx.signer })
  )
}

/** True when the proposal is open but its expiry time has passed at `time`. */
export function isExpired(proposal: Proposal, time: string): boolean {
  return proposal.status === 'open' && proposal.expiresAt !== null && Date.parse(time) >= Date.parse(proposal.expiresAt)
}

/** The status a reader sees: the stored one, or `expired`. */
export function statusAt(proposal: Proposal, time: string): Proposal['status'] | 'expired' {
  return isExpired(proposal, time) ? 'expired' : proposal.status
}

/** Loads a proposal that can still be voted on, or refuses. */
export function loadOpenProposal(ctx: ActionContext, id: string): Proposal {
  const proposal = ctx.get<Proposal>(proposalKey(id)) ?? fail('PROPOSAL_NOT_FOUND', `no proposal ${id}`, { id })
  const status = statusAt(proposal, ctx.time)
  if (status !== 'open') fail('PROPOSAL_CLOSED', `proposal ${id} is ${status}`, { id, status })
  return proposal
}

/** Reads a proposal for a query, or refuses `PROPOSAL_NOT_FOUND`. */
export function readProposal(state: StateReader, id: string): Proposal {
  return state.get<Proposal>(proposalKey(id)) ?? fail('PROPOSAL_NOT_FOUND', `no proposal ${id}`, { id })
}
