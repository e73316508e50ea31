import { type ErrorCode, ProtocolError } from '@tabularium/protocol'

/**
 * Refuses the action: the ledger logs the entry as rejected with `code` and
 * writes nothing.
 *
 * @example fail('PROPOSAL_NOT_FOUND', `no proposal ${id}`, { id })
 */
export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new ProtocolError(code, message, details === undefined ? {} : { details })
}

/**
 * Refuses arguments that are well-formed but impossible in the current state,
 * in the same `details.issues` shape as schema failures, so that clients show
 * both the same way.
 *
 * @example invalidArgs('threshold', 'threshold 4 exceeds the 3 members')
 */
export function invalidArgs(path: string, message: string): never {
  throw new ProtocolError('INVALID_ARGS', message, { details: { issues: [{ path, message }] } })
}
