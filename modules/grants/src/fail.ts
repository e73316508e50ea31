import { type ErrorCode, ProtocolError } from '@tabularium/protocol'

/**
 * Refuses the action with a catalogued code; the ledger logs the entry as
 * rejected and writes nothing.
 *
 * @example fail('NOT_FOUND', `no stamp of ${hash}`, { hash })
 */
export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new ProtocolError(code, message, details === undefined ? {} : { details })
}
