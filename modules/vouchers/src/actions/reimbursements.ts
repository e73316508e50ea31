import { defineAction } from '@tabularium/ledger'
import { fundOf, managedFund, managesFund, totalsOf } from '../access.js'
import { fail } from '../fail.js'
import { MANAGER_ROLES, reimbursementKey, totalsKey, voucherKey } from '../keys.js'
import { DecideReimbursementArgsSchema, RequestReimbursementArgsSchema } from '../schemas.js'
import type { Reimbursement, Voucher } from '../types.js'

/**
 * `vouchers.requestReimbursement`: the holder paid an eligible expense
 * themselves (or a clerk files it for them) and asks to be refunded from the
 * voucher. The receipt is a hash; the payee is a vault reference, so neither
 * a name nor an IBAN reaches the ledger. The id is the transaction id.
 */
export const requestReimbursement = defineAction({
  description: 'Asks to be reimbursed from a voucher for an expense paid out of pocket.',
  args: RequestReimbursementArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const voucher =
      ctx.get<Voucher>(voucherKey(args.voucher)) ??
      fail('VOUCHER_NOT_FOUND', `no voucher ${args.voucher}`, { voucher: args.voucher })
    const fund = fundOf(ctx, voucher.fund)
    if (voucher.holder !== ctx.signer && !managesFund(ctx, fund))
      fail('NOT_OWNER', 'only the holder of the voucher or a fund manager may ask', { voucher: voucher.id })
    if (fund.categories.length > 0 && !fund.categories.includes(args.category))
      fail('OFFER_NOT_ALLOWED', `fund ${fund.id} does not cover ${args.category}`, { category: args.category })
    if (args.amount > voucher.balance)
      fail('INSUFFICIENT_BALANCE', `voucher balance is ${voucher.balance}`, {
        balance: voucher.balance,
        amount: args.amount,
      })
    const request: Reimbursement = {
      id: ctx.txid,
      fund: fund.id,
      voucher: voucher.id,
      amount: args.amount,
      category: args.category,
      receipt: args.receipt,
      payeeRef: args.payeeRef,
      requestedBy: ctx.signer,
      requestedAt: ctx.time,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      reason: null,
    }
    ctx.put(reimbursementKey(ctx.txid), request)
    ctx.emit('reimbursementRequested', {
      id: ctx.txid,
      fund: fund.id,
      voucher: voucher.id,
      amount: args.amount,
      category: args.category,
    })
  },
})

/** `vouchers.decideReimbursement`: a fund manager approves (debiting the voucher, atomically) or rejects. */
export const decideReimbursement = defineAction({
  description: 'Approves (debiting the voucher) or rejects a reimbursement request.',
  args: DecideReimbursementArgsSchema,
  access: { roles: MANAGER_ROLES },
  execute(ctx, args) {
    const request =
      ctx.get<Reimbursement>(reimbursementKey(args.id)) ??
      fail('NOT_FOUND', `no reimbursement request ${args.id}`, { id: args.id })
    managedFund(ctx, request.fund)
    if (request.status !== 'pending')
      fail('CONFLICT', `the request is ${request.status} already`, { id: args.id, status: request.status })
    if (args.approve) {
      const voucher = ctx.get<Voucher>(voucherKey(request.voucher)) as Voucher
      if (voucher.status === 'withdrawn' || ctx.time >= voucher.expiresAt)
        fail('VOUCHER_EXPIRED', `voucher ${voucher.id} expired`, { voucher: voucher.id })
      if (request.amount > voucher.balance)
        fail('INSUFFICIENT_BALANCE', `voucher balance is ${voucher.balance}`, {
          balance: voucher.balance,
          amount: request.amount,
        })
      const balance = voucher.balance - request.amount
      ctx.put(voucherKey(voucher.id), { ...voucher, balance })
      const totals = totalsOf(ctx, request.fund)
      ctx.put(totalsKey(request.fund), { ...totals, reimbursed: totals.reimbursed + request.amount })
    }
    const status = args.approve ? 'approved' : 'rejected'
    ctx.put(reimbursementKey(args.id), {
      ...request,
      status,
      decidedBy: ctx.signer,
      decidedAt: ctx.time,
      reason: args.reason ?? null,
    })
    ctx.emit('reimbursementDecided', {
      id: args.id,
      fund: request.fund,
      voucher: request.voucher,
      amount: request.amount,
      status,
    })
  },
})
