import { z } from 'zod'

/**
 * Schemas of path and query parameters. Query values arrive as strings; an
 * index is a canonical decimal (no sign, no leading zeros, no exponent) that
 * fits a safe integer, so two spellings never name the same entry.
 *
 * @example indexString.parse('42') // 42; '042', '-1', '1e3' fail
 */
export const indexString = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,15})$/, 'expected a non-negative decimal integer')
  .transform(Number)
  .refine(Number.isSafeInteger, 'out of range')

/** A SHA-256 in lowercase hex (transaction ids). */
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters')

/** `?wait=` of POST /v1/transactions. */
export const SubmitQuery = z.strictObject({
  /** `true`: receipts against the block's checkpoint; `final`: against one cosigned by a quorum of members; `false`: none. */
  wait: z.enum(['true', 'false', 'final']).default('true'),
})

/** GET /v1/entries. @example EntriesQuery.parse({ limit: '10' }) // { from: 0, limit: 10 } */
export const EntriesQuery = z.strictObject({
  from: indexString.default(0),
  limit: indexString.pipe(z.number().int().min(1).max(1000)).default(100),
})

/** GET /v1/proofs/inclusion. */
export const InclusionQuery = z.strictObject({
  index: indexString,
  treeSize: indexString.optional(),
})

/** GET /v1/proofs/consistency. */
export const ConsistencyQuery = z.strictObject({
  from: indexString,
  to: indexString.optional(),
})

/** A path parameter that is an index. */
export const IndexParams = z.strictObject({ index: indexString })

/** GET /v1/receipts/:index. @example ReceiptQuery.parse({ final: 'true' }) */
export const ReceiptQuery = z.strictObject({ final: z.enum(['true', 'false']).default('false') })

/** A path parameter that is a transaction id. */
export const TxidParams = z.strictObject({ txid: hex64 })

/** Module and query names in a path. */
export const QueryPathParams = z.strictObject({
  module: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'not a module name'),
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, 'not a query name'),
})
