import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { getBallot, getCounters, readStoredTally } from '../actions/read.js'
import { ProcessIdSchema } from '../schemas.js'

/**
 * `encryptedTally`: the running encrypted sum per question and option (what
 * trustees partially decrypt after the close) and how many voters it holds.
 * It is ciphertext only: without t trustees' shares it reveals nothing.
 *
 * @example GET /v1/modules/ballots/queries/encryptedTally?id=pb-2026
 */
export const encryptedTally = defineQuery({
  description: 'The encrypted running tally (per question, per option) that trustees decrypt after the close.',
  params: z.strictObject({ id: ProcessIdSchema }),
  run(ctx, { id }) {
    getBallot(ctx, id)
    return { id, tally: readStoredTally(ctx, id), counted: getCounters(ctx, id).counted }
  },
})
