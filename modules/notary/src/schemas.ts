import { canonicalize, utf8 } from '@tabularium/core'
import { z } from 'zod'

/** Bounds of a stamp's optional fields. */
export const STAMP_LIMITS = {
  metadataKeys: 16,
  metadataBytes: 1024,
  metadataValue: 256,
  title: 200,
  reason: 500,
} as const

/** A SHA-256 digest as 64 lower-case hex digits. */
export const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest as 64 lower-case hex digits')

/** A transaction id (64 lower-case hex digits). */
export const TxidSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a transaction id (64 hex digits)')

/** A short document type such as `permit`, `minutes` or `eu.europa.ec:diploma`. */
export const DocTypeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'expected a document type of 1–64 letters, digits, `.`, `_`, `:` or `-`')

/**
 * Flat metadata: at most 16 keys, string values of at most 256 characters
 * or finite numbers, at most 1 KiB as JCS. Nested values are refused so that
 * metadata stays a label, not a document.
 */
export const MetadataSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'metadata keys are 1–64 letters, digits, `_`, `.` or `-`'),
    z.union([z.string().max(STAMP_LIMITS.metadataValue), z.number()]),
  )
  .refine(
    (m) => Object.keys(m).length <= STAMP_LIMITS.metadataKeys,
    `at most ${STAMP_LIMITS.metadataKeys} metadata keys`,
  )
  .refine(
    (m) => utf8(canonicalize(m)).length <= STAMP_LIMITS.metadataBytes,
    `metadata is over ${STAMP_LIMITS.metadataBytes} bytes`,
  )

/**
 * Arguments of `stamp`.
 *
 * @example StampArgsSchema.parse({ hash: 'e3b0c442…', docType: 'permit', metadata: { ref: 'P-2026-17' } })
 */
export const StampArgsSchema = z.strictObject({
  hash: HashSchema,
  docType: DocTypeSchema.optional(),
  metadata: MetadataSchema.optional(),
  title: z.string().min(1).max(STAMP_LIMITS.title).optional(),
})

/** Arguments of `revoke`: which stamp (default: the signer's latest active one) and why. */
export const RevokeArgsSchema = z.strictObject({
  hash: HashSchema,
  stamp: TxidSchema.optional(),
  reason: z.string().min(1).max(STAMP_LIMITS.reason),
})
