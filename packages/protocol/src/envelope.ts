import { z } from 'zod'

/** Limits that admission enforces (bytes are of the JCS form). */
export const LIMITS = {
  maxTransactionBytes: 64 * 1024,
  maxBatchTransactions: 1000,
  maxBodyBytes: 8 * 1024 * 1024,
  maxNonceLength: 128,
  maxNameLength: 64,
  /** How far ahead `expires` may be: the replay-protection window. */
  maxExpiryMs: 24 * 60 * 60 * 1000,
} as const

const name = z
  .string()
  .min(1)
  .max(LIMITS.maxNameLength)
  .regex(/^[a-z][a-z0-9-]*$/)

/**
 * The transaction envelope (DESIGN §2.1). Signed as
 * `signingInput('transaction', canonicalBytes(tx))`.
 */
export const TransactionEnvelopeSchema = z.strictObject({
  v: z.literal(1),
  network: name,
  module: name,
  action: z
    .string()
    .min(1)
    .max(LIMITS.maxNameLength)
    .regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  args: z.record(z.string(), z.unknown()),
  signer: z.string().min(9).max(512).startsWith('did:'),
  nonce: z.string().min(1).max(LIMITS.maxNonceLength),
  expires: z.iso.datetime({ offset: false }),
})

/** A signed transaction on the wire: the envelope and a base64url signature. */
export const SignedTransactionSchema = z.strictObject({
  tx: TransactionEnvelopeSchema,
  sig: z
    .string()
    .min(16)
    .max(256)
    .regex(/^[A-Za-z0-9_-]+$/),
})

/** A transaction envelope. */
export type TransactionEnvelope = z.infer<typeof TransactionEnvelopeSchema>
/** A signed transaction. */
export type SignedTransaction = z.infer<typeof SignedTransactionSchema>
