import { z } from 'zod'

// Query parameters arrive as query-string text, so numbers are coerced.

/** A page size between 1 and `max`. @example limitSchema(500, 100).parse('20') // 20 */
export function limitSchema(max: number, fallback: number) {
  return z.coerce.number().int().min(1).max(max).default(fallback)
}

/** An opaque paging cursor (a log index, as text). */
export const CursorSchema = z.string().regex(/^[0-9]{1,15}$/, 'expected a cursor from a previous page')

/**
 * An RFC 3339 time, normalised to the ledger's form (UTC, milliseconds) so
 * that it compares as text with stored times.
 */
export const TimeSchema = z.iso.datetime({ offset: true }).transform((text) => new Date(text).toISOString())

/** A signer DID filter. */
export const SignerSchema = z.string().startsWith('did:').max(512)

/** A member id filter. */
export const OrganisationSchema = z.string().min(1).max(64)
