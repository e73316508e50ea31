import { defineAction } from '@tabularium/ledger'
import type { PartialDecryption } from '@tabularium/voting'
import { fail } from '../fail.js'
import { partialsKey, resultKey } from '../keys.js'
import { checkPartials, computeCounts } from '../rules/counts.js'
import { assertClosed } from '../rules/schedule.js'
import { PartialArgsSchema, TallyArgsSchema } from '../schemas.js'
import type { BallotResult } from '../types.js'
import { getBallot, getCeremony, getCounters, readStoredTally, trusteeOf } from './read.js'

/**
 * `ballots.publishPartial`: after the close, a trustee's share of the
 * decryption of the encrypted tally, per question, each with its
 * Chaum–Pedersen proof (checked here against the ceremony's commitments).
 * Before the close it is refused: nothing can be decrypted early.
 *
 * @example { ballot: 'pb-2026', partials: [partialDecrypt({ election, tally: tally[0], share })] }
 */
export const publishPartial = defineAction({
  description: "After the close, a trustee's verified partial decryption of the encrypted tally.",
  args: PartialArgsSchema,
  access: { roles: ['member'] },
  execute(ctx, args) {
    const ballot = getBallot(ctx, args.ballot)
    const { member, index } = trusteeOf(ctx, ballot, ctx.signer)
    assertClosed(ballot, ctx.time)
    const { publicKey, commitments } = getCeremony(ctx, args.ballot)
    const tally = readStoredTally(ctx, args.ballot)
    if (publicKey === null || commitments === null || tally === null)
      fail('CONFLICT', `${args.ballot} has no encrypted tally to decrypt`)
    const stored = ctx.get<Record<string, PartialDecryption[]>>(partialsKey(args.ballot)) ?? {}
    if (stored[member] !== undefined) fail('ALREADY_EXISTS', `${member} has published its partial decryption already`)
    if (args.partials.some((p) => p.index !== index)) fail('INVALID_ARGS', `trustee ${member} holds share ${index}`)
    checkPartials({ ballot, publicKey, commitments, tally, partials: args.partials })
    ctx.put(partialsKey(args.ballot), { ...stored, [member]: args.partials } as never)
    ctx.emit('partialPublished', { ballot: args.ballot, trustee: member, index })
  },
})

/**
 * `ballots.publishTally`: anyone publishes the counts; they are accepted only
 * if they equal the decryption by the trustees' partials, so the log holds
 * the result in a transaction's arguments, for any recount to compare with.
 *
 * @example { ballot: 'pb-2026', counts: [[412, 96, 0, 7]] }
 */
export const publishTally = defineAction({
  description: 'Publishes the counts, accepted only if they equal the threshold decryption of the tally.',
  args: TallyArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const ballot = getBallot(ctx, args.ballot)
    assertClosed(ballot, ctx.time)
    if (ctx.get(resultKey(args.ballot)) !== undefined)
      fail('ALREADY_EXISTS', `the tally of ${args.ballot} is published already`)
    const { counted } = getCounters(ctx, args.ballot)
    const expected = computeCounts({
      ballot,
      tally: readStoredTally(ctx, args.ballot),
      partials: ctx.get<Record<string, PartialDecryption[]>>(partialsKey(args.ballot)) ?? {},
      counted,
    })
    if (JSON.stringify(expected) !== JSON.stringify(args.counts)) {
      fail('TALLY_MISMATCH', `the counts differ from the decryption of the tally of ${args.ballot}`, { expected })
    }
    const result: BallotResult = {
      counts: expected,
      ballots: counted,
      txid: ctx.txid,
      index: ctx.index,
      time: ctx.time,
    }
    ctx.put(resultKey(args.ballot), result)
    ctx.emit('tallyPublished', { ballot: args.ballot, counts: expected, ballots: counted })
  },
})
