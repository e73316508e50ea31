import { defineAction } from '@tabularium/ledger'
import { nodeEngine } from '@tabularium/voting/node'
import { fail } from '../fail.js'
import { countersKey, nullifierKey, tallyKey } from '../keys.js'
import { castPrecheck } from '../precheck/castPrecheck.js'
import { checkCast } from '../rules/checkCast.js'
import { nextTally, type PackedTally } from '../rules/ciphertexts.js'
import { CastArgsSchema } from '../schemas.js'
import type { CastRecord } from '../types.js'
import { getBallot, getCeremony, getCounters } from './read.js'

/**
 * `ballots.cast`: an anonymous encrypted ballot. Signed by a throw-away
 * did:key; carries only the unblinded token, its signature and the answers,
 * each bound to the token's nullifier. A second ballot with the same token
 * is refused (NULLIFIER_USED) or, with vote-again, replaces the first: the
 * encrypted tally drops the old answers and adds the new, so a voter is
 * counted once, last ballot wins. The token and the proofs are verified with
 * OpenSSL (`nodeEngine`), usually ahead of execution in the ledger's worker
 * threads (`castPrecheck`).
 *
 * @example { ballot: 'pb-2026', token: { message, signature }, answers: [encryptVote(…), encryptBudgetVote(…)] }
 */
export const cast = defineAction({
  description: 'Casts an anonymous encrypted ballot with an eligibility token (RFC 9474); public.',
  args: CastArgsSchema,
  access: { public: true },
  precheck: castPrecheck,
  execute(ctx, args) {
    const ballot = getBallot(ctx, args.ballot)
    const { nullifier, ciphertexts } = checkCast({
      ballot,
      ceremony: getCeremony(ctx, args.ballot),
      args,
      time: ctx.time,
      engine: nodeEngine,
    })
    const previous = ctx.get<CastRecord>(nullifierKey(args.ballot, nullifier))
    if (previous !== undefined && !ballot.voteAgain) {
      fail(
        'NULLIFIER_USED',
        `this token has already voted in ${args.ballot}, and ${args.ballot} does not allow voting again`,
        {
          ballot: args.ballot,
          nullifier,
        },
      )
    }
    const tally = ctx.get<PackedTally>(tallyKey(args.ballot)) ?? null
    ctx.put(tallyKey(args.ballot), nextTally(tally, ciphertexts, previous?.ciphertexts ?? null, nodeEngine))
    const record: CastRecord = { txid: ctx.txid, index: ctx.index, ciphertexts: ballot.voteAgain ? ciphertexts : null }
    ctx.put(nullifierKey(args.ballot, nullifier), record)
    const c = getCounters(ctx, args.ballot)
    const replaced = previous !== undefined
    ctx.put(countersKey(args.ballot), {
      ...c,
      cast: c.cast + 1,
      counted: c.counted + (replaced ? 0 : 1),
      replaced: c.replaced + (replaced ? 1 : 0),
    })
    ctx.emit('ballotCast', { ballot: args.ballot, nullifier, replaces: previous?.txid ?? null })
  },
})
