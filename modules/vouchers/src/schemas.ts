import { z } from 'zod'
import { isValidIban, normaliseIban } from './iban.js'

/** A slug id chosen by the client: 1–24 of `a-z0-9-`, starting with a letter or digit. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'expected an id of 1–24 lower-case letters, digits or `-`')

/** 64 lower-case hex digits (a SHA-256 or HMAC-SHA-256). */
export const Hex64Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits')

/** A pseudonymous beneficiary id: 64 hex digits (HMAC-SHA-256 of a municipal id; see `pseudonymOf`). */
export const PseudonymSchema = Hex64Schema

/** A voucher id: 1–64 of `a-z0-9-`. */
export const VoucherIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a voucher id')

/** An amount in cents, 1 cent to 1 billion euro. */
export const AmountSchema = z.number().int().min(1).max(100_000_000_000)

/** A spending category such as `food`, `sport`, `culture`. */
export const CategorySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'expected a category of 1–32 lower-case letters, digits or `-`')

/** An RFC 3339 time, normalised to the ledger's form. */
export const TimeSchema = z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString())

/** A calendar date (YYYY-MM-DD). */
export const DateSchema = z.iso.date()

export const DidSchema = z.string().regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]{1,400}$/, 'expected a DID')

/** A display name (shops, funds): 1–70 characters, the SEPA name length. */
export const NameSchema = z.string().trim().min(1).max(70)

/** An IBAN, any spacing or case; refused unless its length and MOD 97 check hold. */
export const IbanSchema = z
  .string()
  .max(50)
  .transform(normaliseIban)
  .refine(isValidIban, 'not a valid IBAN (length or check digits)')

export const BicSchema = z
  .string()
  .regex(/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/, 'expected a BIC (8 or 11 characters)')

export const AccountSchema = z.strictObject({ name: NameSchema, iban: IbanSchema, bic: BicSchema.optional() })

const EligibilitySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('credential'),
    types: z.array(z.string().min(1).max(128)).min(1).max(8),
    issuers: z.array(DidSchema).max(32).default([]),
    unitsClaim: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/)
      .optional(),
  }),
  z.strictObject({ kind: z.literal('list') }),
  z.strictObject({ kind: z.literal('clerk') }),
])

const AmountRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), value: AmountSchema }),
  z.strictObject({
    kind: z.literal('perUnit'),
    base: z.number().int().min(0).max(100_000_000),
    perUnit: AmountSchema,
    maxUnits: z.number().int().min(1).max(100),
    unit: z.string().regex(/^[a-z][a-z-]{0,31}$/),
  }),
])

const LimitsSchema = z
  .strictObject({
    period: z.enum(['day', 'week', 'month']),
    maxAmount: AmountSchema.optional(),
    maxUses: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((l) => l.maxAmount !== undefined || l.maxUses !== undefined, 'a limit needs maxAmount or maxUses')

/** Arguments of `createFund`. */
export const CreateFundArgsSchema = z
  .strictObject({
    id: IdSchema,
    name: NameSchema,
    budget: AmountSchema,
    opensAt: TimeSchema,
    closesAt: TimeSchema,
    eligibility: EligibilitySchema,
    amount: AmountRuleSchema,
    voucherKind: z.enum(['budget', 'product']).default('budget'),
    product: CategorySchema.optional(),
    categories: z.array(CategorySchema).max(32).default([]),
    validDays: z.number().int().min(1).max(3660).optional(),
    limits: LimitsSchema.optional(),
    managers: z.array(DidSchema).max(32).default([]),
    debtor: AccountSchema,
  })
  .refine((f) => f.opensAt < f.closesAt, { message: 'closesAt must be after opensAt', path: ['closesAt'] })
  .refine((f) => (f.voucherKind === 'product') === (f.product !== undefined), {
    message: 'product vouchers name a product code; budget vouchers do not',
    path: ['product'],
  })

/** One voucher to issue. */
const IssueItemSchema = z.strictObject({
  beneficiary: PseudonymSchema,
  id: VoucherIdSchema.optional(),
  units: z.number().int().min(0).max(100).optional(),
  holder: DidSchema.optional(),
  card: z
    .strictObject({ handle: Hex64Schema, pin: z.strictObject({ salt: Hex64Schema, verifier: Hex64Schema }).optional() })
    .optional(),
  evidence: Hex64Schema.optional(),
})

export const IssueVouchersArgsSchema = z.strictObject({
  fund: IdSchema,
  vouchers: z.array(IssueItemSchema).min(1).max(500),
})

export const AddEligibleArgsSchema = z.strictObject({
  fund: IdSchema,
  entries: z
    .array(z.strictObject({ beneficiary: PseudonymSchema, units: z.number().int().min(0).max(100).default(0) }))
    .min(1)
    .max(500),
})

export const RegisterProviderArgsSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  account: AccountSchema,
  categories: z.array(CategorySchema).min(1).max(16),
  funds: z.array(IdSchema).max(32).default([]),
})

export const ApplyToFundArgsSchema = z.strictObject({ fund: IdSchema })

export const DecideProvidersArgsSchema = z.strictObject({
  fund: IdSchema,
  providers: z.array(IdSchema).min(1).max(500),
  status: z.enum(['approved', 'suspended', 'rejected']),
})

export const SaveOfferArgsSchema = z.strictObject({
  id: IdSchema,
  name: z.string().trim().min(1).max(100),
  category: CategorySchema,
  price: AmountSchema,
  product: CategorySchema.optional(),
  active: z.boolean().default(true),
})

/** What a wallet signs for the QR code it shows (see `signVoucherAuthorisation`). */
export const AuthorisationPayloadSchema = z.strictObject({
  v: z.literal(1),
  voucher: VoucherIdSchema,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  expires: z.iso.datetime(),
  maxAmount: AmountSchema.optional(),
})

export const RedeemArgsSchema = z
  .strictObject({
    authorisation: z
      .strictObject({ payload: AuthorisationPayloadSchema, sig: z.string().regex(/^[A-Za-z0-9_-]{40,200}$/) })
      .optional(),
    card: z.strictObject({ handle: Hex64Schema, pinProof: Hex64Schema.optional() }).optional(),
    amount: AmountSchema.optional(),
    offer: IdSchema.optional(),
    category: CategorySchema.optional(),
    reference: z.string().max(64).optional(),
  })
  .refine(
    (r) => (r.authorisation === undefined) !== (r.card === undefined),
    'give exactly one of authorisation (QR code) and card',
  )
  .refine((r) => r.amount !== undefined || r.offer !== undefined, 'give an amount or an offer')

export const RefundArgsSchema = z.strictObject({
  redemption: Hex64Schema,
  amount: AmountSchema.optional(),
  reason: z.string().min(1).max(200),
})

export const CreateSettlementArgsSchema = z.strictObject({ fund: IdSchema, id: IdSchema, executionDate: DateSchema })

export const SettlementPaidArgsSchema = z.strictObject({ id: IdSchema })

export const RequestReimbursementArgsSchema = z.strictObject({
  voucher: VoucherIdSchema,
  amount: AmountSchema,
  category: CategorySchema,
  receipt: Hex64Schema,
  payeeRef: z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'a vault reference, never an IBAN or a name'),
})

export const DecideReimbursementArgsSchema = z.strictObject({
  id: Hex64Schema,
  approve: z.boolean(),
  reason: z.string().min(1).max(200).optional(),
})

export const CloseFundArgsSchema = z.strictObject({ fund: IdSchema })
