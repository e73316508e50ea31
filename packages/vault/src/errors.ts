import { BaseError } from '@tabularium/core'

/** Codes the vault raises (all in the catalogue of `@tabularium/protocol`). */
export type VaultErrorCode = 'NOT_FOUND' | 'INVALID_REQUEST' | 'INVALID_KEY' | 'ACCESS_NOT_LOGGED'

/**
 * An error of the vault: an unknown subject or record, a bad request, a bad
 * master key, or a read refused because it could not be logged.
 *
 * @example throw new VaultError('NOT_FOUND', 'no such record', { details: { record } })
 */
export class VaultError extends BaseError<VaultErrorCode> {}
