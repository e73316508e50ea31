import { type ActionContext, defineAction } from '@tabularium/ledger'
import { assertFundOpen, fundOf, isApproved, signerProvider, totalsOf } from '../access.js'
import { fail } from '../fail.js'
import {
  cardKey,
  MAX_AUTHORISATION_MS,
  nonceKey,
  offerKey,
  payableKey,
  redemptionKey,
  totalsKey,
  voucherKey,
} from '../keys.js'
import { periodOf } from '../periods.js'
import { RedeemArgsSchema } from '../schemas.js'
import { pinVerifier, sameDigest, verifyVoucherAuthorisation } from '../secrets.js'
import type { Fund, Offer, Provider, Redemption, Voucher } from '../types.js'

type Args = (typeof RedeemArgsSchema)['_output']

/**
 * `vouchers.redeem`: an approved provider takes an amount (or one offer)
 * from a voucher, presented as the wallet's signed QR authorisation or as a
 * printed card (handle + PIN proof). Every check — provider rights, expiry,
 * category, balance, limits per period — runs against the state as of this
 * entry; the ledger executes entries one by one, so two redemptions can
 * never both spend the same balance.
 *
 * @example { authorisation: { payload: { v: 1, voucher, nonce, expires }, sig }, amount: 1250, category: 'sport' }
 */
export const redeem = defineAction({
  description: 'Redeems an amount or an offer from a voucher (QR authorisation or card + PIN).',
  args: RedeemArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const provider = signerProvider(ctx)
    const voucher = authenticate(ctx, args)
    const fund = fundOf(ctx, voucher.fund)
    assertFundOpen(ctx, fund)
    if (!isApproved(ctx, fund.id, provider.id))
      fail('PROVIDER_NOT_APPROVED', `provider ${provider.id} is not approved for fund ${fund.id}`, {
        provider: provider.id,
        fund: fund.id,
      })
    if (voucher.status !== 'active' || ctx.time >= voucher.expiresAt)
      fail('VOUCHER_EXPIRED', `voucher ${voucher.id} is ${voucher.status === 'active' ? 'expired' : voucher.status}`, {
        voucher: voucher.id,
        expiresAt: voucher.expiresAt,
        status: voucher.status,
      })
    const { amount, category, offer } = purchaseOf(ctx, args, provider, fund, voucher)
    if (args.authorisation?.payload.maxAmount !== undefined && amount > args.authorisation.payload.maxAmount)
      fail('USAGE_LIMIT_REACHED', 'the amount is above what the holder authorised', {
        limit: 'authorisation.maxAmount',
        maxAmount: args.authorisation.payload.maxAmount,
      })
    if (amount > voucher.balance)
      fail('INSUFFICIENT_BALANCE', `voucher balance is ${voucher.balance}, ${amount} asked`, {
        voucher: voucher.id,
        balance: voucher.balance,
        amount,
      })
    const usage = checkLimits(ctx, fund, voucher, amount)
    const balance = voucher.kind === 'product' ? 0 : voucher.balance - amount
    ctx.put(voucherKey(voucher.id), {
      ...voucher,
      balance,
      usage,
      status: voucher.kind === 'product' ? 'used' : 'active',
    })
    record(ctx, { voucher, fund, provider, amount, category, offer, reference: args.reference ?? null })
    if (args.authorisation !== undefined) ctx.put(nonceKey(voucher.id, args.authorisation.payload.nonce), true)
    ctx.emit('redeemed', {
      redemption: ctx.txid,
      voucher: voucher.id,
      fund: fund.id,
      provider: provider.id,
      amount,
      category,
      offer,
      balance,
    })
  },
})

// The voucher the QR authorisation or the card stands for, if it proves itself.
function authenticate(ctx: ActionContext, args: Args): Voucher {
  if (args.authorisation !== undefined) {
    const { payload, sig } = args.authorisation
    const voucher =
      ctx.get<Voucher>(voucherKey(payload.voucher)) ??
      fail('VOUCHER_NOT_FOUND', `no voucher ${payload.voucher}`, { voucher: payload.voucher })
    const expires = Date.parse(payload.expires)
    const now = Date.parse(ctx.time)
    const bad = (why: string) => fail('WRONG_PIN', `the wallet authorisation ${why}`, { voucher: voucher.id })
    if (voucher.holder === null) bad('cannot be checked: the voucher has no wallet')
    if (expires <= now || expires > now + MAX_AUTHORISATION_MS) bad('has expired or is valid too long')
    if (ctx.get(nonceKey(voucher.id, payload.nonce)) !== undefined) bad('was used already')
    if (!verifyVoucherAuthorisation({ holder: voucher.holder as string, payload, sig }))
      bad('is not signed by the holder')
    return voucher
  }
  const card = args.card as NonNullable<Args['card']>
  const id = ctx.get<string>(cardKey(card.handle)) ?? fail('VOUCHER_NOT_FOUND', 'no voucher for that card', {})
  const voucher = ctx.get<Voucher>(voucherKey(id)) ?? fail('VOUCHER_NOT_FOUND', `no voucher ${id}`, { voucher: id })
  const pin = voucher.card?.pin ?? null
  if (
    pin !== null &&
    (card.pinProof === undefined || !sameDigest(pinVerifier({ salt: pin.salt, proof: card.pinProof }), pin.verifier))
  )
    fail('WRONG_PIN', 'wrong PIN for that card', { voucher: voucher.id })
  return voucher
}

// What is bought: an offer (its price and category) or an amount in a category.
function purchaseOf(ctx: ActionContext, args: Args, provider: Provider, fund: Fund, voucher: Voucher) {
  let offer: Offer | null = null
  if (args.offer !== undefined) {
    offer =
      ctx.get<Offer>(offerKey(provider.id, args.offer)) ??
      fail('NOT_FOUND', `no offer ${args.offer}`, { offer: args.offer })
    if (!offer.active) fail('OFFER_NOT_ALLOWED', `offer ${offer.id} is withdrawn`, { offer: offer.id })
  }
  const category = offer?.category ?? args.category ?? (provider.categories[0] as string)
  if (!provider.categories.includes(category) || (fund.categories.length > 0 && !fund.categories.includes(category)))
    fail('OFFER_NOT_ALLOWED', `fund ${fund.id} does not allow category ${category} here`, {
      category,
      allowed: fund.categories,
    })
  if (voucher.kind === 'product') {
    if (offer === null || offer.product !== voucher.product)
      fail('OFFER_NOT_ALLOWED', `this voucher is for product ${voucher.product}`, {
        product: voucher.product,
        offer: offer?.id ?? null,
      })
    return { amount: Math.min(offer.price, voucher.balance), category, offer: offer.id }
  }
  return { amount: args.amount ?? (offer as Offer).price, category, offer: offer?.id ?? null }
}

// USAGE_LIMIT_REACHED when the fund's limit per period would be exceeded; the new usage otherwise.
function checkLimits(ctx: ActionContext, fund: Fund, voucher: Voucher, amount: number): Voucher['usage'] {
  if (fund.limits === null) return voucher.usage
  const period = periodOf(ctx.time, fund.limits.period)
  const used = voucher.usage.period === period ? voucher.usage : { period, amount: 0, uses: 0 }
  const next = { period, amount: used.amount + amount, uses: used.uses + 1 }
  const { maxAmount, maxUses } = fund.limits
  if (maxAmount !== null && next.amount > maxAmount)
    fail('USAGE_LIMIT_REACHED', `at most ${maxAmount} per ${fund.limits.period}; ${used.amount} used`, {
      limit: 'maxAmount',
      maxAmount,
      used: used.amount,
      period,
    })
  if (maxUses !== null && next.uses > maxUses)
    fail('USAGE_LIMIT_REACHED', `at most ${maxUses} uses per ${fund.limits.period}`, {
      limit: 'maxUses',
      maxUses,
      used: used.uses,
      period,
    })
  return next
}

function record(
  ctx: ActionContext,
  p: {
    voucher: Voucher
    fund: Fund
    provider: Provider
    amount: number
    category: string
    offer: string | null
    reference: string | null
  },
): void {
  const redemption: Redemption = {
    id: ctx.txid,
    index: ctx.index,
    time: ctx.time,
    voucher: p.voucher.id,
    fund: p.fund.id,
    provider: p.provider.id,
    amount: p.amount,
    refunded: 0,
    category: p.category,
    offer: p.offer,
    reference: p.reference,
  }
  ctx.put(redemptionKey(ctx.txid), redemption)
  const payable = ctx.get<{ amount: number; count: number }>(payableKey(p.fund.id, p.provider.id)) ?? {
    amount: 0,
    count: 0,
  }
  ctx.put(payableKey(p.fund.id, p.provider.id), { amount: payable.amount + p.amount, count: payable.count + 1 })
  const totals = totalsOf(ctx, p.fund.id)
  ctx.put(totalsKey(p.fund.id), {
    ...totals,
    redeemed: totals.redeemed + p.amount,
    redemptions: totals.redemptions + 1,
  })
}
