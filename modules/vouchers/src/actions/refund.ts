import { defineAction } from '@tabularium/ledger'
import { signerProvider, totalsOf } from '../access.js'
import { fail } from '../fail.js'
import { payableKey, redemptionKey, totalsKey, voucherKey } from '../keys.js'
import { RefundArgsSchema } from '../schemas.js'
import type { Redemption, Voucher } from '../types.js'

/**
 * `vouchers.refund`: the provider that redeemed gives (part of) it back to
 * the voucher — goods returned. The provider's next payout shrinks by as much.
 *
 * @example { redemption: '<txid of the redemption>', amount: 500, reason: 'returned' }
 */
export const refund = defineAction({
  description: 'Refunds (part of) a redemption to the voucher; only the provider that redeemed.',
  args: RefundArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const provider = signerProvider(ctx)
    const redemption =
      ctx.get<Redemption>(redemptionKey(args.redemption)) ??
      fail('NOT_FOUND', `no redemption ${args.redemption}`, { redemption: args.redemption })
    if (redemption.provider !== provider.id)
      fail('NOT_OWNER', 'only the provider that redeemed may refund', { redemption: redemption.id })
    const left = redemption.amount - redemption.refunded
    const amount = args.amount ?? left
    if (amount > left)
      fail('CONFLICT', `only ${left} of this redemption is left to refund`, { refundable: left, amount })
    const voucher = ctx.get<Voucher>(voucherKey(redemption.voucher)) as Voucher
    const balance = voucher.balance + amount
    ctx.put(voucherKey(voucher.id), {
      ...voucher,
      balance,
      status: voucher.status === 'used' ? 'active' : voucher.status,
    })
    ctx.put(redemptionKey(redemption.id), { ...redemption, refunded: redemption.refunded + amount })
    const payable = ctx.get<{ amount: number; count: number }>(payableKey(redemption.fund, provider.id)) ?? {
      amount: 0,
      count: 0,
    }
    ctx.put(payableKey(redemption.fund, provider.id), { ...payable, amount: payable.amount - amount })
    const totals = totalsOf(ctx, redemption.fund)
    ctx.put(totalsKey(redemption.fund), { ...totals, redeemed: totals.redeemed - amount })
    ctx.emit('refunded', {
      redemption: redemption.id,
      voucher: voucher.id,
      fund: redemption.fund,
      provider: provider.id,
      amount,
      balance,
      reason: args.reason,
    })
  },
})
