import { defineAction } from '@tabularium/ledger'
import { findMemberId, holdsRole } from '@tabularium/module-governance'
import { fail } from '../fail.js'
import { ORGANISER_ROLE } from '../keys.js'
import { absentTrustees, ceremonyDeadlineOf } from '../rules/absence.js'
import { assertCeremonyOpen, settleCeremony } from '../rules/ceremony.js'
import { CloseCeremonyArgsSchema } from '../schemas.js'
import type { Disqualification } from '../types.js'
import { getBallot, getCeremony } from './read.js'

/**
 * `ballots.closeCeremony`: from the ceremony deadline, before the ballot
 * opens, once: every trustee that has not dealt (no ceremony key, or no
 * dealing) is disqualified as `absent`, and the ceremony settles without it
 * — it fails if fewer dealers than the threshold remain; it fixes the key if
 * every remaining one — or, now that it is closed, t of them — has
 * confirmed; otherwise their confirmations, which no
 * longer wait for the absent, fix it. Signed by the organiser (the member
 * that created the ballot, or a holder of `ballots:organiser`) or by any
 * trustee: the outcome depends on the log and the time alone, not on who
 * asks, so whoever is present may stop waiting.
 *
 * @example { ballot: 'pb-2026' }
 */
export const closeCeremony = defineAction({
  description: 'After the ceremony deadline, disqualifies the trustees that did not deal and settles the key ceremony.',
  args: CloseCeremonyArgsSchema,
  access: { roles: [ORGANISER_ROLE, 'member'] },
  execute(ctx, args) {
    const ballot = getBallot(ctx, args.ballot)
    const member = findMemberId(ctx, ctx.signer)
    const organiser =
      (member !== undefined && member === ballot.organisation) ||
      holdsRole(ctx.of('governance'), ORGANISER_ROLE, ctx.signer)
    if (!organiser && (member === undefined || !ballot.trustees.includes(member)))
      fail('NOT_OWNER', `only the organiser or a trustee of ${ballot.id} may close its key ceremony`, {
        organisation: ballot.organisation,
        trustees: ballot.trustees,
      })
    const ceremony = getCeremony(ctx, args.ballot)
    if (ceremony.closed !== null)
      fail('ALREADY_EXISTS', `the key ceremony of ${ballot.id} was closed at ${ceremony.closed.at}`)
    assertCeremonyOpen({ ballot, ceremony, time: ctx.time })
    const deadline = ceremonyDeadlineOf(ballot)
    if (Date.parse(ctx.time) < Date.parse(deadline))
      fail('CEREMONY_NOT_DUE', `the key ceremony of ${ballot.id} may be closed from ${deadline}`, { deadline })
    const by = member ?? ctx.signer
    const absent = absentTrustees(ballot, ceremony)
    const disqualified: Record<string, Disqualification> = { ...ceremony.disqualified }
    for (const trustee of absent) {
      disqualified[trustee] = { by, reason: 'absent' }
      ctx.emit('dealerDisqualified', { ballot: ballot.id, dealer: trustee, by, reason: 'absent' })
    }
    ctx.emit('ceremonyClosed', { ballot: ballot.id, by, absent })
    settleCeremony(ctx, ballot, { ...ceremony, disqualified, closed: { by, at: ctx.time } })
  },
})
