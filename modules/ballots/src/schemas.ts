import { TOKEN_VARIANTS } from '@tabularium/voting'
import { z } from 'zod'

// Bounds that keep every transaction under the ledger's 64 kB and every
// verification bounded, whatever a hostile client sends.
export const LIMITS = {
  questions: 10,
  options: 64,
  trustees: 32,
  codesPerTransaction: 500,
  title: 200,
  text: 4000,
} as const

/** A process id (ballot or petition): 1–64 letters, digits, `.`, `_`, `-`. */
export const ProcessIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected an id of 1–64 letters, digits, `.`, `_` or `-`')
/** A SHA-256 digest as 64 lower-case hex digits. */
export const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits')
const TimeSchema = z.iso.datetime({ offset: false })
const B64 = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'expected base64url of at most 128 characters')
const LongB64 = z.string().regex(/^[A-Za-z0-9_-]{1,1024}$/, 'expected base64url of at most 1024 characters')
const ShortId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'expected an id of 1–32 letters, digits, `.`, `_` or `-`')

/** An RFC 9474 issuer public key. */
export const TokenPublicKeySchema = z.strictObject({
  variant: z.enum(Object.keys(TOKEN_VARIANTS) as [keyof typeof TOKEN_VARIANTS]),
  n: LongB64,
  e: z.string().regex(/^[A-Za-z0-9_-]{1,8}$/),
})

/** An unblinded token: the prepared message and the issuer's signature. */
export const TokenSchema = z.strictObject({ message: B64, signature: LongB64 })

const OptionSchema = z.strictObject({
  id: ShortId,
  title: z.string().min(1).max(LIMITS.title),
  cost: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
})

/** A question as the organiser writes it; rules are derived and checked by `normaliseQuestion`. */
export const QuestionInputSchema = z.strictObject({
  id: ShortId,
  title: z.string().min(1).max(LIMITS.title),
  type: z.enum(['single', 'multiple', 'approval', 'budget']),
  options: z.array(OptionSchema).min(1).max(LIMITS.options),
  min: z.number().int().min(0).max(LIMITS.options).optional(),
  max: z.number().int().min(0).max(LIMITS.options).optional(),
  budget: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  minimumBudget: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
})

const JsonScalar = z.union([z.string().max(256), z.number(), z.boolean()])
/** The census: claims a credential must disclose, or a list of one-time codes (added as hashes). */
export const CensusInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('credential'),
    credentialType: z.string().min(1).max(200),
    claims: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/), JsonScalar)
      .refine((c) => Object.keys(c).length <= 16, 'at most 16 claims'),
  }),
  z.strictObject({ kind: z.literal('list') }),
])

export const CreateBallotArgsSchema = z.strictObject({
  id: ProcessIdSchema,
  title: z.string().min(1).max(LIMITS.title),
  description: z.string().max(LIMITS.text).optional(),
  questions: z.array(QuestionInputSchema).min(1).max(LIMITS.questions),
  opens: TimeSchema,
  closes: TimeSchema,
  voteAgain: z.boolean().default(false),
  census: CensusInputSchema,
  issuerKey: TokenPublicKeySchema,
  trustees: z.array(ShortId).min(1).max(LIMITS.trustees),
  threshold: z.number().int().min(1).max(LIMITS.trustees),
  /** From when the ceremony may be closed without absent trustees; default halfway from creation to `opens`. */
  ceremonyDeadline: TimeSchema.optional(),
})
export type CreateBallotArgs = z.infer<typeof CreateBallotArgsSchema>

export const AddCensusCodesArgsSchema = z.strictObject({
  process: ProcessIdSchema,
  codeHashes: z.array(HashSchema).min(1).max(LIMITS.codesPerTransaction),
})

const SchnorrSchema = z.strictObject({ challenge: B64, response: B64 })
/** An encrypted key share: base64url of nonce ‖ ChaCha20-Poly1305 ciphertext ‖ tag (60 bytes). */
const EncryptedShareSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{80}$/, 'expected an encrypted share: base64url of 60 bytes (80 characters)')
export const CeremonyKeyArgsSchema = z.strictObject({
  ballot: ProcessIdSchema,
  /** E = e·g, the trustee's encryption key for this ceremony (`createCeremonyKey`). */
  key: B64,
  /** Proof of knowledge of e for `<ballot>/<trustee>`. */
  proof: SchnorrSchema,
})
export const DealingArgsSchema = z.strictObject({
  ballot: ProcessIdSchema,
  commitments: z.array(B64).min(1).max(LIMITS.trustees),
  /** Proof of knowledge of a_0 (`dealEncryptedShares(…).proof`, context `<ballot>/<trustee>`). */
  proof: SchnorrSchema,
  /** Share j encrypted to trustee j's ceremony key, in the ballot's trustee order; '' for a trustee without a key. */
  shares: z
    .array(z.union([EncryptedShareSchema, z.literal('')]))
    .min(1)
    .max(LIMITS.trustees),
})
export const ConfirmArgsSchema = z.strictObject({ ballot: ProcessIdSchema })
export const CloseCeremonyArgsSchema = z.strictObject({ ballot: ProcessIdSchema })
export const ComplaintArgsSchema = z.strictObject({
  ballot: ProcessIdSchema,
  /** The member id of the dealer whose share for the signer is bad. */
  dealer: ShortId,
  /** K = e_signer·E_dealer, and the Chaum–Pedersen proof that it is (`fileComplaint`). */
  sharedKey: B64,
  proof: SchnorrSchema,
})
export const IssueTokenArgsSchema = z.strictObject({ process: ProcessIdSchema, member: HashSchema })

const ProofSchema = z.strictObject({
  commitments: z.array(B64).max(2 * (LIMITS.options + 1)),
  challenges: z.array(B64).max(LIMITS.options + 1),
  responses: z.array(B64).max(LIMITS.options + 1),
})
const CiphertextSchema = z.strictObject({ alpha: B64, beta: B64 })
const SlackSchema = z.strictObject({
  bits: z.array(CiphertextSchema).max(41),
  bitProofs: z.array(ProofSchema).max(41),
  sum: ProofSchema,
})
/** One encrypted answer (`EncryptedBallot`, or `BudgetBallot` for a participatory budget). */
export const AnswerSchema = z.strictObject({
  electionId: z.string().max(256),
  context: z.string().max(128),
  ciphertexts: z.array(CiphertextSchema).max(LIMITS.options),
  optionProofs: z.array(ProofSchema).max(LIMITS.options),
  sumProof: ProofSchema.optional(),
  budgetProof: z.strictObject({ upper: SlackSchema, lower: SlackSchema.optional() }).optional(),
})
export const CastArgsSchema = z.strictObject({
  ballot: ProcessIdSchema,
  token: TokenSchema,
  answers: z.array(AnswerSchema).min(1).max(LIMITS.questions),
})
export type CastArgs = z.infer<typeof CastArgsSchema>

const EqualityProofSchema = z.strictObject({ challenge: B64, response: B64 })
const PartialSchema = z.strictObject({
  index: z.number().int().min(1).max(255),
  shares: z.array(z.strictObject({ point: B64, proof: EqualityProofSchema })).max(LIMITS.options),
})
export const PartialArgsSchema = z.strictObject({
  ballot: ProcessIdSchema,
  partials: z.array(PartialSchema).min(1).max(LIMITS.questions),
})
export const TallyArgsSchema = z.strictObject({
  ballot: ProcessIdSchema,
  counts: z
    .array(z.array(z.number().int().min(0)).max(LIMITS.options))
    .min(1)
    .max(LIMITS.questions),
})

export const CreatePetitionArgsSchema = z.strictObject({
  id: ProcessIdSchema,
  title: z.string().min(1).max(LIMITS.title),
  text: z.string().min(1).max(LIMITS.text),
  threshold: z.number().int().min(1).max(1_000_000_000),
  opens: TimeSchema,
  closes: TimeSchema,
  census: CensusInputSchema,
  issuerKey: TokenPublicKeySchema,
})
export const SignPetitionArgsSchema = z.strictObject({ petition: ProcessIdSchema, token: TokenSchema })
