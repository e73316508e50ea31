import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { totalsOf } from '../access.js'
import { IdSchema } from '../schemas.js'
import { statement } from '../sqlite.js'
import type { Fund } from '../types.js'
import { TimeSchema } from './params.js'

// Fixed SQL per grouping; values are bound, never spliced.
const GROUPS = { provider: 'provider', category: 'category', day: 'day', month: 'month' } as const

/**
 * `spending`: net amounts redeemed (less refunds) and counts, grouped by
 * provider, category, day or month, for the console's charts and CSV.
 *
 * @example GET /v1/modules/vouchers/queries/spending?fund=kindpakket-2026&groupBy=category
 */
export const spending = defineQuery({
  description: 'Net spending and counts by provider, category, day or month (dashboard charts).',
  params: z.strictObject({
    fund: IdSchema.optional(),
    groupBy: z.enum(['provider', 'category', 'day', 'month']),
    from: TimeSchema.optional(),
    to: TimeSchema.optional(),
  }),
  run(ctx, p) {
    const column = GROUPS[p.groupBy]
    const rows = statement(
      ctx.db,
      `SELECT ${column} AS key, SUM(amount - refunded) AS amount, COUNT(*) AS count FROM vouchers_redemptions
       WHERE (:fund IS NULL OR fund = :fund) AND (:from IS NULL OR time >= :from) AND (:to IS NULL OR time < :to)
       GROUP BY ${column} ORDER BY ${p.groupBy === 'day' || p.groupBy === 'month' ? 'key' : 'amount DESC'} LIMIT 1000`,
    ).all({ fund: p.fund ?? null, from: p.from ?? null, to: p.to ?? null })
    return { fund: p.fund ?? null, groupBy: p.groupBy, items: rows }
  },
})

/**
 * `portal`: every fund's spending in aggregate — budget, committed, redeemed,
 * reimbursed, counts and spending by category — and never anything per
 * person or per voucher.
 */
export const portal = defineQuery({
  description: "Each fund's spending in aggregate, by category; never per person.",
  params: z.strictObject({}),
  run(ctx) {
    const byCategory = statement(
      ctx.db,
      'SELECT fund, category, SUM(amount - refunded) AS amount, COUNT(*) AS count FROM vouchers_redemptions GROUP BY fund, category',
    ).all() as { fund: string; category: string; amount: number; count: number }[]
    const providers = statement(
      ctx.db,
      `SELECT fund, COUNT(*) AS count FROM vouchers_approvals WHERE status = 'approved' GROUP BY fund`,
    ).all() as { fund: string; count: number }[]
    const funds = ctx.list<Fund>('funds/', { limit: 1000 }).map(({ value: f }) => ({
      id: f.id,
      name: f.name,
      organisation: f.organisation,
      status: f.status,
      opensAt: f.opensAt,
      closesAt: f.closesAt,
      budget: f.budget,
      ...totalsOf(ctx, f.id),
      providers: providers.find((r) => r.fund === f.id)?.count ?? 0,
      byCategory: byCategory
        .filter((r) => r.fund === f.id)
        .map(({ category, amount, count }) => ({ category, amount, count })),
    }))
    return { funds }
  },
})
