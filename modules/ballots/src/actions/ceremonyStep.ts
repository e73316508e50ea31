import type { ActionContext } from '@tabularium/ledger'
import { assertCeremonyOpen } from '../rules/ceremony.js'
import type { BallotRecord, Ceremony } from '../types.js'
import { getBallot, getCeremony, trusteeOf } from './read.js'

/**
 * What every trustee's step of the key ceremony starts from: the ballot
 * (NOT_FOUND), the signer as one of its trustees (NOT_A_TRUSTEE) and the
 * ceremony, still open (CONFLICT once the ballot opened, the ceremony failed
 * or the key is fixed).
 *
 * @example const { ballot, member, ceremony } = ceremonyStep(ctx, args.ballot)
 */
export function ceremonyStep(
  ctx: ActionContext,
  ballotId: string,
): { ballot: BallotRecord; member: string; index: number; ceremony: Ceremony } {
  const ballot = getBallot(ctx, ballotId)
  const { member, index } = trusteeOf(ctx, ballot, ctx.signer)
  const ceremony = getCeremony(ctx, ballotId)
  assertCeremonyOpen({ ballot, ceremony, time: ctx.time })
  return { ballot, member, index, ceremony }
}
