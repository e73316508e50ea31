import { BaseError } from '@tabularium/core'

/**
 * Codes raised by `@tabularium/identity`. Each verification failure has its
 * own code so that a verifier (and a citizen) can tell why a credential was
 * refused; all of them are in the protocol's error catalogue.
 */
export const IDENTITY_ERROR_CODES = [
  'CREDENTIAL_MALFORMED',
  'INVALID_SIGNATURE',
  'UNSUPPORTED_ALGORITHM',
  'INVALID_DID',
  'DID_NOT_FOUND',
  'ISSUER_NOT_ACCREDITED',
  'SCHEMA_UNKNOWN',
  'SCHEMA_MISMATCH',
  'NOT_YET_VALID',
  'EXPIRED',
  'REVOKED',
  'SUSPENDED',
  'STATUS_UNAVAILABLE',
  'HOLDER_BINDING_INVALID',
  'DISCLOSURE_INVALID',
] as const

/** A code raised by `@tabularium/identity`. */
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number]

/**
 * An error raised by `@tabularium/identity`.
 *
 * @example
 * throw new IdentityError('REVOKED', 'credential is revoked', { details: { statusListIndex: 7 } })
 */
export class IdentityError extends BaseError<IdentityErrorCode> {}
