import { ApiError, getJson, query } from '../api/client.js'

// Views of the vouchers module's queries (modules/vouchers/README.md), as the web app reads them.

/** A fund with its totals (`fund` query). */
export interface FundView {
  id: string
  name: string
  organisation: string | null
  owner: string
  managers: string[]
  budget: number
  opensAt: string
  closesAt: string
  eligibility:
    | { kind: 'credential'; types: string[]; issuers: string[]; unitsClaim: string | null }
    | { kind: 'list' }
    | { kind: 'clerk' }
  amount:
    | { kind: 'fixed'; value: number }
    | { kind: 'perUnit'; base: number; perUnit: number; maxUnits: number; unit: string }
  voucherKind: 'budget' | 'product'
  categories: string[]
  status: 'open' | 'closed'
  debtor: { name: string; iban: string }
  totals: { committed: number; redeemed: number; reimbursed: number; vouchers: number; redemptions: number }
  remaining: number
}

/** A row of the `funds` query. */
export interface FundRow {
  id: string
  name: string
  budget: number
  eligibility: string
  status: string
  opens_at: string
  closes_at: string
}

/** A voucher (`voucher` query). */
export interface VoucherView {
  id: string
  fund: string
  kind: 'budget' | 'product'
  value: number
  balance: number
  expiresAt: string
  holder: string | null
  status: 'active' | 'used' | 'withdrawn'
}

/** A row of `vouchersOf`. */
export interface VoucherRow {
  id: string
  fund: string
  value: number
  balance: number
  issued_at: string
  expires_at: string
}

/** A provider with its offers (`provider` query). */
export interface ProviderView {
  id: string
  did: string
  name: string
  categories: string[]
  account: { name: string; iban: string }
  offers: { id: string; name: string; category: string; price: number; product: string | null; active: boolean }[]
}

/** A row of `providers` (with its approval for a fund). */
export interface ProviderRow {
  id: string
  did: string
  name: string
  categories: string[]
  status: 'pending' | 'approved' | 'suspended' | 'rejected' | null
}

/** A row of `redemptions`. */
export interface RedemptionRow {
  txid: string
  fund: string
  provider: string
  voucher: string
  amount: number
  refunded: number
  category: string
  offer: string | null
  time: string
}

/** A row of `spending`. */
export interface SpendingRow {
  key: string
  amount: number
  count: number
}

/** A row of `settlements`. */
export interface SettlementRow {
  id: string
  fund: string
  created_at: string
  execution_date: string
  total: number
  count: number
  status: string
}

/** A row of `reimbursements`. */
export interface ReimbursementRow {
  id: string
  fund: string
  voucher: string
  amount: number
  category: string
  status: 'pending' | 'approved' | 'rejected'
  time: string
}

/** One fund in the portal's aggregate (`portal` query): no person, no voucher. */
export interface PortalFund {
  id: string
  name: string
  status: string
  opensAt: string
  closesAt: string
  budget: number
  committed: number
  redeemed: number
  reimbursed: number
  vouchers: number
  redemptions: number
  providers: number
  byCategory: { category: string; amount: number; count: number }[]
}

const q = <T>(name: string, params: Record<string, string | number> = {}) => query<T>('vouchers', name, params)

export const getFund = (id: string) => q<FundView>('fund', { id })
export const getFunds = () => q<{ items: FundRow[] }>('funds').then((r) => r.items)
export const getVoucher = (id: string) => q<VoucherView>('voucher', { id })
export const getVouchersOf = (holder: string) =>
  q<{ items: VoucherRow[] }>('vouchersOf', { holder }).then((r) => r.items)
export const getProviders = (params: Record<string, string>) =>
  q<{ items: ProviderRow[] }>('providers', params).then((r) => r.items)
export const getRedemptions = (params: Record<string, string | number>) =>
  q<{ items: RedemptionRow[] }>('redemptions', params).then((r) => r.items)
export const getSpending = (fund: string, groupBy: 'provider' | 'category' | 'day' | 'month') =>
  q<{ items: SpendingRow[] }>('spending', { fund, groupBy }).then((r) => r.items)
export const getPayable = (fund: string) =>
  q<{ items: { provider: string; amount: number; count: number }[]; total: number }>('payable', { fund })
export const getSettlements = (fund: string) =>
  q<{ items: SettlementRow[] }>('settlements', { fund }).then((r) => r.items)
export const getReimbursements = (fund: string) =>
  q<{ items: ReimbursementRow[] }>('reimbursements', { fund }).then((r) => r.items)
export const getPortal = () => q<{ funds: PortalFund[] }>('portal').then((r) => r.funds)

/** The provider registered by a DID, or undefined. */
export async function findProvider(did: string): Promise<ProviderView | undefined> {
  try {
    return await q<ProviderView>('provider', { did })
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return undefined
    throw error
  }
}

/** The did:key this node signs credential-fund vouchers with (null: the node issues none). */
export const getVoucherIssuer = () => getJson<{ did: string | null; signer: string | null }>('/v1/vouchers/issuer')

async function postJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    })
  } catch (cause) {
    throw new ApiError('NETWORK', String(cause), 0)
  }
  const parsed = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } }
  if (!response.ok) throw new ApiError(parsed.error?.code ?? 'HTTP_ERROR', parsed.error?.message ?? '', response.status)
  return parsed as T
}

/** A challenge to apply to a credential fund: the nonce and audience the presentation is bound to. */
export interface Challenge {
  nonce: string
  audience: string
  expiresAt: string
  accepts: { types: string[]; issuers: string[]; unitsClaim: string | null }
}

export const getChallenge = (fund: string) =>
  postJson<Challenge>(`/v1/vouchers/funds/${fund}/applications/challenge`, {})

/** Applies with a presentation; the node issues the voucher. */
export const apply = (fund: string, nonce: string, presentation: string) =>
  postJson<{ voucher: { id: string; value: number; expiresAt: string } }>(`/v1/vouchers/funds/${fund}/applications`, {
    nonce,
    presentation,
  })

/** Pseudonymises an eligibility CSV at the node (nothing stored). */
export const pseudonymise = (fund: string, csv: string, key: string) =>
  postJson<{ count: number; entries: { beneficiary: string; units: number }[] }>(
    `/v1/vouchers/funds/${fund}/eligibility`,
    { csv, key },
  )
