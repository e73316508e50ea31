import { createHash } from 'node:crypto'
import { type ActionContext, defineAction } from '@tabularium/ledger'
import { findMemberId } from '@tabularium/module-governance'
import { assertFundOpen, managedFund, totalsOf } from '../access.js'
import { voucherValue } from '../amounts.js'
import { fail } from '../fail.js'
import { cardKey, eligibleKey, fundKey, MANAGER_ROLES, totalsKey, voucherKey } from '../keys.js'
import {
  AddEligibleArgsSchema,
  CloseFundArgsSchema,
  CreateFundArgsSchema,
  IssueVouchersArgsSchema,
} from '../schemas.js'
import type { Fund, Voucher } from '../types.js'

/**
 * `vouchers.createFund`: a programme with a budget, a period, an eligibility
 * rule (credential, uploaded list, clerk), an amount rule (fixed or per unit),
 * optional limits per period, and the account payouts are made from.
 *
 * @example { id: 'kindpakket-2026', name: 'Kindpakket 2026', budget: 50_000_00, opensAt, closesAt, eligibility: { kind: 'list' }, amount: { kind: 'perUnit', base: 0, perUnit: 150_00, maxUnits: 6, unit: 'child' }, debtor: { name: 'Gemeente Zuidhorn', iban: 'NL91ABNA0417164300' } }
 */
export const createFund = defineAction({
  description: 'Creates a voucher fund: budget, period, eligibility, amount rule, limits and payout account.',
  args: CreateFundArgsSchema,
  access: { roles: MANAGER_ROLES },
  execute(ctx, args) {
    if (ctx.get(fundKey(args.id)) !== undefined) fail('ALREADY_EXISTS', `fund ${args.id} exists`, { fund: args.id })
    const fund: Fund = {
      id: args.id,
      name: args.name,
      organisation: findMemberId(ctx, ctx.signer) ?? null,
      owner: ctx.signer,
      managers: args.managers,
      currency: 'EUR',
      budget: args.budget,
      opensAt: args.opensAt,
      closesAt: args.closesAt,
      eligibility:
        args.eligibility.kind === 'credential'
          ? { ...args.eligibility, unitsClaim: args.eligibility.unitsClaim ?? null }
          : args.eligibility,
      amount: args.amount,
      voucherKind: args.voucherKind,
      product: args.product ?? null,
      categories: args.categories,
      validDays: args.validDays ?? null,
      limits:
        args.limits === undefined
          ? null
          : {
              period: args.limits.period,
              maxAmount: args.limits.maxAmount ?? null,
              maxUses: args.limits.maxUses ?? null,
            },
      debtor: { name: args.debtor.name, iban: args.debtor.iban, bic: args.debtor.bic ?? null },
      status: 'open',
      createdAt: ctx.time,
    }
    ctx.put(fundKey(fund.id), fund)
    ctx.emit('fundCreated', {
      fund: fund.id,
      name: fund.name,
      organisation: fund.organisation,
      budget: fund.budget,
      opensAt: fund.opensAt,
      closesAt: fund.closesAt,
      eligibility: fund.eligibility.kind,
      voucherKind: fund.voucherKind,
    })
  },
})

/** `vouchers.closeFund`: no more issuing or redeeming; settlements and refunds of past redemptions go on. */
export const closeFund = defineAction({
  description: 'Closes a fund: no more vouchers issued or redeemed.',
  args: CloseFundArgsSchema,
  access: { roles: MANAGER_ROLES },
  execute(ctx, args) {
    const fund = managedFund(ctx, args.fund)
    if (fund.status === 'closed') fail('CONFLICT', `fund ${fund.id} is closed already`, { fund: fund.id })
    ctx.put(fundKey(fund.id), { ...fund, status: 'closed' })
    ctx.emit('fundClosed', { fund: fund.id })
  },
})

/**
 * `vouchers.addEligible`: adds pseudonymous beneficiaries (from the CSV the
 * municipality uploads, pseudonymised at the node) to a list fund.
 */
export const addEligible = defineAction({
  description: "Adds pseudonymous beneficiaries to a list fund's eligibility list (≤ 500 per transaction).",
  args: AddEligibleArgsSchema,
  access: { roles: MANAGER_ROLES },
  execute(ctx, args) {
    const fund = managedFund(ctx, args.fund)
    if (fund.eligibility.kind !== 'list') fail('CONFLICT', `fund ${fund.id} is not a list fund`, { fund: fund.id })
    for (const entry of args.entries)
      ctx.put(eligibleKey(fund.id, entry.beneficiary), { units: entry.units, at: ctx.time })
    ctx.emit('eligibleAdded', { fund: fund.id, count: args.entries.length })
  },
})

/**
 * The default id of a voucher: derived from fund and beneficiary, so a client
 * knows it before the transaction commits.
 *
 * @example voucherIdOf('kindpakket-2026', '9f86d08…') // 'v-3c1f…' (24 hex)
 */
export function voucherIdOf(fund: string, beneficiary: string): string {
  return `v-${createHash('sha256').update(`tabularium/vouchers/voucher-id/v1\n${fund}\n${beneficiary}`).digest('hex').slice(0, 24)}`
}

/**
 * `vouchers.issueVouchers`: issues vouchers to pseudonymous beneficiaries
 * (≤ 500 per transaction), each worth the fund's amount rule for its units;
 * for a list fund only to listed beneficiaries (with their listed units), for
 * a credential fund only with the digest of the verified credential as
 * evidence. Refused as a whole when the budget would be exceeded.
 */
export const issueVouchers = defineAction({
  description: 'Issues vouchers to pseudonymous beneficiaries, within the budget and the eligibility rule.',
  args: IssueVouchersArgsSchema,
  access: { roles: MANAGER_ROLES },
  execute(ctx, args) {
    const fund = managedFund(ctx, args.fund)
    assertFundOpen(ctx, fund)
    const totals = totalsOf(ctx, fund.id)
    const issued = args.vouchers.map((item) => issueOne(ctx, fund, item))
    const total = issued.reduce((sum, v) => sum + v.value, 0)
    if (totals.committed + total > fund.budget) {
      fail('BUDGET_EXHAUSTED', `fund ${fund.id} has ${fund.budget - totals.committed} left, ${total} asked`, {
        fund: fund.id,
        remaining: fund.budget - totals.committed,
        requested: total,
      })
    }
    ctx.put(totalsKey(fund.id), {
      ...totals,
      committed: totals.committed + total,
      vouchers: totals.vouchers + issued.length,
    })
    ctx.emit('vouchersIssued', {
      fund: fund.id,
      total,
      vouchers: issued.map((v) => ({
        id: v.id,
        value: v.value,
        expiresAt: v.expiresAt,
        holder: v.holder,
        basis: v.basis,
      })),
    })
  },
})

type IssueItem = (typeof IssueVouchersArgsSchema)['_output']['vouchers'][number]

function issueOne(ctx: ActionContext, fund: Fund, item: IssueItem): Voucher {
  const units = unitsFor(ctx, fund, item)
  const id = item.id ?? voucherIdOf(fund.id, item.beneficiary)
  if (ctx.get(voucherKey(id)) !== undefined)
    fail('ALREADY_EXISTS', `voucher ${id} exists`, { voucher: id, beneficiary: item.beneficiary })
  if (item.card !== undefined && ctx.get(cardKey(item.card.handle)) !== undefined)
    fail('ALREADY_EXISTS', 'that card is already in use', { voucher: id })
  const validUntil =
    fund.validDays === null ? fund.closesAt : new Date(Date.parse(ctx.time) + fund.validDays * 86_400_000).toISOString()
  const value = voucherValue(fund.amount, units)
  const voucher: Voucher = {
    id,
    fund: fund.id,
    beneficiary: item.beneficiary,
    kind: fund.voucherKind,
    value,
    balance: value,
    units,
    product: fund.product,
    issuedAt: ctx.time,
    expiresAt: validUntil < fund.closesAt ? validUntil : fund.closesAt,
    holder: item.holder ?? null,
    card: item.card === undefined ? null : { handle: item.card.handle, pin: item.card.pin ?? null },
    usage: { period: '', amount: 0, uses: 0 },
    basis: fund.eligibility.kind,
    evidence: item.evidence ?? null,
    status: 'active',
  }
  ctx.put(voucherKey(id), voucher)
  if (voucher.card !== null) ctx.put(cardKey(voucher.card.handle), id)
  return voucher
}

// Units come from the list for a list fund; a credential fund needs evidence.
function unitsFor(ctx: ActionContext, fund: Fund, item: IssueItem): number {
  if (fund.eligibility.kind === 'list') {
    const listed = ctx.get<{ units: number }>(eligibleKey(fund.id, item.beneficiary))
    if (listed === undefined)
      fail('NOT_ELIGIBLE', `beneficiary is not on the list of fund ${fund.id}`, {
        fund: fund.id,
        beneficiary: item.beneficiary,
      })
    return listed.units
  }
  if (fund.eligibility.kind === 'credential' && item.evidence === undefined)
    fail('NOT_ELIGIBLE', `fund ${fund.id} issues only against a verified credential (evidence)`, {
      fund: fund.id,
      beneficiary: item.beneficiary,
    })
  return item.units ?? 0
}
