import { defineModule } from '@tabularium/ledger'
import { addEligible, closeFund, createFund, issueVouchers } from './actions/funds.js'
import { applyToFund, decideProviders, registerProvider, saveOffer } from './actions/providers.js'
import { redeem } from './actions/redeem.js'
import { refund } from './actions/refund.js'
import { decideReimbursement, requestReimbursement } from './actions/reimbursements.js'
import { createSettlement, markSettlementPaid } from './actions/settlements.js'
import { VOUCHERS } from './keys.js'
import { vouchersProjection } from './projection.js'
import { funds, offers, providers, redemptions, reimbursements, settlements, vouchersOf } from './queries/lists.js'
import { portal, spending } from './queries/spending.js'
import { fund, payable, provider, reimbursement, settlement, voucher } from './queries/state.js'

/**
 * The vouchers module: funds, vouchers, providers, redemptions, refunds,
 * settlements and reimbursements — the Stadjerspas / Kindpakket workflow.
 *
 * @example createLedger({ genesis, keys, path, modules: [governance, vouchers] })
 */
export const vouchers = defineModule({
  name: VOUCHERS,
  description: 'Smart vouchers: funds, eligibility, providers, redemption, refunds, settlement, reimbursements.',
  actions: {
    createFund,
    closeFund,
    addEligible,
    issueVouchers,
    registerProvider,
    applyToFund,
    decideProviders,
    saveOffer,
    redeem,
    refund,
    createSettlement,
    markSettlementPaid,
    requestReimbursement,
    decideReimbursement,
  },
  queries: {
    fund,
    funds,
    voucher,
    vouchersOf,
    provider,
    providers,
    offers,
    redemptions,
    spending,
    portal,
    payable,
    settlement,
    settlements,
    reimbursement,
    reimbursements,
  },
  projection: vouchersProjection,
})
