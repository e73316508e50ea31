// `type` aliases, not interfaces, so that records are assignable to `Json`.
// Amounts are integers in minor units (cents).

/** Who may receive a voucher of the fund, and how that is shown. */
export type Eligibility =
  | { kind: 'credential'; types: string[]; issuers: string[]; unitsClaim: string | null }
  | { kind: 'list' }
  | { kind: 'clerk' }

/** The value of a voucher: fixed, or a base plus an amount per unit (e.g. per child). */
export type AmountRule =
  | { kind: 'fixed'; value: number }
  | { kind: 'perUnit'; base: number; perUnit: number; maxUnits: number; unit: string }

/** A usage limit per calendar period (UTC; ISO weeks). */
export type Limits = { period: 'day' | 'week' | 'month'; maxAmount: number | null; maxUses: number | null }

/** A bank account for SEPA credit transfers. */
export type Account = { name: string; iban: string; bic: string | null }

export type Fund = {
  id: string
  name: string
  organisation: string | null
  owner: string
  managers: string[]
  currency: 'EUR'
  budget: number
  opensAt: string
  closesAt: string
  eligibility: Eligibility
  amount: AmountRule
  voucherKind: 'budget' | 'product'
  /** For product vouchers: the product code an offer must carry. */
  product: string | null
  /** Categories vouchers may be spent on; [] = any. */
  categories: string[]
  validDays: number | null
  limits: Limits | null
  debtor: Account
  status: 'open' | 'closed'
  createdAt: string
}

/** Running totals of a fund, kept apart from the fund so that redemptions rewrite a small value. */
export type FundTotals = {
  committed: number
  redeemed: number
  reimbursed: number
  vouchers: number
  redemptions: number
}

export type PinVerifier = { salt: string; verifier: string }

export type Voucher = {
  id: string
  fund: string
  /** Pseudonymous id of the beneficiary (HMAC of a municipal id); never a name. */
  beneficiary: string
  kind: 'budget' | 'product'
  value: number
  balance: number
  units: number
  product: string | null
  issuedAt: string
  expiresAt: string
  holder: string | null
  card: { handle: string; pin: PinVerifier | null } | null
  usage: { period: string; amount: number; uses: number }
  basis: 'credential' | 'list' | 'clerk'
  evidence: string | null
  status: 'active' | 'used' | 'withdrawn'
}

export type Provider = {
  id: string
  did: string
  name: string
  account: Account
  categories: string[]
  registeredAt: string
}

export type Approval = { status: 'pending' | 'approved' | 'suspended' | 'rejected'; at: string; by: string }

export type Offer = {
  id: string
  provider: string
  name: string
  category: string
  price: number
  product: string | null
  active: boolean
}

export type Redemption = {
  id: string
  index: number
  time: string
  voucher: string
  fund: string
  provider: string
  amount: number
  refunded: number
  category: string
  offer: string | null
  reference: string | null
}

export type SettlementItem = { provider: string; account: Account; amount: number; count: number }

export type Settlement = {
  id: string
  fund: string
  createdAt: string
  createdBy: string
  executionDate: string
  items: SettlementItem[]
  total: number
  status: 'created' | 'paid'
  paidAt: string | null
}

export type Reimbursement = {
  id: string
  fund: string
  voucher: string
  amount: number
  category: string
  receipt: string
  payeeRef: string
  requestedBy: string
  requestedAt: string
  status: 'pending' | 'approved' | 'rejected'
  decidedBy: string | null
  decidedAt: string | null
  reason: string | null
}
