import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { getBallot, getCeremony } from '../actions/read.js'
import { fail } from '../fail.js'
import { sharesKey } from '../keys.js'
import { ProcessIdSchema } from '../schemas.js'

/**
 * `encryptedShares`: what one trustee needs to open the shares dealt to it —
 * its index and, per dealer so far, the dealer's ceremony key, commitments
 * and the share encrypted for this trustee (`openReceivedShares`). Public:
 * the shares are ciphertexts only.
 *
 * @example GET /v1/modules/ballots/queries/encryptedShares?ballot=pb-2026&trustee=gent
 */
export const encryptedShares = defineQuery({
  description: "A trustee's encrypted key shares from each dealer, with the dealers' keys and commitments.",
  params: z.strictObject({ ballot: ProcessIdSchema, trustee: z.string().max(64) }),
  run(ctx, { ballot: id, trustee }) {
    const ballot = getBallot(ctx, id)
    const index = ballot.trustees.indexOf(trustee) + 1
    if (index === 0)
      fail('NOT_A_TRUSTEE', `${trustee} is not a trustee of ${id}`, { ballot: id, trustees: ballot.trustees })
    const ceremony = getCeremony(ctx, id)
    const dealings = ballot.trustees.flatMap((dealer) => {
      const commitments = ceremony.dealings[dealer]
      const ciphertext = ctx.get<string[]>(sharesKey(id, dealer))?.[index - 1]
      const key = ceremony.keys[dealer]
      return commitments && ciphertext && key ? [{ dealer, key, commitments, ciphertext }] : []
    })
    return { ballot: id, trustee, index, dealings }
  },
})
