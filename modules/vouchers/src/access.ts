import type { ActionContext, StateReader } from '@tabularium/ledger'
import { findMemberId } from '@tabularium/module-governance'
import { fail } from './fail.js'
import { approvalKey, fundKey, providerDidKey, providerKey, totalsKey } from './keys.js'
import type { Approval, Fund, FundTotals, Provider } from './types.js'

/** The fund, or VOUCHER_NOT_FOUND-style NOT_FOUND. */
export function fundOf(ctx: StateReader, id: string): Fund {
  return ctx.get<Fund>(fundKey(id)) ?? fail('NOT_FOUND', `no fund ${id}`, { fund: id })
}

export function totalsOf(ctx: StateReader, fund: string): FundTotals {
  return (
    ctx.get<FundTotals>(totalsKey(fund)) ?? { committed: 0, redeemed: 0, reimbursed: 0, vouchers: 0, redemptions: 0 }
  )
}

/** True when the signer runs the fund: a listed manager, its creator, or a DID of its organisation. */
export function managesFund(ctx: ActionContext, fund: Fund): boolean {
  if (fund.owner === ctx.signer || fund.managers.includes(ctx.signer)) return true
  return fund.organisation !== null && findMemberId(ctx, ctx.signer) === fund.organisation
}

/** The fund, if the signer manages it; NOT_OWNER otherwise. */
export function managedFund(ctx: ActionContext, id: string): Fund {
  const fund = fundOf(ctx, id)
  if (!managesFund(ctx, fund)) fail('NOT_OWNER', `only the managers of fund ${id} may do this`, { fund: id })
  return fund
}

/** The provider the signer registered; PROVIDER_NOT_APPROVED when the signer is not a provider. */
export function signerProvider(ctx: ActionContext): Provider {
  const id = ctx.get<string>(providerDidKey(ctx.signer))
  const provider = id === undefined ? undefined : ctx.get<Provider>(providerKey(id))
  return provider ?? fail('PROVIDER_NOT_APPROVED', 'the signer is not a registered provider', { signer: ctx.signer })
}

/** True when the provider is approved for the fund. */
export function isApproved(ctx: StateReader, fund: string, provider: string): boolean {
  return ctx.get<Approval>(approvalKey(fund, provider))?.status === 'approved'
}

/** FUND_CLOSED unless the fund is open at the entry's time. */
export function assertFundOpen(ctx: ActionContext, fund: Fund): void {
  if (fund.status !== 'open' || ctx.time < fund.opensAt || ctx.time >= fund.closesAt) {
    fail('FUND_CLOSED', `fund ${fund.id} is not open at ${ctx.time}`, {
      fund: fund.id,
      status: fund.status,
      opensAt: fund.opensAt,
      closesAt: fund.closesAt,
    })
  }
}
