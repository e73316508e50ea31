import { defineAction } from '@tabularium/ledger'
import { judgeComplaint } from '@tabularium/voting'
import { fail } from '../fail.js'
import { sharesKey } from '../keys.js'
import { assertDealt, checked, settleCeremony } from '../rules/ceremony.js'
import { ComplaintArgsSchema } from '../schemas.js'
import { ceremonyStep } from './ceremonyStep.js'

/**
 * `ballots.complainDealing`: a trustee whose share from `dealer` does not
 * decrypt or does not verify reveals their Diffie–Hellman key K with a
 * Chaum–Pedersen proof (`fileComplaint`). The ledger checks the proof,
 * decrypts the share and checks it against the dealer's commitments: a bad
 * share disqualifies the dealer (`dealerDisqualified`); a good one refuses
 * the complaint (`COMPLAINT_UNFOUNDED`) and nothing changes. Before the
 * complainer's own confirmation and before the key is fixed.
 *
 * @example { ballot: 'pb-2026', dealer: 'leuven', ...fileComplaint({ ballot, dealer: 'leuven', complainer: 'gent', secret, dealerKey }) }
 */
export const complainDealing = defineAction({
  description:
    "A trustee's verifiable complaint that a dealer's encrypted share is bad; a founded one disqualifies the dealer.",
  args: ComplaintArgsSchema,
  access: { roles: ['member'] },
  execute(ctx, args) {
    const { ballot, member, index, ceremony } = ceremonyStep(ctx, args.ballot)
    assertDealt(ballot, ceremony)
    if (!ballot.trustees.includes(args.dealer)) fail('INVALID_ARGS', `${args.dealer} is not a trustee of ${ballot.id}`)
    if (ceremony.dealings[args.dealer] === undefined) fail('INVALID_ARGS', `${args.dealer} has not dealt`)
    if (ceremony.keys[member] === undefined) fail('CONFLICT', `${member} received no share: it has no ceremony key`)
    if (args.dealer === member) fail('INVALID_ARGS', 'a trustee cannot complain about its own dealing')
    if (ceremony.confirmed.includes(member))
      fail('CONFLICT', `${member} has confirmed its shares already: complaints come before the confirmation`)
    if (ceremony.disqualified[args.dealer] !== undefined)
      fail('ALREADY_EXISTS', `${args.dealer} is disqualified already`)
    const verdict = checked(`a complaint by ${member} about ${args.dealer}`, () =>
      judgeComplaint({
        ballot: ballot.id,
        dealer: args.dealer,
        dealerKey: ceremony.keys[args.dealer] as string,
        complainer: member,
        complainerKey: ceremony.keys[member] as string,
        index,
        ciphertext: (ctx.get<string[]>(sharesKey(ballot.id, args.dealer)) ?? [])[index - 1] as string,
        commitments: ceremony.dealings[args.dealer] as string[],
        complaint: { sharedKey: args.sharedKey, proof: args.proof },
      }),
    )
    if (!verdict.founded)
      fail('COMPLAINT_UNFOUNDED', `the share ${args.dealer} sent to ${member} decrypts and verifies`, {
        dealer: args.dealer,
      })
    const disqualified = { ...ceremony.disqualified, [args.dealer]: { by: member, reason: verdict.reason } }
    ctx.emit('dealerDisqualified', { ballot: ballot.id, dealer: args.dealer, by: member, reason: verdict.reason })
    settleCeremony(ctx, ballot, { ...ceremony, disqualified })
  },
})
