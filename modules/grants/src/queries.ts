import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { applicationOf, callOf } from './access.js'
import { weighted } from './actions.js'
import { fail } from './fail.js'
import { awardKey } from './keys.js'
import { findOverlaps } from './overlaps.js'
import { IdSchema } from './schemas.js'
import { statement } from './sqlite.js'
import type { Application } from './types.js'

/** `call`: the call with its applications (facts and commitments, never content). */
export const call = defineQuery({
  description: 'A call and its applications (commitments only, never content).',
  params: z.strictObject({ id: IdSchema }),
  run(ctx, { id }) {
    const record = callOf(ctx, id)
    const applications = ctx.list<Application>(`applications/${id}/`, { limit: 1000 }).map((a) => a.value)
    return { ...record, applications }
  },
})

/** `calls`: every call, open first. */
export const calls = defineQuery({
  description: 'Every call.',
  params: z.strictObject({}),
  run(ctx) {
    return { items: ctx.list('calls/', { limit: 1000 }).map((c) => c.value) }
  },
})

/**
 * `overlaps`: the evidence for evaluators, live from state — every award of
 * any funder on the network that overlaps the application — and the flags
 * raised so far (events), newest first.
 */
export const overlaps = defineQuery({
  description: 'Awards of any funder overlapping an application (double funding), and the flags raised.',
  params: z.strictObject({ call: IdSchema, application: IdSchema }),
  run(ctx, p) {
    const application = applicationOf(ctx, p.call, p.application)
    const flags = (
      statement(
        ctx.db,
        'SELECT seq, time, overlaps FROM grants_flags WHERE call = ? AND application = ? ORDER BY seq DESC',
      ).all(p.call, p.application) as { seq: number; time: string; overlaps: string }[]
    ).map((f) => ({ index: f.seq, time: f.time, overlaps: JSON.parse(f.overlaps) as unknown }))
    return { call: p.call, application: p.application, overlaps: findOverlaps(ctx, application), flags }
  },
})

/** `ranking`: applications by mean weighted score (0–100), with the number of evaluations. */
export const ranking = defineQuery({
  description: 'Applications ranked by mean weighted score.',
  params: z.strictObject({ call: IdSchema }),
  run(ctx, p) {
    const record = callOf(ctx, p.call)
    const rows = ctx.list<Application>(`applications/${p.call}/`, { limit: 1000 }).map(({ value: a }) => {
      const totals = ctx
        .list<{ scores: Record<string, number> }>(`scores/${p.call}/${a.id}/`, { limit: 100 })
        .map((s) => weighted(record, s.value.scores))
      const mean =
        totals.length === 0 ? null : Math.round((totals.reduce((x, y) => x + y, 0) / totals.length) * 100) / 100
      return {
        application: a.id,
        organisation: a.organisation,
        project: a.project,
        requested: a.requested,
        status: a.status,
        evaluations: totals.length,
        score: mean,
      }
    })
    return { call: p.call, items: rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1)) }
  },
})

/** `award`: one award with its milestones. */
export const awardById = defineQuery({
  description: 'An award with its milestones.',
  params: z.strictObject({ id: IdSchema }),
  run(ctx, { id }) {
    return ctx.get(awardKey(id)) ?? fail('NOT_FOUND', `no award ${id}`, { award: id })
  },
})

/** `awards`: awards, by organisation (for the portal: public spending). */
export const awards = defineQuery({
  description: 'Awards, by beneficiary organisation or funder.',
  params: z.strictObject({ organisation: z.string().max(40).optional(), funder: z.string().max(64).optional() }),
  run(ctx, p) {
    return {
      items: statement(
        ctx.db,
        'SELECT * FROM grants_awards WHERE (:o IS NULL OR organisation = :o) AND (:f IS NULL OR funder = :f) ORDER BY time DESC LIMIT 1000',
      ).all({ o: p.organisation ?? null, f: p.funder ?? null }),
    }
  },
})
