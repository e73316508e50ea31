/** The module's name. */
export const VOUCHERS = 'vouchers'

/** Roles that may create and run funds (members hold `member`; clerks get `vouchers:manager`). */
export const MANAGER_ROLES = ['member', 'vouchers:manager'] as const

/** Most items in one batch action (vouchers issued, eligible pseudonyms, provider decisions). */
export const MAX_BATCH = 500

/** Longest validity of a wallet's QR authorisation. */
export const MAX_AUTHORISATION_MS = 24 * 3_600_000

export const fundKey = (fund: string) => `funds/${fund}`
export const totalsKey = (fund: string) => `totals/${fund}`
export const eligibleKey = (fund: string, beneficiary: string) => `eligible/${fund}/${beneficiary}`
export const voucherKey = (id: string) => `vouchers/${id}`
export const cardKey = (handle: string) => `cards/${handle}`
export const providerKey = (id: string) => `providers/${id}`
export const providerDidKey = (did: string) => `providerDids/${did}`
export const approvalKey = (fund: string, provider: string) => `approvals/${fund}/${provider}`
export const offerKey = (provider: string, offer: string) => `offers/${provider}/${offer}`
export const redemptionKey = (txid: string) => `redemptions/${txid}`
export const payableKey = (fund: string, provider: string) => `payable/${fund}/${provider}`
export const settlementKey = (id: string) => `settlements/${id}`
export const reimbursementKey = (id: string) => `reimbursements/${id}`
export const nonceKey = (voucher: string, nonce: string) => `qrNonces/${voucher}/${nonce}`
