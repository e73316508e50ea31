export { addEligible, closeFund, createFund, issueVouchers, voucherIdOf } from './actions/funds.js'
export { applyToFund, decideProviders, registerProvider, saveOffer } from './actions/providers.js'
export { redeem } from './actions/redeem.js'
export { refund } from './actions/refund.js'
export { decideReimbursement, requestReimbursement } from './actions/reimbursements.js'
export { createSettlement, markSettlementPaid } from './actions/settlements.js'
export { formatAmount, voucherValue } from './amounts.js'
export type {
  AssessCredentialParameters,
  CheckCredentialEligibilityParameters,
  CredentialEligibility,
} from './eligibility/checkCredentialEligibility.js'
export { assessCredential, checkCredentialEligibility } from './eligibility/checkCredentialEligibility.js'
export { csvCell, settlementCsv, toCsv } from './exports/csv.js'
export type { EligibilityRow } from './exports/eligibilityCsv.js'
export { MAX_ELIGIBILITY_ROWS, parseEligibilityCsv, pseudonymiseRows } from './exports/eligibilityCsv.js'
export { buildPain001, PAIN_001_NAMESPACE } from './exports/pain001.js'
export { isValidIban, normaliseIban } from './iban.js'
export { fundKey, MANAGER_ROLES, MAX_BATCH, settlementKey, VOUCHERS, voucherKey } from './keys.js'
export { periodOf } from './periods.js'
export { vouchersProjection } from './projection.js'
export { IbanSchema, RedeemArgsSchema } from './schemas.js'
export type { AuthorisationPayload } from './secrets.js'
export {
  cardHandle,
  pinProof,
  pinVerifier,
  pseudonymOf,
  signVoucherAuthorisation,
  verifyVoucherAuthorisation,
} from './secrets.js'
export type {
  Account,
  Fund,
  FundTotals,
  Offer,
  Provider,
  Redemption,
  Reimbursement,
  Settlement,
  SettlementItem,
  Voucher,
} from './types.js'
export { vouchers } from './vouchers.js'
