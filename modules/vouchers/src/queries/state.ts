import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { totalsOf } from '../access.js'
import { fail } from '../fail.js'
import {
  cardKey,
  fundKey,
  offerKey,
  providerDidKey,
  providerKey,
  reimbursementKey,
  settlementKey,
  voucherKey,
} from '../keys.js'
import { DidSchema, Hex64Schema, IdSchema, VoucherIdSchema } from '../schemas.js'
import type { Fund, Voucher } from '../types.js'

/** `fund`: the fund with its running totals and what is left of the budget. */
export const fund = defineQuery({
  description: 'A fund, its rules and its totals (committed, redeemed, reimbursed, remaining).',
  params: z.strictObject({ id: IdSchema }),
  run(ctx, { id }) {
    const record = ctx.get<Fund>(fundKey(id)) ?? fail('NOT_FOUND', `no fund ${id}`, { fund: id })
    const totals = totalsOf(ctx, id)
    return { ...record, totals, remaining: record.budget - totals.committed }
  },
})

/** A voucher as its holder or a provider sees it: never the PIN verifier. */
export function voucherView(v: Voucher) {
  const { card, ...rest } = v
  return { ...rest, card: card === null ? null : { handle: card.handle, pin: card.pin !== null } }
}

/** `voucher`: by id, or by a printed card's handle (`cardHandle(number)`). */
export const voucher = defineQuery({
  description: 'A voucher (balance, expiry, usage this period) by id or by card handle.',
  params: z
    .strictObject({ id: VoucherIdSchema.optional(), card: Hex64Schema.optional() })
    .refine((p) => (p.id === undefined) !== (p.card === undefined), 'give id or card'),
  run(ctx, p) {
    const id =
      p.id ?? ctx.get<string>(cardKey(p.card as string)) ?? fail('VOUCHER_NOT_FOUND', 'no voucher for that card', {})
    const record = ctx.get<Voucher>(voucherKey(id)) ?? fail('VOUCHER_NOT_FOUND', `no voucher ${id}`, { voucher: id })
    return voucherView(record)
  },
})

/** `provider`: by id or by its DID, with its offers. */
export const provider = defineQuery({
  description: 'A provider (by id or DID) with its offers.',
  params: z
    .strictObject({ id: IdSchema.optional(), did: DidSchema.optional() })
    .refine((p) => (p.id === undefined) !== (p.did === undefined), 'give id or did'),
  run(ctx, p) {
    const id =
      p.id ?? ctx.get<string>(providerDidKey(p.did as string)) ?? fail('NOT_FOUND', 'no provider with that DID', {})
    const record = ctx.get(providerKey(id)) ?? fail('NOT_FOUND', `no provider ${id}`, { provider: id })
    return { ...(record as object), offers: ctx.list(offerKey(id, ''), { limit: 1000 }).map((o) => o.value) }
  },
})

/** `settlement`: a payout batch with its items (provider, account, amount, count). */
export const settlement = defineQuery({
  description: 'A payout batch with one item per provider.',
  params: z.strictObject({ id: IdSchema }),
  run(ctx, { id }) {
    return ctx.get(settlementKey(id)) ?? fail('NOT_FOUND', `no settlement ${id}`, { settlement: id })
  },
})

/** `reimbursement`: one request by id (its transaction id). */
export const reimbursement = defineQuery({
  description: 'A reimbursement request.',
  params: z.strictObject({ id: Hex64Schema }),
  run(ctx, { id }) {
    return ctx.get(reimbursementKey(id)) ?? fail('NOT_FOUND', `no reimbursement request ${id}`, { id })
  },
})

/** `payable`: what each provider would be paid if the fund settled now. */
export const payable = defineQuery({
  description: 'Amounts payable per provider of a fund since its last settlement.',
  params: z.strictObject({ fund: IdSchema }),
  run(ctx, p) {
    const prefix = `payable/${p.fund}/`
    const items = ctx
      .list<{ amount: number; count: number }>(prefix, { limit: 1000 })
      .map(({ key, value }) => ({ provider: key.slice(prefix.length), ...value }))
    return { fund: p.fund, items, total: items.reduce((s, i) => s + Math.max(0, i.amount), 0) }
  },
})
