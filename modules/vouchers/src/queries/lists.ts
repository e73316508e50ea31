import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { CategorySchema, DidSchema, IdSchema } from '../schemas.js'
import { statement } from '../sqlite.js'
import { CursorSchema, limitSchema, TimeSchema } from './params.js'

/** `funds`: every fund, newest first, optionally by status. */
export const funds = defineQuery({
  description: 'Funds, newest first.',
  params: z.strictObject({ status: z.enum(['open', 'closed']).optional() }),
  run(ctx, p) {
    const rows = statement(
      ctx.db,
      'SELECT * FROM vouchers_funds WHERE (:status IS NULL OR status = :status) ORDER BY created_at DESC LIMIT 1000',
    ).all({ status: p.status ?? null })
    return { items: rows }
  },
})

/** `vouchersOf`: the vouchers of a wallet (holder DID). */
export const vouchersOf = defineQuery({
  description: "A wallet's vouchers (by holder DID) with balances.",
  params: z.strictObject({ holder: DidSchema }),
  run(ctx, p) {
    return {
      items: statement(
        ctx.db,
        'SELECT * FROM vouchers_vouchers WHERE holder = ? ORDER BY issued_at DESC LIMIT 100',
      ).all(p.holder),
    }
  },
})

/** `providers`: providers with their status for a fund, or all of them. */
export const providers = defineQuery({
  description: 'Providers, with their approval status for a fund; by status and category.',
  params: z.strictObject({
    fund: IdSchema.optional(),
    status: z.enum(['pending', 'approved', 'suspended', 'rejected']).optional(),
    category: CategorySchema.optional(),
    limit: limitSchema(1000, 100),
    cursor: z.string().max(24).optional(),
  }),
  run(ctx, p) {
    const rows = statement(
      ctx.db,
      `SELECT p.id, p.did, p.name, p.categories, a.status FROM vouchers_providers p
       LEFT JOIN vouchers_approvals a ON a.provider = p.id AND a.fund = :fund
       WHERE (:fund IS NULL OR a.status IS NOT NULL) AND (:status IS NULL OR a.status = :status)
       AND (:category IS NULL OR EXISTS (SELECT 1 FROM json_each(p.categories) WHERE value = :category))
       AND p.id > :cursor ORDER BY p.id LIMIT :limit`,
    ).all({
      fund: p.fund ?? null,
      status: p.status ?? null,
      category: p.category ?? null,
      cursor: p.cursor ?? '',
      limit: p.limit + 1,
    }) as { id: string; categories: string }[]
    const page = rows.slice(0, p.limit).map((r) => ({ ...r, categories: JSON.parse(r.categories) as string[] }))
    return { items: page, nextCursor: rows.length > p.limit ? (page.at(-1)?.id ?? null) : null }
  },
})

/** `offers`: active offers, by provider, category or product. */
export const offers = defineQuery({
  description: 'Active products and offers, by provider, category or product code.',
  params: z.strictObject({
    provider: IdSchema.optional(),
    category: CategorySchema.optional(),
    product: CategorySchema.optional(),
  }),
  run(ctx, p) {
    const rows = statement(
      ctx.db,
      `SELECT * FROM vouchers_offers WHERE active = 1 AND (:provider IS NULL OR provider = :provider)
       AND (:category IS NULL OR category = :category) AND (:product IS NULL OR product = :product) ORDER BY provider, id LIMIT 1000`,
    ).all({ provider: p.provider ?? null, category: p.category ?? null, product: p.product ?? null })
    return { items: rows }
  },
})

/** `redemptions`: a provider's or a fund's redemptions, newest first (for the provider page and the console). */
export const redemptions = defineQuery({
  description: 'Redemptions of a provider or fund, newest first (not for the portal: lists vouchers).',
  params: z.strictObject({
    provider: IdSchema.optional(),
    fund: IdSchema.optional(),
    from: TimeSchema.optional(),
    to: TimeSchema.optional(),
    limit: limitSchema(500, 100),
    cursor: CursorSchema.optional(),
  }),
  run(ctx, p) {
    const rows = statement(
      ctx.db,
      `SELECT * FROM vouchers_redemptions WHERE (:provider IS NULL OR provider = :provider) AND (:fund IS NULL OR fund = :fund)
       AND (:from IS NULL OR time >= :from) AND (:to IS NULL OR time < :to) AND seq < :cursor ORDER BY seq DESC LIMIT :limit`,
    ).all({
      provider: p.provider ?? null,
      fund: p.fund ?? null,
      from: p.from ?? null,
      to: p.to ?? null,
      cursor: p.cursor === undefined ? Number.MAX_SAFE_INTEGER : Number(p.cursor),
      limit: p.limit + 1,
    }) as { seq: number }[]
    const page = rows.slice(0, p.limit)
    return { items: page, nextCursor: rows.length > p.limit ? String(page.at(-1)?.seq) : null }
  },
})

/** `settlements`: payout batches of a fund, newest first. */
export const settlements = defineQuery({
  description: 'Payout batches, newest first.',
  params: z.strictObject({ fund: IdSchema.optional() }),
  run(ctx, p) {
    return {
      items: statement(
        ctx.db,
        'SELECT * FROM vouchers_settlements WHERE (:fund IS NULL OR fund = :fund) ORDER BY created_at DESC LIMIT 500',
      ).all({ fund: p.fund ?? null }),
    }
  },
})

/** `reimbursements`: requests of a fund, by status. */
export const reimbursements = defineQuery({
  description: 'Reimbursement requests, by fund and status.',
  params: z.strictObject({ fund: IdSchema.optional(), status: z.enum(['pending', 'approved', 'rejected']).optional() }),
  run(ctx, p) {
    return {
      items: statement(
        ctx.db,
        'SELECT * FROM vouchers_reimbursements WHERE (:fund IS NULL OR fund = :fund) AND (:status IS NULL OR status = :status) ORDER BY time DESC LIMIT 500',
      ).all({ fund: p.fund ?? null, status: p.status ?? null }),
    }
  },
})
