import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { getCounters, getPetition } from '../actions/read.js'
import { phaseAt } from '../rules/schedule.js'
import { ProcessIdSchema } from '../schemas.js'
import type { PetitionRecord } from '../types.js'

/**
 * `petition`: text, status, public signature count and whether the threshold was reached.
 *
 * @example GET /v1/modules/ballots/queries/petition?id=bike-lanes
 */
export const petition = defineQuery({
  description: 'A petition: text, status, signature count, threshold and when it was reached.',
  params: z.strictObject({ id: ProcessIdSchema, at: z.iso.datetime().optional() }),
  run(ctx, { id, at }) {
    const record = getPetition(ctx, id)
    return {
      ...record,
      status: phaseAt(record, at ?? new Date().toISOString()),
      tokensIssued: getCounters(ctx, id).issued,
    }
  },
})

/**
 * `petitions`: every petition with its count.
 *
 * @example GET /v1/modules/ballots/queries/petitions
 */
export const petitions = defineQuery({
  description: 'Every petition with its signature count and threshold.',
  params: z.strictObject({}),
  run(ctx) {
    return {
      items: ctx.list<PetitionRecord>('petitions/', { limit: 1000 }).map(({ value: p }) => ({
        id: p.id,
        title: p.title,
        signatures: p.signatures,
        threshold: p.threshold,
        reachedAt: p.reachedAt,
        closes: p.closes,
      })),
    }
  },
})
