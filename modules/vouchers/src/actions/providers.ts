import { type ActionContext, defineAction } from '@tabularium/ledger'
import { fundOf, managedFund, signerProvider } from '../access.js'
import { fail } from '../fail.js'
import { approvalKey, MANAGER_ROLES, offerKey, providerDidKey, providerKey } from '../keys.js'
import {
  ApplyToFundArgsSchema,
  DecideProvidersArgsSchema,
  RegisterProviderArgsSchema,
  SaveOfferArgsSchema,
} from '../schemas.js'
import type { Approval, Offer, Provider } from '../types.js'

/**
 * `vouchers.registerProvider`: a shop or service signs up with its payout
 * account (IBAN checked) and categories, and applies to funds. The signer's
 * DID is the provider's key for redemptions. Public: approval is per fund.
 */
export const registerProvider = defineAction({
  description: 'Signs up a provider (shop, club, service) with its IBAN and categories; applies to funds.',
  args: RegisterProviderArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    if (ctx.get(providerKey(args.id)) !== undefined)
      fail('ALREADY_EXISTS', `provider ${args.id} exists`, { provider: args.id })
    if (ctx.get(providerDidKey(ctx.signer)) !== undefined)
      fail('ALREADY_EXISTS', 'this DID already registered a provider', { did: ctx.signer })
    const provider: Provider = {
      id: args.id,
      did: ctx.signer,
      name: args.name,
      account: { name: args.account.name, iban: args.account.iban, bic: args.account.bic ?? null },
      categories: args.categories,
      registeredAt: ctx.time,
    }
    ctx.put(providerKey(args.id), provider)
    ctx.put(providerDidKey(ctx.signer), args.id)
    ctx.emit('providerRegistered', { provider: args.id, name: args.name, categories: args.categories })
    for (const fund of args.funds) apply(ctx, provider, fund)
  },
})

/** `vouchers.applyToFund`: the provider asks to accept a fund's vouchers. */
export const applyToFund = defineAction({
  description: "Asks to accept a fund's vouchers (pending until a manager decides).",
  args: ApplyToFundArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    apply(ctx, signerProvider(ctx), args.fund)
  },
})

function apply(ctx: ActionContext, provider: Provider, fund: string): void {
  fundOf(ctx, fund)
  const current = ctx.get<Approval>(approvalKey(fund, provider.id))
  if (current !== undefined)
    fail('ALREADY_EXISTS', `provider ${provider.id} already applied to ${fund}`, { fund, status: current.status })
  ctx.put(approvalKey(fund, provider.id), { status: 'pending', at: ctx.time, by: ctx.signer })
  ctx.emit('providerApplied', { fund, provider: provider.id })
}

/**
 * `vouchers.decideProviders`: a fund manager approves, suspends or rejects
 * providers for the fund (≤ 500 at once); a provider that never applied can
 * be approved directly.
 */
export const decideProviders = defineAction({
  description: 'Approves, suspends or rejects providers for a fund.',
  args: DecideProvidersArgsSchema,
  access: { roles: MANAGER_ROLES },
  execute(ctx, args) {
    const fund = managedFund(ctx, args.fund)
    for (const id of args.providers) {
      if (ctx.get(providerKey(id)) === undefined) fail('NOT_FOUND', `no provider ${id}`, { provider: id })
      ctx.put(approvalKey(fund.id, id), { status: args.status, at: ctx.time, by: ctx.signer })
    }
    ctx.emit('providersDecided', { fund: fund.id, providers: args.providers, status: args.status })
  },
})

/** `vouchers.saveOffer`: the provider adds or changes a product or offer with its price. */
export const saveOffer = defineAction({
  description: 'Adds or updates one of the signing provider’s products or offers, with its price.',
  args: SaveOfferArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const provider = signerProvider(ctx)
    if (!provider.categories.includes(args.category))
      fail('OFFER_NOT_ALLOWED', `category ${args.category} is not one of the provider's`, {
        category: args.category,
        categories: provider.categories,
      })
    const offer: Offer = {
      id: args.id,
      provider: provider.id,
      name: args.name,
      category: args.category,
      price: args.price,
      product: args.product ?? null,
      active: args.active,
    }
    ctx.put(offerKey(provider.id, args.id), offer)
    ctx.emit('offerSaved', offer)
  },
})
