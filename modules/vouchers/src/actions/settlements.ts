import { defineAction } from '@tabularium/ledger'
import { managedFund } from '../access.js'
import { fail } from '../fail.js'
import { MANAGER_ROLES, payableKey, providerKey, settlementKey } from '../keys.js'
import { CreateSettlementArgsSchema, SettlementPaidArgsSchema } from '../schemas.js'
import type { Provider, Settlement, SettlementItem } from '../types.js'

/**
 * `vouchers.createSettlement`: closes the period's books of a fund — every
 * provider with a positive amount payable (redemptions less refunds since
 * its last payout) gets one credit transfer in the batch, with its account
 * as of now; their payables start again from zero. Up to 1000 providers per
 * batch: run it again for more. Export with `GET /v1/vouchers/settlements/:id/pain.001`.
 */
export const createSettlement = defineAction({
  description: 'Creates a payout batch of a fund: one credit transfer per provider with an amount payable.',
  args: CreateSettlementArgsSchema,
  access: { roles: MANAGER_ROLES },
  execute(ctx, args) {
    const fund = managedFund(ctx, args.fund)
    if (ctx.get(settlementKey(args.id)) !== undefined)
      fail('ALREADY_EXISTS', `settlement ${args.id} exists`, { settlement: args.id })
    const prefix = `payable/${fund.id}/`
    const items: SettlementItem[] = []
    for (const { key, value } of ctx.list<{ amount: number; count: number }>(prefix, { limit: 1000 })) {
      if (value.amount <= 0) continue
      const provider = ctx.get<Provider>(providerKey(key.slice(prefix.length))) as Provider
      items.push({ provider: provider.id, account: provider.account, amount: value.amount, count: value.count })
      ctx.delete(payableKey(fund.id, provider.id))
    }
    if (items.length === 0) fail('CONFLICT', `nothing to pay out for fund ${fund.id}`, { fund: fund.id })
    const total = items.reduce((sum, item) => sum + item.amount, 0)
    const settlement: Settlement = {
      id: args.id,
      fund: fund.id,
      createdAt: ctx.time,
      createdBy: ctx.signer,
      executionDate: args.executionDate,
      items,
      total,
      status: 'created',
      paidAt: null,
    }
    ctx.put(settlementKey(args.id), settlement)
    ctx.emit('settlementCreated', {
      id: args.id,
      fund: fund.id,
      total,
      count: items.length,
      providers: items.map((i) => i.provider),
      executionDate: args.executionDate,
    })
  },
})

/** `vouchers.markSettlementPaid`: the bank executed the batch. */
export const markSettlementPaid = defineAction({
  description: 'Marks a payout batch as paid by the bank.',
  args: SettlementPaidArgsSchema,
  access: { roles: MANAGER_ROLES },
  execute(ctx, args) {
    const settlement =
      ctx.get<Settlement>(settlementKey(args.id)) ??
      fail('NOT_FOUND', `no settlement ${args.id}`, { settlement: args.id })
    managedFund(ctx, settlement.fund)
    if (settlement.status === 'paid') fail('CONFLICT', `settlement ${args.id} is paid already`, { settlement: args.id })
    ctx.put(settlementKey(args.id), { ...settlement, status: 'paid', paidAt: ctx.time })
    ctx.emit('settlementPaid', { id: args.id, fund: settlement.fund })
  },
})
