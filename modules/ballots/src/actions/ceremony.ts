import { defineAction } from '@tabularium/ledger'
import { combineDealings, VotingError, verifyDealerKnowledge } from '@tabularium/voting'
import { fail } from '../fail.js'
import { ceremonyKey } from '../keys.js'
import { phaseAt } from '../rules/schedule.js'
import { ConfirmArgsSchema, DealingArgsSchema } from '../schemas.js'
import { getBallot, getCeremony, trusteeOf } from './read.js'

// The key ceremony is Pedersen's joint-Feldman DKG, in the open: every
// trustee publishes the Feldman commitments of its polynomial here, with a
// proof that it knows the secret behind the first one (no rogue keys), and
// sends share j to trustee j off the ledger; each trustee checks the shares it
// received against these commitments (`verifyShare`) and confirms. When all
// have confirmed, the election key is the product of the constant-term
// commitments — no one ever held it — and anyone can derive each trustee's
// verification key from the ledger to check its partial decryption later.

/**
 * `ballots.submitDealing`: a trustee's Feldman commitments (t points) and its
 * proof of knowledge of a_0 for context `<ballot>/<trustee>`, once, before the ballot opens.
 *
 * @example { ballot: 'pb-2026', commitments: ['BGx…', 'BH2…'], proof: { challenge, response } }
 */
export const submitDealing = defineAction({
  description: "Publishes a trustee's Feldman commitments for the election key (key ceremony).",
  args: DealingArgsSchema,
  access: { roles: ['member'] },
  execute(ctx, args) {
    const ballot = getBallot(ctx, args.ballot)
    const { member } = trusteeOf(ctx, ballot, ctx.signer)
    if (phaseAt(ballot, ctx.time) !== 'scheduled') fail('CONFLICT', 'the key ceremony ends when the ballot opens')
    const ceremony = getCeremony(ctx, args.ballot)
    if (ceremony.dealings[member] !== undefined) fail('ALREADY_EXISTS', `${member} has dealt already`)
    if (args.commitments.length !== ballot.threshold) {
      fail('INVALID_ARGS', `a dealing has ${ballot.threshold} commitments (the threshold)`)
    }
    try {
      combineDealings({ commitments: [args.commitments] })
    } catch (error) {
      if (error instanceof VotingError)
        fail('INVALID_ARGS', `the commitments are not points of the election group: ${error.message}`)
      throw error
    }
    try {
      const context = `${ballot.id}/${member}`
      verifyDealerKnowledge({ commitment: args.commitments[0], proof: args.proof, context })
    } catch (error) {
      if (error instanceof VotingError)
        fail('INVALID_ARGS', `${error.message} (a proof of knowledge of a_0 for ${ballot.id}/${member})`, {
          reason: error.code,
        })
      throw error
    }
    ctx.put(ceremonyKey(args.ballot), { ...ceremony, dealings: { ...ceremony.dealings, [member]: args.commitments } })
    ctx.emit('dealingSubmitted', { ballot: args.ballot, trustee: member })
  },
})

/**
 * `ballots.confirmShares`: a trustee states that the shares it received verify
 * against every published dealing; the last confirmation fixes the election key.
 *
 * @example { ballot: 'pb-2026' }
 */
export const confirmShares = defineAction({
  description: 'A trustee confirms its key shares verify; the last confirmation fixes the election key.',
  args: ConfirmArgsSchema,
  access: { roles: ['member'] },
  execute(ctx, args) {
    const ballot = getBallot(ctx, args.ballot)
    const { member } = trusteeOf(ctx, ballot, ctx.signer)
    if (phaseAt(ballot, ctx.time) !== 'scheduled') fail('CONFLICT', 'the key ceremony ends when the ballot opens')
    const ceremony = getCeremony(ctx, args.ballot)
    const missing = ballot.trustees.filter((t) => ceremony.dealings[t] === undefined)
    if (missing.length > 0) fail('CONFLICT', `waiting for dealings from ${missing.join(', ')}`, { missing })
    if (ceremony.confirmed.includes(member)) fail('ALREADY_EXISTS', `${member} has confirmed already`)
    const confirmed = [...ceremony.confirmed, member]
    let next = { ...ceremony, confirmed }
    if (confirmed.length === ballot.trustees.length) {
      const joint = combineDealings({ commitments: ballot.trustees.map((t) => ceremony.dealings[t] as string[]) })
      next = { ...next, publicKey: joint.publicKey, commitments: joint.commitments }
      ctx.emit('keyReady', { ballot: args.ballot, publicKey: joint.publicKey })
    }
    ctx.put(ceremonyKey(args.ballot), next)
    ctx.emit('sharesConfirmed', { ballot: args.ballot, trustee: member })
  },
})
